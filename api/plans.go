package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
)

// PlanStore is what the plan handlers need of the store.
type PlanStore interface {
	Plans(ctx context.Context) ([]models.Plan, error)
	Plan(ctx context.Context, id int64) (models.Plan, error)
	CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error)
	UpdatePlan(ctx context.Context, actor string, id int64, ifVersion int, patch models.PlanPatch) (models.Plan, error)
	DeletePlan(ctx context.Context, actor string, id int64, ifVersion int) error
}

func (a *API) listPlans(c *gin.Context) {
	plans, err := a.store.Plans(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(plans))
}

func (a *API) createPlan(c *gin.Context) {
	var in models.PlanInput
	if !bindJSON(c, &in) {
		return
	}
	p, err := a.store.CreatePlan(c.Request.Context(), auth.Actor(c), in.Plan())
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/plans/"+strconv.FormatInt(p.ID, 10))
	respondEntity(c, http.StatusCreated, p, p.Version)
}
