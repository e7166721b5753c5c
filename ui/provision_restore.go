package ui

import (
	"context"
	"net/http"
	"plantracker/models/report"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/models"
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
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	changeID, err1 := strconv.ParseInt(c.Query("change_id"), 10, 64)
	version, err2 := strconv.Atoi(c.Query("version"))
	if err1 != nil || err2 != nil {
		fail(c, models.Invalid("change_id", "the link is incomplete; open the history and try again"))
		return
	}
	ctx := c.Request.Context()
	p, err := u.store.Provision(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	changes, err := u.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: id, Limit: store.MaxPageSize})
	if err != nil {
		fail(c, err)
		return
	}
	var then models.Provision
	found := false
	for _, ch := range changes {
		if ch.ID == changeID {
			then, found = decodeProvision(ch.After)
			break
		}
	}
	if !found {
		fail(c, models.Invalid("change_id", "names no version of this provision to restore; open the history and try again"))
		return
	}
	back := "/provisions/" + strconv.FormatInt(id, 10) + "/history"
	if version != p.Version {
		showError(c, http.StatusConflict, "Changed meanwhile",
			"Someone changed this provision since you opened its history, so nothing was restored. Reload the history and look again.")
		return
	}
	render(c, http.StatusOK, "restore", &restorePage{
		Page:      Page{Title: loc(c).T("restore.title", "Version", then.Version, "Title", p.Title), Section: "home"},
		Provision: p, Back: back, From: then.Version, ChangeID: changeID, Version: p.Version,
		Fields: report.CompareProvisions(p, then)})
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
		changes, err := u.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: v.EntityID, Limit: store.MaxPageSize})
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
