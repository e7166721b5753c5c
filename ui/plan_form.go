package ui

import (
	"context"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// A plan is a negotiating track: its title, the party it comes from, what
// it is. Editors add and correct plans here; drafts are added to a plan
// from its section of the home page.

type planFormView struct {
	Action                     string
	Version                    int
	Title, Origin, Description fieldView
	Errors                     []summaryItem
}

func (u *UI) showPlanForm(c *gin.Context, status int, p models.Plan, f form.Plan, errs form.Errors, changed bool) {
	parties, err := u.store.Parties(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	s := newFieldSet(errs)
	v := planFormView{Version: f.Version,
		Title:       s.text("title", "Title", f.Title),
		Origin:      s.choice("origin", "Origin", f.Origin, "None", partyTerms(parties)),
		Description: s.textarea("description", "Description", f.Description, 4),
	}
	v.Title.Required = true
	v.Title.Help = "The track's name, such as “US peace framework”."
	v.Origin.Help = "The party the plan comes from."
	v.Errors = s.summary()
	isNew := p.ID == 0
	title := "New plan"
	v.Action = "/plans"
	if !isNew {
		title, v.Action = "Edit "+p.Title, "/plans/"+idString(p.ID)
	}
	render(c, status, "plan_form", &entityFormPage[models.Plan, planFormView]{Page: Page{Title: title, Section: "home"},
		IsNew: isNew, Stored: p, Form: v, Changed: changed})
}

// planEntity declares the plan's forms: a new plan leads to the form of
// its first draft.
func (u *UI) planEntity() formEntity {
	adding := newFlow[noParent, models.Plan, form.Plan]{
		parse:       form.ParsePlan,
		add:         createModel(u.store.CreatePlan, form.Plan.Model),
		fieldErrors: validationFormErrors,
		show:        showBlank(u.showPlanForm),
		added: func(c *gin.Context, _ noParent, p models.Plan) {
			seeOtherSaying(c, "/plans/"+idString(p.ID)+"/drafts/new", loc(c).T("flash.plan_added", "Title", p.Title))
		},
	}
	editing := editFlow[models.Plan, form.Plan, models.PlanPatch]{
		openedFrom: "the home page",
		parse:      form.ParsePlan, fill: form.FromPlan, patch: form.Plan.Patch,
		load: u.store.Plan, save: u.store.UpdatePlan,
		fieldErrors: validationFormErrors,
		show:        u.showPlanForm,
		saved: func(c *gin.Context, p models.Plan) {
			seeOtherSaying(c, "/#plan-"+idString(p.ID), loc(c).T("flash.plan_saved", "Title", p.Title))
		},
	}
	return formEntity{name: models.EntityPlan, section: "home",
		newPath: "/plans/new", addPath: "/plans", rowPath: "/plans/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.Plan, u.describePlan), remove: u.store.DeletePlan}
}

// describePlan names a plan for its delete page, with its drafts and
// their provisions, which go with it.
func (u *UI) describePlan(ctx context.Context, p models.Plan, d deletion) (deletion, error) {
	drafts, err := u.store.Drafts(ctx, d.ID)
	if err != nil {
		return d, err
	}
	counts, err := u.store.ProvisionCounts(ctx)
	if err != nil {
		return d, err
	}
	n := 0
	for _, dr := range drafts {
		n += int(counts[dr.ID])
	}
	d.Name = "the plan “" + p.Title + "”"
	d.Goes = append(d.Goes, plural(len(drafts), "draft", "drafts")+" and their "+plural(n, "provision", "provisions"))
	d.Back, d.After = "/#plan-"+idString(d.ID), "/"
	return d, nil
}
