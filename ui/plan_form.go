package ui

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/form"
)

// A plan is a negotiating track: its title, the party it comes from, what
// it is. Editors add and correct plans here; drafts are added to a plan
// from its section of the home page.

type planFormPage struct {
	Page
	IsNew   bool
	Plan    models.Plan // as stored now (editing)
	Form    planFormView
	Changed bool // someone else saved first: Plan is their version
}

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
	render(c, status, "plan_form", &planFormPage{Page: Page{Title: title, Section: "home"},
		IsNew: isNew, Plan: p, Form: v, Changed: changed})
}

// newPlan serves GET /plans/new.
func (u *UI) newPlan(c *gin.Context) {
	u.showPlanForm(c, http.StatusOK, models.Plan{}, form.Plan{}, form.Errors{}, false)
}

// createPlan serves POST /plans, then the home page at the new plan,
// where its first draft is added.
func (u *UI) createPlan(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParsePlan(c.Request.PostForm)
	p, err := u.store.CreatePlan(c.Request.Context(), web.Actor(c), f.Model())
	var verr *models.ValidationError
	if errors.As(err, &verr) {
		u.showPlanForm(c, http.StatusUnprocessableEntity, models.Plan{}, f, form.ErrorsFrom(verr), false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.plan_added", "Title", p.Title))
	seeOther(c, "/plans/"+idString(p.ID)+"/drafts/new")
}

// editPlan serves GET /plans/:id/edit.
func (u *UI) editPlan(c *gin.Context) {
	p, ok := u.planFromPath(c)
	if !ok {
		return
	}
	u.showPlanForm(c, http.StatusOK, p, form.FromPlan(p), form.Errors{}, false)
}

// updatePlan serves POST /plans/:id, refusing a save on a stale version
// the way the other forms do.
func (u *UI) updatePlan(c *gin.Context) {
	editFlow[models.Plan, form.Plan]{
		openedFrom: "the home page",
		parse:      form.ParsePlan,
		version:    func(f *form.Plan) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.Plan) (models.Plan, error) {
			return u.store.UpdatePlan(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.Plan,
		fieldErrors: validationFormErrors,
		show:        u.showPlanForm,
		saved: func(c *gin.Context, p models.Plan) {
			setFlash(c, loc(c).T("flash.plan_saved", "Title", p.Title))
			seeOther(c, "/#plan-"+idString(p.ID))
		},
	}.post(c)
}
