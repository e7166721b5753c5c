package ui

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
)

// Restoring an earlier version asks first, as deleting does: the
// history's button leads to a page that says which version comes back,
// what it changes, and what the provision's version will be; its form
// posts to restoreProvision.

type restorePage struct {
	Page
	Provision models.Provision
	Back      string // the provision's history
	// From is the version restored; the form carries ChangeID (the change
	// that left it) and Version (the current one, so a stale restore is
	// refused).
	From     int
	ChangeID int64
	Version  int
	Fields   []report.FieldChange
}

// confirmRestore serves GET /provisions/:id/restore?change_id=&version=:
// the question.
func (u *UI) confirmRestore(c *gin.Context) {
	id, changeID, version, ok := restoreChoice(c, c.Query, "the link is incomplete; open the history and try again")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	p, err := u.store.Provision(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	changes, err := u.provisionChanges(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	then, found := versionLeftBy(changes, changeID)
	if !found {
		fail(c, models.Invalid("change_id", "names no version of this provision to restore; open the history and try again"))
		return
	}
	back := "/provisions/" + strconv.FormatInt(id, 10) + "/history"
	if version != p.Version {
		changedMeanwhile(c)
		return
	}
	render(c, http.StatusOK, "restore", &restorePage{
		Page:      Page{Title: loc(c).T("restore.title", "Version", then.Version, "Title", p.Title), Section: "home"},
		Provision: p, Back: back, From: then.Version, ChangeID: changeID, Version: p.Version,
		Fields: report.CompareProvisions(p, then)})
}

// restoreChoice reads which provision the path names, which change's
// version of it to restore (change_id) and the version it replaces
// (version), these two through get (the query, the posted form). When one
// is missing or malformed it answers (a 404 for the id; else a 400 saying
// problem) and reports false.
func restoreChoice(c *gin.Context, get func(string) string, problem string) (id, changeID int64, version int, ok bool) {
	if id, ok = pathID(c, "id"); !ok {
		return 0, 0, 0, false
	}
	changeID, err1 := strconv.ParseInt(get("change_id"), 10, 64)
	version, err2 := strconv.Atoi(get("version"))
	if err1 != nil || err2 != nil {
		fail(c, models.Invalid("change_id", "%s", problem))
		return 0, 0, 0, false
	}
	return id, changeID, version, true
}

// changedMeanwhile answers a restore of a provision changed since its
// history was opened.
func changedMeanwhile(c *gin.Context) {
	showError(c, http.StatusConflict, "Changed meanwhile",
		"Someone changed this provision since you opened its history, so nothing was restored. Reload the history and look again.")
}

// provisionChanges are a provision's changes, newest first, as many as a
// page holds.
func (u *UI) provisionChanges(ctx context.Context, id int64) ([]models.Change, error) {
	return u.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: id, Limit: store.MaxPageSize})
}

// versionLeftBy is the provision as the change changeID among changes
// left it; false when none of them is that change, or it left none.
func versionLeftBy(changes []models.Change, changeID int64) (models.Provision, bool) {
	for _, ch := range changes {
		if ch.ID == changeID {
			return decodeProvision(ch.After)
		}
	}
	return models.Provision{}, false
}

// fillRestoredFrom gives each restore among views on a page of the whole
// history, whose earlier versions are mostly on other pages, the version
// it went back to, from its provision's own history.
func (u *UI) fillRestoredFrom(ctx context.Context, views []changeView) error {
	for i := range views {
		v := &views[i]
		if v.Entity != models.EntityProvision || v.Action != models.ActionRestore || v.RestoredFrom != 0 {
			continue
		}
		changes, err := u.provisionChanges(ctx, v.EntityID)
		if err != nil {
			return err
		}
		for _, w := range newChangeViews(changes) {
			if w.ID == v.ID {
				v.RestoredFrom = w.RestoredFrom
			}
		}
	}
	return nil
}

// markRestoredFrom sets, for each restore of a provision's version among
// changes (newest first), the version it went back to: the latest earlier
// version of the same provision whose content the restore brought back.
// A change is read once; a restore whose earlier versions are not among
// changes (a page of the whole history) says nothing.
func markRestoredFrom(views []changeView) {
	decoded := make([]*models.Provision, len(views))
	after := func(i int) *models.Provision {
		if decoded[i] == nil {
			p, ok := decodeProvision(views[i].After)
			if !ok {
				p.Version = -1
			}
			decoded[i] = &p
		}
		return decoded[i]
	}
	for i := range views {
		v := &views[i]
		if v.Entity != models.EntityProvision || v.Action != models.ActionRestore {
			continue
		}
		if _, ok := decodeProvision(v.Before); !ok {
			continue // an undone deletion, not a version restored
		}
		restored := after(i)
		for j := i + 1; j < len(views); j++ {
			w := &views[j]
			if w.EntityID != v.EntityID || w.Action == models.ActionDelete {
				continue
			}
			if old := after(j); old.Version > 0 && old.Version < restored.Version && old.Key == restored.Key &&
				len(report.CompareProvisions(*old, *restored)) == 0 {
				v.RestoredFrom = old.Version
				break
			}
		}
	}
}
