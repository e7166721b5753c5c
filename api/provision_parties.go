package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
)

// A provision's parties are part of the provision: changing them bumps the
// provision's version, is recorded as a change of the provision and honours
// the provision's ETag in If-Match.

func (a *API) listProvisionParties(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	p, err := a.store.Provision(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	c.JSON(http.StatusOK, listOf(p.Parties))
}

// replaceProvisionParties sets the whole list at once.
func (a *API) replaceProvisionParties(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	version, ok := ifMatch(c, id, versionOf(a.store.Provision))
	if !ok {
		return
	}
	var parties []models.ProvisionParty
	if !bindJSON(c, &parties) {
		return
	}
	if parties == nil {
		parties = []models.ProvisionParty{}
	}
	p, err := a.store.UpdateProvision(c.Request.Context(), web.Actor(c), id, version, models.ProvisionPatch{Parties: &parties})
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	c.JSON(http.StatusOK, listOf(p.Parties))
}

// addProvisionParty gives a party a role (or changes its stance in a role
// it has).
func (a *API) addProvisionParty(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	version, ok := ifMatch(c, id, versionOf(a.store.Provision))
	if !ok {
		return
	}
	var pp models.ProvisionParty
	if !bindJSON(c, &pp) {
		return
	}
	p, err := a.store.AddProvisionParty(c.Request.Context(), web.Actor(c), id, version, pp)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	c.JSON(http.StatusOK, listOf(p.Parties))
}

// removeProvisionParty takes a party off the provision: from the role given
// by ?role=, or from all its roles.
func (a *API) removeProvisionParty(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	version, ok := ifMatch(c, id, versionOf(a.store.Provision))
	if !ok {
		return
	}
	q := newQueryReader(c)
	role := q.oneOf("role", models.Roles.Values())
	if !q.ok() {
		return
	}
	p, err := a.store.RemoveProvisionParty(c.Request.Context(), web.Actor(c), id, version, c.Param("party"), role)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	c.JSON(http.StatusOK, listOf(p.Parties))
}
