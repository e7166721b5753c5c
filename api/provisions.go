package api

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// ProvisionStore is what the provision handlers need of the store.
type ProvisionStore interface {
	Provisions(ctx context.Context, f store.ProvisionFilter) (store.Page[models.Provision], error)
	Provision(ctx context.Context, id int64) (models.Provision, error)
	CreateProvision(ctx context.Context, actor string, p models.Provision) (models.Provision, error)
	UpdateProvision(ctx context.Context, actor string, id int64, ifVersion int, patch models.ProvisionPatch) (models.Provision, error)
	MergeProvision(ctx context.Context, actor string, id int64, ifVersion int, patch json.RawMessage) (models.Provision, error)
	DeleteProvision(ctx context.Context, actor string, id int64, ifVersion int) error
	AddProvisionParty(ctx context.Context, actor string, id int64, ifVersion int, pp models.ProvisionParty) (models.Provision, error)
	RemoveProvisionParty(ctx context.Context, actor string, id int64, ifVersion int, party, role string) (models.Provision, error)
	RestoreProvision(ctx context.Context, actor string, id int64, ifVersion int, changeID int64) (models.Provision, error)
	ProvisionVersionChange(ctx context.Context, id int64, version int) (int64, error)
}

// RestoreInput names what to restore: an earlier version of the provision
// ("version": 1), or the version a change of its history left
// ("change_id": 61). One of the two.
type RestoreInput struct {
	Version  int   `json:"version,omitempty"`
	ChangeID int64 `json:"change_id,omitempty"`
}

// restoreProvision puts a provision back as an earlier change of its
// history left it: a new version, recorded as a change of its own.
func (a *API) restoreProvision(c *gin.Context) {
	id, version, ok := idAndVersion(c, a.store.Provision)
	if !ok {
		return
	}
	var in RestoreInput
	if !bindJSON(c, &in) {
		return
	}
	switch {
	case in.ChangeID < 0 || in.Version < 0 || (in.ChangeID == 0) == (in.Version == 0):
		verr := &models.ValidationError{}
		verr.Add("version", "give one of version (an earlier version of the provision) and change_id (a change of its history)")
		verr.Add("change_id", "give one of version and change_id")
		fail(c, verr)
		return
	case in.Version > 0:
		changeID, err := a.store.ProvisionVersionChange(c.Request.Context(), id, in.Version)
		if err != nil {
			fail(c, err)
			return
		}
		in.ChangeID = changeID
	}
	p, err := a.store.RestoreProvision(c.Request.Context(), web.Actor(c), id, version, in.ChangeID)
	if err != nil {
		fail(c, err)
		return
	}
	respondEntity(c, http.StatusOK, p, p.Version)
}

// listProvisions serves GET /provisions with every filter.
func (a *API) listProvisions(c *gin.Context) {
	q := newQueryReader(c)
	if f := acrossDraftsFilter(q); q.ok() {
		a.servePage(c, f)
	}
}

// acrossDraftsFilter reads the query of a list across drafts (GET
// /provisions, GET /search): every filter, a draft's and a plan's too.
func acrossDraftsFilter(q *queryReader) store.ProvisionFilter {
	f := provisionFilter(q)
	f.DraftID = q.id("draft")
	f.PlanID = q.id("plan")
	return f
}

// listDraftProvisions serves GET /drafts/:id/provisions: the same list,
// within one draft, and a 404 when the draft does not exist.
func (a *API) listDraftProvisions(c *gin.Context) {
	draftID, ok := pathID(c, "id")
	if !ok {
		return
	}
	q := newQueryReader(c)
	f := provisionFilter(q)
	if !q.ok() {
		return
	}
	f.DraftID = draftID
	page, ok := load(c, a.store.Provisions, f)
	if !ok {
		return
	}
	// A page with provisions on it proves the draft exists; only an empty
	// one needs asking whether it does (a 404) or has none that match.
	if len(page.Items) == 0 {
		if _, err := a.store.Draft(c.Request.Context(), draftID); err != nil {
			fail(c, err)
			return
		}
	}
	respondPage(c, page)
}

func provisionFilter(q *queryReader) store.ProvisionFilter {
	f := store.ProvisionFilter{
		Category: q.oneOf("category", models.Categories.Values()),
		Kind:     q.oneOf("kind", models.KindNames()),
		Status:   q.oneOf("status", models.ProvisionStatuses.Values()),
		Sourcing: q.oneOf("sourcing", models.Sourcings.Values()),
		Party:    q.text("party", 16),
		Query:    q.text("q", 500),
		Limit:    q.int("limit", store.DefaultPageSize, 1, store.MaxPageSize),
		Offset:   q.int("offset", 0, 0, 1<<30),
		Cursor:   q.text("cursor", 200),
	}
	if f.Cursor != "" && f.Offset != 0 {
		q.errs.Add("cursor", "give either cursor or offset, not both")
	}
	return f
}

func (a *API) servePage(c *gin.Context, f store.ProvisionFilter) {
	if page, ok := load(c, a.store.Provisions, f); ok {
		respondPage(c, page)
	}
}

// respondPage sends a page of provisions; total is left out where the
// store did not count it.
func respondPage(c *gin.Context, page store.Page[models.Provision]) {
	c.JSON(http.StatusOK, provisionPage{Items: page.Items, pageInfo: pageInfoOf(page)})
}
