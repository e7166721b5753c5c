package ui

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// editDraft serves GET /drafts/:id/edit: the draft's details (label, date,
// status, coverage, stage, description, sources, signatories).
func (u *UI) editDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	d, err := u.store.Draft(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	plan, err := u.store.Plan(ctx, d.PlanID)
	if err != nil {
		fail(c, err)
		return
	}
	u.showDraftForm(c, http.StatusOK, "edit", plan, d, form.FromDraft(d), form.Errors{}, false)
}

// updateDraft serves POST /drafts/:id, refusing a save on a stale version.
func (u *UI) updateDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseDraft(c.Request.PostForm)
	if f.Version <= 0 {
		fail(c, models.Invalid("version", "is missing: open the form again from the draft"))
		return
	}
	d, err := u.store.UpdateDraft(ctx, auth.Actor(c), id, f.Version, f.Patch())
	if err != nil {
		current, cerr := u.store.Draft(ctx, id)
		if cerr != nil {
			fail(c, cerr)
			return
		}
		plan, perr := u.store.Plan(ctx, current.PlanID)
		if perr != nil {
			fail(c, perr)
			return
		}
		if errors.Is(err, store.ErrConflict) {
			f.Version = current.Version
			u.showDraftForm(c, http.StatusConflict, "edit", plan, current, f, form.Errors{}, true)
			return
		}
		if errs, ok := draftFormErrors(err); ok {
			u.showDraftForm(c, http.StatusUnprocessableEntity, "edit", plan, current, f, errs, false)
			return
		}
		fail(c, err)
		return
	}
	setFlash(c, "Saved "+d.Name()+".")
	seeOther(c, "/drafts/"+idString(d.ID))
}
