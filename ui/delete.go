package ui

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// Every delete asks first, on a page of its own (so it works without
// JavaScript): what will go, and that it can be undone. The delete itself
// is a form post carrying the version the page showed; the store records
// it with the whole record, and the Deleted list and the history offer to
// undo it. A row still referred to is refused by the store, which says by
// what; the page then says so in place of the button.

type deletePage struct {
	Page
	Target  deletion
	Refusal string // why the store refused, after a try
}

// deletion is what the confirm page says of a row and where it leads.
type deletion struct {
	Entity  string
	ID      int64
	Name    string   // "“Troop cap”, point 6 of v1 28-point draft"
	Goes    []string // what goes with it: "its 29 provisions"
	Version int
	Action  string // the form's target
	Back    string // where Cancel leads (and the page after a refusal)
	After   string // where the browser goes once it is deleted
	Verb    string // "Remove" for a user; "Delete" when empty
	NoUndo  string // what the page says in place of the undo, for what cannot be undone
}

// describe loads the row a delete of an e is about.
func describe(ctx context.Context, e formEntity, id int64) (deletion, error) {
	return e.describe(ctx, deletion{Entity: e.name, ID: id, Action: e.rowURL(id) + "/delete"})
}

// describeRow is a formEntity's describe for rows that load reads: it
// reads the row the deletion is about and takes its version (the delete
// posts it back), and named says the rest: the row's name, what goes with
// it, where Cancel and the deletion lead.
func describeRow[T interface{ RowVersion() int }](load func(ctx context.Context, id int64) (T, error),
	named func(ctx context.Context, row T, d deletion) (deletion, error)) func(context.Context, deletion) (deletion, error) {
	return func(ctx context.Context, d deletion) (deletion, error) {
		row, err := load(ctx, d.ID)
		if err != nil {
			return d, err
		}
		d.Version = row.RowVersion()
		return named(ctx, row, d)
	}
}

// confirmDelete serves GET /<entity>/:id/delete: the question.
func confirmDelete(e formEntity) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := pathID(c, "id")
		if !ok {
			return
		}
		d, err := describe(c.Request.Context(), e, id)
		if err != nil {
			fail(c, err)
			return
		}
		render(c, http.StatusOK, "delete", &deletePage{Page: Page{Title: deleteHeading(c, d), Section: e.section}, Target: d})
	}
}

// deleteRow serves POST /<entity>/:id/delete: the delete, then the page
// the row was on, with a message saying how to undo it. A refusal (still
// referred to, changed meanwhile) comes back on the confirm page.
func deleteRow(e formEntity) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := pathID(c, "id")
		if !ok {
			return
		}
		ctx := c.Request.Context()
		d, err := describe(ctx, e, id)
		if err != nil {
			fail(c, err)
			return
		}
		version, err := strconv.Atoi(c.PostForm("version"))
		if err != nil || version <= 0 {
			fail(c, models.Invalid("version", "is missing: open the delete page again"))
			return
		}
		err = e.remove(ctx, web.Actor(c), id, version)
		if errors.Is(err, store.ErrInUse) || errors.Is(err, store.ErrConflict) {
			// The store's reason, without its "still in use:" prefix:
			// "Party UA is still referenced by 3 drafts, …".
			msg := capitalize(strings.TrimPrefix(err.Error(), store.ErrInUse.Error()+": ")) + "."
			if errors.Is(err, store.ErrConflict) {
				msg = "Someone changed it since this page was opened, so nothing was deleted. Look at it again before deleting it."
			}
			render(c, http.StatusConflict, "delete", &deletePage{Page: Page{Title: loc(c).T("delete.cannot", "Name", d.Name), Section: e.section},
				Target: d, Refusal: msg})
			return
		}
		if err != nil {
			fail(c, err)
			return
		}
		seeOtherSaying(c, d.After, loc(c).T("flash.deleted", "Name", d.Name))
	}
}

// deleteHeading is a delete page's question in the reader's language, as
// its heading asks it: "Delete v2 Geneva revision?", "Remove the user …?".
func deleteHeading(c *gin.Context, d deletion) string {
	verb := loc(c).T("row.delete")
	if d.Verb != "" {
		verb = loc(c).Text(d.Verb)
	}
	return loc(c).T("delete.confirm", "Verb", verb, "Name", d.Name)
}

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
