package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/form"
)

// newDraft serves GET /plans/:id/drafts/new: an empty draft form, working
// and partial until the analyst says otherwise.
func (u *UI) newDraft(c *gin.Context) {
	plan, ok := u.planFromPath(c)
	if !ok {
		return
	}
	f := form.Draft{Status: "working", Coverage: "partial"}
	u.showDraftForm(c, http.StatusOK, "new", plan, models.Draft{}, f, form.Errors{}, false)
}

// createDraft serves POST /plans/:id/drafts: the plan's next draft, then
// its page, where provisions are added.
func (u *UI) createDraft(c *gin.Context) {
	plan, ok := u.planFromPath(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseDraft(c.Request.PostForm)
	d, err := u.store.CreateDraft(ctx, web.Actor(c), f.Input().Draft(plan.ID))
	if errs, ok := validationFormErrors(err); ok {
		u.showDraftForm(c, http.StatusUnprocessableEntity, "new", plan, models.Draft{}, f, errs, false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.draft_added", "Draft", d.Name(), "Plan", plan.Title))
	seeOther(c, "/drafts/"+idString(d.ID))
}
