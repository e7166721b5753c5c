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

type historyPage struct {
	Page
	ProvisionID int64
	Name        string
	Draft       *models.Draft // nil once the provision is deleted
	Deleted     bool
	Changes     []changeView
}

// provisionHistory serves GET /provisions/:id/history: the provision's
// changes over time, newest first, each with what it changed field by
// field. A deleted provision keeps its history.
func (u *UI) provisionHistory(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	changes, err := u.provisionChanges(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	data := &historyPage{ProvisionID: id, Changes: newChangeViews(changes)}
	p, err := u.store.Provision(ctx, id)
	switch {
	case err == nil:
		data.Name = p.Title
		if d, err := u.store.Draft(ctx, p.DraftID); err == nil {
			data.Draft = &d
		}
		if web.Allowed(c, models.RoleEditor) == 0 {
			offerRestore(c, data.Changes, p)
		}
	case errors.Is(err, store.ErrNotFound) && len(changes) > 0:
		data.Deleted = true
		data.Name = data.Changes[0].Name
	default:
		fail(c, err)
		return
	}
	data.Page = Page{Title: loc(c).T("history.title", "Name", data.Name), Section: "home"}
	render(c, http.StatusOK, "history", data)
}

// offerRestore puts a restore button on every change that left a version
// other than the current one; it asks first (confirmRestore).
func offerRestore(c *gin.Context, changes []changeView, current models.Provision) {
	for i := range changes {
		ch := &changes[i]
		if ch.Action == models.ActionDelete || ch.Version == current.Version || ch.Version == 0 {
			continue
		}
		ch.Restore = &restoreForm{Action: "/provisions/" + strconv.FormatInt(current.ID, 10) + "/restore",
			ChangeID: ch.ID, Version: current.Version}
	}
}

// restoreProvision serves POST /provisions/:id/restore: the provision as an
// earlier change left it, as a new version.
func (u *UI) restoreProvision(c *gin.Context) {
	id, changeID, version, ok := restoreChoice(c, c.PostForm, "the form is incomplete; reload the history and try again")
	if !ok {
		return
	}
	p, err := u.store.RestoreProvision(c.Request.Context(), web.Actor(c), id, version, changeID)
	if errors.Is(err, store.ErrConflict) {
		changedMeanwhile(c)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	from := ""
	if changes, err := u.provisionChanges(c.Request.Context(), id); err == nil {
		if then, ok := versionLeftBy(changes, changeID); ok {
			from = " back to version " + strconv.Itoa(then.Version) + ","
		}
	}
	seeOtherSaying(c, "/provisions/"+strconv.FormatInt(id, 10)+"/history", "Restored “"+p.Title+"”"+from+" as version "+strconv.Itoa(p.Version)+".")
}
