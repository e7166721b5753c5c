package ui

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// listDeleted serves GET /deleted: what was deleted and can come back,
// newest first, each with the button that undoes it.
func (u *UI) listDeleted(c *gin.Context) {
	deleted, err := u.store.Deleted(c.Request.Context(), store.DefaultPageSize, queryID(c, "before"))
	if err != nil {
		fail(c, err)
		return
	}
	views := newChangeViews(deleted)
	if web.Allowed(c, models.RoleEditor) == 0 {
		for i := range views {
			views[i].Undo = &undoForm{Action: "/changes/" + strconv.FormatInt(views[i].ID, 10) + "/undo",
				CSRFField: web.CSRFField, CSRFToken: web.CSRFToken(c)}
		}
	}
	page := &historyListPage{Page: Page{Title: loc(c).T("home.deleted"), Section: "history"}, Changes: views, Entity: "deleted"}
	if len(deleted) == store.DefaultPageSize {
		page.MoreURL = "/deleted?before=" + strconv.FormatInt(deleted[len(deleted)-1].ID, 10)
	}
	render(c, http.StatusOK, "changes", page)
}

// undoDelete serves POST /changes/:id/undo: the deletion undone, then the
// row's page. What stands in the way (undone already, a key taken
// meanwhile, the draft of a provision deleted too) is said on an error
// page, and nothing changes.
func (u *UI) undoDelete(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ch, err := u.store.UndoDelete(c.Request.Context(), web.Actor(c), id)
	if errors.Is(err, store.ErrConflict) || errors.Is(err, store.ErrDuplicate) {
		showError(c, http.StatusConflict, "Cannot undo this deletion", capitalize(err.Error())+". Nothing was changed.")
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	v := newChangeView(ch)
	target := v.URL
	if target == "" {
		target = "/history"
	}
	seeOtherSaying(c, target, "Restored the "+v.EntityLabel+" "+v.Name+", as it was when it was deleted.")
}
