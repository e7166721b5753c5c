package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
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

func (a *API) listDrafts(c *gin.Context) {
	planID, ok := pathID(c, "id")
	if !ok {
		return
	}
	drafts, err := a.store.Drafts(c.Request.Context(), planID)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(drafts))
}

func (a *API) createDraft(c *gin.Context) {
	planID, ok := pathID(c, "id")
	if !ok {
		return
	}
	var in models.DraftInput
	if !bindJSON(c, &in) {
		return
	}
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
	d, err := a.store.CreateDraftWithProvisions(c.Request.Context(), web.Actor(c), in.Draft(planID), ps)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", draftURL(d.ID))
	respondEntity(c, http.StatusCreated, d, d.Version)
}

func (a *API) forkDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	var in models.ForkInput
	if !bindOptionalJSON(c, &in) {
		return
	}
	d, err := a.store.ForkDraft(c.Request.Context(), web.Actor(c), id, in)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", draftURL(d.ID))
	respondEntity(c, http.StatusCreated, d, d.Version)
}

func draftURL(id int64) string { return "/api/v1/drafts/" + strconv.FormatInt(id, 10) }
