package ui

import (
	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// draftAndPlan loads a draft and the plan it belongs to, as the pages of a
// draft and its forms all show both. When either cannot be loaded it
// answers the request itself (404 for a missing draft) and reports false.
func (u *UI) draftAndPlan(c *gin.Context, draftID int64) (models.Draft, models.Plan, bool) {
	ctx := c.Request.Context()
	d, err := u.store.Draft(ctx, draftID)
	if err != nil {
		fail(c, err)
		return d, models.Plan{}, false
	}
	plan, err := u.store.Plan(ctx, d.PlanID)
	if err != nil {
		fail(c, err)
		return d, plan, false
	}
	return d, plan, true
}

// planFromPath loads the plan the path's :id names, as the plan's pages
// and its new-draft forms all start. When the id is malformed or the plan
// cannot be loaded it answers the request itself and reports false.
func (u *UI) planFromPath(c *gin.Context) (models.Plan, bool) {
	id, ok := pathID(c, "id")
	if !ok {
		return models.Plan{}, false
	}
	plan, err := u.store.Plan(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return plan, false
	}
	return plan, true
}

// draftFromPath loads the draft the path's :id names, as the forms that
// add to a draft all start. When the id is malformed or the draft cannot
// be loaded it answers the request itself and reports false.
func (u *UI) draftFromPath(c *gin.Context) (models.Draft, bool) {
	id, ok := pathID(c, "id")
	if !ok {
		return models.Draft{}, false
	}
	d, err := u.store.Draft(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return d, false
	}
	return d, true
}
