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
	// Wording is the provision's words in the reader's language and the
	// original beside them, where it has words in more than one language
	// (wordingFor); nil shows its one text.
	Wording []wordingInLanguage
	// Title is the provision's title in the reader's language.
	Title string
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
	lang := pageLanguage(c)
	title := titleFor(p, lang)
	render(c, http.StatusOK, "provision", &provisionPage{Page: Page{Title: title + " · " + draft.Name(), Section: "home"},
		Plan: plan, Draft: draft, Provision: newProvisionView(p, names), Checks: u.positionChecks(c, p),
		Wording: wordingFor(p, lang), Title: title})
}
