package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
)

// A provision's parties are part of the provision: changing them bumps the
// provision's version, is recorded as a change of the provision and honours
// the provision's ETag in If-Match.

func (a *API) listProvisionParties(c *gin.Context) {
	if p, ok := loadByID(c, a.store.Provision); ok {
		respondParties(c, p)
	}
}

// respondParties answers with a provision's parties, under its ETag.
func respondParties(c *gin.Context, p models.Provision) {
	c.Header("ETag", etag(p.Version))
	c.JSON(http.StatusOK, listOf(p.Parties))
}

// changeProvisionParties serves a change of a provision's parties: the id
// from the path, the expected version from If-Match, then read (the body
// or the query; false when it has answered), change, and the parties as
// they now stand.
func (a *API) changeProvisionParties(c *gin.Context, read func() bool, change func(ctx context.Context, actor string, id int64, version int) (models.Provision, error)) {
	id, version, ok := idAndVersion(c, a.store.Provision)
	if !ok || !read() {
		return
	}
	p, err := change(c.Request.Context(), web.Actor(c), id, version)
	if err != nil {
		fail(c, err)
		return
	}
	respondParties(c, p)
}

// replaceProvisionParties sets the whole list at once.
func (a *API) replaceProvisionParties(c *gin.Context) {
	var parties []models.ProvisionParty
	a.changeProvisionParties(c, func() bool {
		if !bindJSON(c, &parties) {
			return false
		}
		if parties == nil {
			parties = []models.ProvisionParty{}
		}
		return true
	}, func(ctx context.Context, actor string, id int64, version int) (models.Provision, error) {
		return a.store.UpdateProvision(ctx, actor, id, version, models.ProvisionPatch{Parties: &parties})
	})
}

// addProvisionParty gives a party a role (or changes its stance in a role
// it has).
func (a *API) addProvisionParty(c *gin.Context) {
	var pp models.ProvisionParty
	a.changeProvisionParties(c, func() bool { return bindJSON(c, &pp) },
		func(ctx context.Context, actor string, id int64, version int) (models.Provision, error) {
			return a.store.AddProvisionParty(ctx, actor, id, version, pp)
		})
}

// removeProvisionParty takes a party off the provision: from the role given
// by ?role=, or from all its roles.
func (a *API) removeProvisionParty(c *gin.Context) {
	var role string
	a.changeProvisionParties(c, func() bool {
		q := newQueryReader(c)
		role = q.oneOf("role", models.Roles.Values())
		return q.ok()
	}, func(ctx context.Context, actor string, id int64, version int) (models.Provision, error) {
		return a.store.RemoveProvisionParty(ctx, actor, id, version, c.Param("party"), role)
	})
}
