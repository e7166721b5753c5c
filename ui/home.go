package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/store"
)

// recentChanges is how many audit-trail entries the home page lists.
const recentChanges = 15

type homePage struct {
	Page
	Plans   []planDrafts
	Changes []changeView
}

// home serves GET /: every plan with its drafts, and the latest changes.
func (u *UI) home(c *gin.Context) {
	ctx := c.Request.Context()
	plans, _, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	counts, err := u.store.ProvisionCounts(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	for _, p := range plans {
		for i := range p.Drafts {
			p.Drafts[i].Count = counts[p.Drafts[i].ID]
		}
	}
	changes, err := u.store.Changes(ctx, store.ChangeFilter{Limit: recentChanges})
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "home", &homePage{Page: Page{Title: "Plans and drafts", Section: "home"},
		Plans: plans, Changes: newChangeViews(changes)})
}
