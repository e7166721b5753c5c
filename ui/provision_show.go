package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

type provisionPage struct {
	Page
	Plan      models.Plan
	Draft     models.Draft
	Provision provisionView
	// Checks are the stated positions on the provision's key, checked
	// against it (ui/agree.go).
	Checks []models.PositionCheck
}

// showProvision serves GET /provisions/:id: one provision in full.
func (u *UI) showProvision(c *gin.Context) {
	p, ok := fromPath(c, u.store.Provision)
	if !ok {
		return
	}
	draft, plan, ok := u.draftAndPlan(c, p.DraftID)
	if !ok {
		return
	}
	_, names, err := u.partyNames(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	render(c, http.StatusOK, "provision", &provisionPage{Page: Page{Title: p.Title + " · " + draft.Name(), Section: "home"},
		Plan: plan, Draft: draft, Provision: newProvisionView(p, names), Checks: u.positionChecks(c, p)})
}
