package ui

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// adminEntities are the audit trail's entries about accounts: who has
// one, with which role, and their tokens. Only admins see them, as the
// API's GET /changes keeps them to admins.
var adminEntities = []string{store.EntityUser, store.EntityToken}

// dataEntities are the entities analysts change.
var dataEntities = []string{models.EntityPlan, models.EntityDraft, models.EntityProvision, models.EntityParty, models.EntitySource,
	models.EntityDraftStance, models.EntityEvent}

type historyListPage struct {
	Page
	Changes  []changeView
	Entity   string
	Entities []string
	MoreURL  string
}

const historyPageSize = 50

// history serves GET /history: the whole audit trail, newest first, a page
// at a time (?before= pages back by change id), filtered by ?entity=.
// Deletions that can be undone carry the button that does it.
func (u *UI) history(c *gin.Context) {
	ctx := c.Request.Context()
	isAdmin := web.Allowed(c, models.RoleAdmin) == 0
	entities := dataEntities
	if isAdmin {
		entities = append(slices.Clone(dataEntities), adminEntities...)
	}
	f := store.ChangeFilter{Entity: oneOf(c.Query("entity"), entities), BeforeID: queryID(c, "before"), Limit: historyPageSize}
	if !isAdmin {
		f.Hidden = adminEntities
	}
	changes, err := u.store.Changes(ctx, f)
	if err != nil {
		fail(c, err)
		return
	}
	views := newChangeViews(changes)
	if err := u.fillRestoredFrom(ctx, views); err != nil {
		fail(c, err)
		return
	}
	if err := u.offerUndo(c, views); err != nil {
		fail(c, err)
		return
	}
	page := &historyListPage{Page: Page{Title: loc(c).T("row.history"), Section: "history"}, Changes: views, Entity: f.Entity, Entities: entities}
	if len(changes) == historyPageSize {
		q := c.Request.URL.Query()
		q.Set("before", strconv.FormatInt(changes[len(changes)-1].ID, 10))
		page.MoreURL = "/history?" + q.Encode()
	}
	render(c, http.StatusOK, "changes", page)
}

// offerUndo puts the undo button on the deletions among views that can be
// undone now, for an editor.
func (u *UI) offerUndo(c *gin.Context, views []changeView) error {
	if web.Allowed(c, models.RoleEditor) != 0 {
		return nil
	}
	var oldest int64
	any := false
	for _, v := range views {
		if v.Action == models.ActionDelete {
			any = true
			if oldest == 0 || v.ID < oldest {
				oldest = v.ID
			}
		}
	}
	if !any {
		return nil
	}
	deleted, err := u.store.Deleted(c.Request.Context(), store.MaxPageSize, 0)
	if err != nil {
		return err
	}
	undoable := map[int64]bool{}
	for _, d := range deleted {
		undoable[d.ID] = true
	}
	for i := range views {
		if undoable[views[i].ID] {
			views[i].Undo = &undoForm{Action: "/changes/" + strconv.FormatInt(views[i].ID, 10) + "/undo",
				CSRFField: web.CSRFField, CSRFToken: web.CSRFToken(c)}
		}
	}
	return nil
}
