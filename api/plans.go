package api

import (
	"context"

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
