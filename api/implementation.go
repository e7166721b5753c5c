package api

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// ImplementationStore is what the implementation handlers need of the
// store: what was carried out of provisions and events.
type ImplementationStore interface {
	ImplementationSteps(ctx context.Context, f store.ImplementationFilter) ([]models.ImplementationStep, error)
	ImplementationStep(ctx context.Context, id int64) (models.ImplementationStep, error)
	CreateImplementationStep(ctx context.Context, actor string, st models.ImplementationStep) (models.ImplementationStep, error)
	UpdateImplementationStep(ctx context.Context, actor string, id int64, ifVersion int, patch models.ImplementationPatch) (models.ImplementationStep, error)
	DeleteImplementationStep(ctx context.Context, actor string, id int64, ifVersion int) error
}

var implementationQueryParams = []QueryParam{
	{"event", "string", "Only steps that carry out this event (its key)"},
	{"key", "string", "Only steps that carry out a provision on this key"},
}

// listImplementation serves GET /implementation?event=&key=.
func (a *API) listImplementation(c *gin.Context) {
	listFiltered(c, func(q *queryReader) store.ImplementationFilter {
		return store.ImplementationFilter{Event: q.text("event", 120), Key: q.text("key", 80)}
	}, a.store.ImplementationSteps)
}
