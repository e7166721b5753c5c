package ui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// editDraft serves GET /drafts/:id/edit: the draft's details (label, date,
// status, coverage, stage, description, sources, signatories).
func (u *UI) editDraft(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	d, plan, ok := u.draftAndPlan(c, id)
	if !ok {
		return
	}
	u.showDraftForm(c, http.StatusOK, "edit", plan, d, form.FromDraft(d), form.Errors{}, false)
}

// updateDraft serves POST /drafts/:id, refusing a save on a stale version.
func (u *UI) updateDraft(c *gin.Context) {
	editFlow[models.Draft, form.Draft]{
		openedFrom: "the draft",
		parse:      form.ParseDraft,
		version:    func(f *form.Draft) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.Draft) (models.Draft, error) {
			return u.store.UpdateDraft(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.Draft,
		fieldErrors: validationFormErrors,
		show: func(c *gin.Context, status int, d models.Draft, f form.Draft, errs form.Errors, changed bool) {
			plan, err := u.store.Plan(c.Request.Context(), d.PlanID)
			if err != nil {
				fail(c, err)
				return
			}
			u.showDraftForm(c, status, "edit", plan, d, f, errs, changed)
		},
		saved: func(c *gin.Context, d models.Draft) {
			setFlash(c, loc(c).T("flash.saved", "Name", d.Name()))
			seeOther(c, "/drafts/"+idString(d.ID))
		},
	}.post(c)
}
