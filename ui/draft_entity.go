package ui

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// draftEntity declares the draft's forms: a draft is added to a plan
// (/plans/:id/drafts), working and partial until the analyst says
// otherwise, then its page, where provisions are added; its edit form
// changes its details (label, date, status, coverage, stage, description,
// sources, signatories). Forking one is a form of its own (draft_fork.go).
func (u *UI) draftEntity() formEntity {
	adding := newFlow[models.Plan, models.Draft, form.Draft]{
		parent: u.planFromPath,
		blank:  func(*gin.Context) form.Draft { return form.Draft{Status: "working", Coverage: "partial"} },
		parse:  form.ParseDraft,
		add: func(ctx context.Context, actor string, plan models.Plan, f form.Draft) (models.Draft, error) {
			return u.store.CreateDraft(ctx, actor, f.Input().Draft(plan.ID))
		},
		fieldErrors: validationFormErrors,
		show: func(c *gin.Context, status int, plan models.Plan, f form.Draft, errs form.Errors) {
			u.showDraftForm(c, status, "new", plan, models.Draft{}, f, errs, false)
		},
		added: func(c *gin.Context, plan models.Plan, d models.Draft) {
			seeOtherSaying(c, "/drafts/"+idString(d.ID), loc(c).T("flash.draft_added", "Draft", d.Name(), "Plan", plan.Title))
		},
	}
	editing := editFlow[models.Draft, form.Draft, models.DraftPatch]{
		openedFrom: "the draft",
		parse:      form.ParseDraft, fill: form.FromDraft, patch: form.Draft.Patch,
		load: u.store.Draft, save: u.store.UpdateDraft,
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
			seeOtherSaying(c, "/drafts/"+idString(d.ID), loc(c).T("flash.saved", "Name", d.Name()))
		},
	}
	return formEntity{name: models.EntityDraft, section: "home",
		newPath: "/plans/:id/drafts/new", addPath: "/plans/:id/drafts", rowPath: "/drafts/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.Draft, u.describeDraft), remove: u.store.DeleteDraft}
}

// describeDraft names a draft for its delete page, with its provisions,
// which go with it.
func (u *UI) describeDraft(ctx context.Context, dr models.Draft, d deletion) (deletion, error) {
	counts, err := u.store.ProvisionCounts(ctx)
	if err != nil {
		return d, err
	}
	d.Name = "the draft " + dr.Name()
	d.Goes = append(d.Goes, plural(int(counts[d.ID]), "provision", "provisions")+", with their party links and citations")
	d.Back, d.After = "/drafts/"+idString(d.ID), "/#plan-"+idString(dr.PlanID)
	return d, nil
}
