package ui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// recentChanges is how many audit-trail entries the home page lists.
const recentChanges = 15

type homePage struct {
	Page
	Plans   []planDrafts
	Changes []changeView
	Record  models.RecordEnd // where the record ends
}

// home serves GET /: every plan with its drafts, each linked to the draft
// it was forked from (in any plan) and to their comparison, and the latest
// changes.
func (u *UI) home(c *gin.Context) {
	ctx := c.Request.Context()
	plans, err := u.homePlans(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	// Data changes only: who was added as a user or made a token is for
	// admins, on the history page.
	changes, err := u.store.Changes(ctx, store.ChangeFilter{Limit: recentChanges, Hidden: adminEntities})
	if err != nil {
		fail(c, err)
		return
	}
	record, err := u.store.RecordEnd(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "home", &homePage{Page: Page{Title: loc(c).T("home.title"), Section: "home"},
		Plans: plans, Changes: newChangeViews(changes), Record: record})
}

// homePlans are every plan with its drafts as the home page lists them:
// each draft with its number of provisions and, where it was forked, its
// parent (with the parent's plan where that is another plan) and the
// comparison of the two.
func (u *UI) homePlans(ctx context.Context) ([]planDrafts, error) {
	plans, byID, err := u.catalog(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := u.store.ProvisionCounts(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	for _, p := range plans {
		titles[p.Plan.ID] = p.Plan.Title
	}
	lineage := lineageOf(byID)
	for _, p := range plans {
		for i := range p.Drafts {
			d := &p.Drafts[i]
			d.Count = counts[d.ID]
			if d.ForkedFromID == nil {
				continue
			}
			if parent, ok := byID[*d.ForkedFromID]; ok {
				d.Parent = &parent
				if parent.PlanID != d.PlanID {
					d.ParentPlan = titles[parent.PlanID]
				}
				d.CompareParent, _ = compareURL(byID, lineage, parent.ID, d.ID)
			}
		}
	}
	return plans, nil
}
