package ui

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// fromPath loads the row the path's :id names, as most pages start. When
// the id is malformed or the row cannot be loaded it answers the request
// itself (404 for a row that is not there) and reports false.
func fromPath[T any](c *gin.Context, load func(ctx context.Context, id int64) (T, error)) (T, bool) {
	var row T
	id, ok := pathID(c, "id")
	if !ok {
		return row, false
	}
	row, err := load(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return row, false
	}
	return row, true
}

// planFromPath loads the plan the path names, as the plan's pages and its
// new-draft forms all start.
func (u *UI) planFromPath(c *gin.Context) (models.Plan, bool) { return fromPath(c, u.store.Plan) }

// draftFromPath loads the draft the path names, as the forms that add to
// a draft start.
func (u *UI) draftFromPath(c *gin.Context) (models.Draft, bool) { return fromPath(c, u.store.Draft) }

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

// draftAndPlanFromPath is draftAndPlan of the draft the path names.
func (u *UI) draftAndPlanFromPath(c *gin.Context) (models.Draft, models.Plan, bool) {
	id, ok := pathID(c, "id")
	if !ok {
		return models.Draft{}, models.Plan{}, false
	}
	return u.draftAndPlan(c, id)
}
