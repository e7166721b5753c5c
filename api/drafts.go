package api

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// DraftStore is what the draft handlers need of the store.
type DraftStore interface {
	Drafts(ctx context.Context, planID int64) ([]models.Draft, error)
	Draft(ctx context.Context, id int64) (models.Draft, error)
	CreateDraft(ctx context.Context, actor string, d models.Draft) (models.Draft, error)
	CreateDraftWithProvisions(ctx context.Context, actor string, d models.Draft, ps []models.Provision) (models.Draft, error)
	UpdateDraft(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftPatch) (models.Draft, error)
	DeleteDraft(ctx context.Context, actor string, id int64, ifVersion int) error
	ForkDraft(ctx context.Context, actor string, id int64, in models.ForkInput) (models.Draft, error)
}

// draftsPath is the drafts' collection, where a new draft's Location is.
const draftsPath = "/api/v1/drafts"

// createDraft serves POST /plans/:id/drafts.
func (a *API) createDraft(c *gin.Context) {
	planID, ok := pathID(c, "id")
	if !ok {
		return
	}
	createFrom(c, draftsPath, bindJSON, func(ctx context.Context, actor string, in models.DraftInput) (models.Draft, error) {
		// With provisions (a draft read from its text, reviewed), the draft
		// and all of them are one write; such a draft is the analyst's own
		// reading until someone says what it is.
		if in.Standing == "" && len(in.Provisions) > 0 {
			in.Standing = models.StandingScenario
		}
		ps := make([]models.Provision, len(in.Provisions))
		for i, p := range in.Provisions {
			ps[i] = p.Provision(0)
		}
		return a.store.CreateDraftWithProvisions(ctx, actor, in.Draft(planID), ps)
	})
}

// forkDraft serves POST /drafts/:id/fork; the body may be left out.
func (a *API) forkDraft(c *gin.Context) {
	if id, ok := pathID(c, "id"); ok {
		createFrom(c, draftsPath, bindOptionalJSON, func(ctx context.Context, actor string, in models.ForkInput) (models.Draft, error) {
			return a.store.ForkDraft(ctx, actor, id, in)
		})
	}
}
