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
