package ui

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/form"
)

// showFork serves GET /drafts/:id/fork: the fork's form, asking first for
// the new draft's label and date. The label starts empty (the new draft is
// named, not "v6 Geneva revision" again by default), the status working
// but shown, the description empty with the parent's quoted beside it.
func (u *UI) showFork(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	d, plan, ok := u.draftAndPlan(c, id)
	if !ok {
		return
	}
	f := form.Draft{Date: time.Now().UTC().Format("2006-01-02"), Status: "working"}
	u.showDraftForm(c, http.StatusOK, "fork", plan, d, f, form.Errors{}, false)
}

// forkDraft serves POST /drafts/:id/fork: the next draft of the plan with
// a copy of every provision, then its page. A fork without a label is
// refused with the form again: the store would name it after its parent.
func (u *UI) forkDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	d, plan, ok := u.draftAndPlan(c, id)
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseDraft(c.Request.PostForm)
	if f.Label == "" {
		var errs form.Errors
		errs.Add("label", "is required: name the new draft, such as “Geneva revision”")
		u.showDraftForm(c, http.StatusUnprocessableEntity, "fork", plan, d, f, errs, false)
		return
	}
	fork, err := u.store.ForkDraft(ctx, web.Actor(c), id, f.Fork())
	if errs, ok := validationFormErrors(err); ok {
		u.showDraftForm(c, http.StatusUnprocessableEntity, "fork", plan, d, f, errs, false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, "Forked "+d.Name()+" into "+fork.Name()+" ("+models.DraftStatuses.Label(fork.Status)+"), with a copy of every provision.")
	seeOther(c, "/drafts/"+idString(fork.ID))
}
