package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/form"
)

// newProvision serves GET /drafts/:id/provisions/new: a blank form, of the
// kind the query names (?kind=troop_cap) if any.
func (u *UI) newProvision(c *gin.Context) {
	draftID, ok := pathID(c, "id")
	if !ok {
		return
	}
	draft, err := u.store.Draft(c.Request.Context(), draftID)
	if err != nil {
		fail(c, err)
		return
	}
	f := form.Provision{Kind: oneOf(c.Query("kind"), models.KindNames()), Terms: map[string][]string{}}
	u.showProvisionForm(c, http.StatusOK, draft, 0, f, form.Errors{}, nil)
}

// createProvision serves POST /drafts/:id/provisions: it saves the new
// provision and shows the draft, or shows the form again with its errors.
// The "Change kind" button posts here too, to lay the form out again for
// another kind without saving.
func (u *UI) createProvision(c *gin.Context) {
	draftID, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	draft, err := u.store.Draft(ctx, draftID)
	if err != nil {
		fail(c, err)
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseProvision(c.Request.PostForm)
	if c.PostForm("action") == "kind" {
		u.showProvisionForm(c, http.StatusOK, draft, 0, f, form.Errors{}, nil)
		return
	}
	warnings, err := u.wordingWarnings(c, nil, f.Model(draftID))
	if err != nil {
		fail(c, err)
		return
	}
	if len(warnings) > 0 {
		u.showProvisionForm(c, http.StatusOK, draft, 0, f, form.Errors{}, nil, warnings...)
		return
	}
	p, err := u.store.CreateProvision(ctx, web.Actor(c), f.Model(draftID))
	if errs, ok := formErrors(err); ok {
		u.showProvisionForm(c, http.StatusUnprocessableEntity, draft, 0, f, errs, nil)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.provision_added", "Title", p.Title))
	seeOther(c, provisionAnchor(p))
}

// provisionAnchor is a provision's place on its draft's page.
func provisionAnchor(p models.Provision) string {
	return "/drafts/" + idString(p.DraftID) + "#p-" + idString(p.ID)
}
