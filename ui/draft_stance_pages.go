package ui

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/form"
)

// A party's stance on a draft as a whole is added, edited and deleted
// from the draft's page. It stays with the draft: nothing copies it onto
// the draft's provisions.

type draftStanceFormPage struct {
	Page
	IsNew   bool
	Plan    models.Plan
	Draft   models.Draft
	Stance  models.DraftStance // as stored now (editing)
	Form    draftStanceFormView
	Changed bool
}

type draftStanceFormView struct {
	Action                     string
	Version                    int
	Party, Stance, Date, Quote fieldView
	SourceRows                 []sourceRowView
	SourcesErr                 string
	Errors                     []summaryItem
}

// newDraftStance serves GET /drafts/:id/stances/new.
func (u *UI) newDraftStance(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	u.showDraftStanceForm(c, http.StatusOK, models.DraftStance{DraftID: id}, form.DraftStance{}, form.Errors{}, false)
}

// createDraftStance serves POST /drafts/:id/stances.
func (u *UI) createDraftStance(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseDraftStance(c.Request.PostForm)
	ds, err := u.store.CreateDraftStance(c.Request.Context(), web.Actor(c), f.Model(id))
	if errs, ok := validationFormErrors(err); ok {
		u.showDraftStanceForm(c, http.StatusUnprocessableEntity, models.DraftStance{DraftID: id}, f, errs, false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.stance_added", "Party", ds.Party))
	seeOther(c, "/drafts/"+idString(id)+"#draft-stance-"+idString(ds.ID))
}

// editDraftStance serves GET /draft-stances/:id/edit.
func (u *UI) editDraftStance(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ds, err := u.store.DraftStance(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	u.showDraftStanceForm(c, http.StatusOK, ds, form.FromDraftStance(ds), form.Errors{}, false)
}

// updateDraftStance serves POST /draft-stances/:id.
func (u *UI) updateDraftStance(c *gin.Context) {
	editFlow[models.DraftStance, form.DraftStance]{
		openedFrom: "the draft's page",
		parse:      form.ParseDraftStance,
		version:    func(f *form.DraftStance) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.DraftStance) (models.DraftStance, error) {
			return u.store.UpdateDraftStance(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.DraftStance,
		fieldErrors: validationFormErrors,
		show:        u.showDraftStanceForm,
		saved: func(c *gin.Context, ds models.DraftStance) {
			setFlash(c, loc(c).T("flash.stance_saved", "Party", ds.Party))
			seeOther(c, "/drafts/"+idString(ds.DraftID)+"#draft-stance-"+idString(ds.ID))
		},
	}.post(c)
}

func (u *UI) showDraftStanceForm(c *gin.Context, status int, ds models.DraftStance, f form.DraftStance, errs form.Errors, changed bool) {
	ctx := c.Request.Context()
	draft, plan, ok := u.draftAndPlan(c, ds.DraftID)
	if !ok {
		return
	}
	parties, err := u.store.Parties(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	sources, err := u.store.Sources(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	s := newFieldSet(errs)
	v := draftStanceFormView{Version: f.Version,
		Party:  s.choice("party", "Party", f.Party, "—", partyTerms(parties)),
		Stance: s.choice("stance", "Stance", f.Stance, "—", models.DraftStances),
		Date:   s.field("date", "Date", "date", f.Date),
		Quote:  s.textarea("quote", "In their words", f.Quote, 3),
	}
	v.Party.Required, v.Stance.Required = true, true
	v.Date.Help = "When the party said so."
	v.Quote.Help = "The party's words, verbatim, where they are known."
	rows := append([]form.SourceRow(nil), f.Sources...)
	for range emptySourceRows {
		rows = append(rows, form.SourceRow{Sourcing: "reported"})
	}
	for i, r := range rows {
		v.SourceRows = append(v.SourceRows, sourceRow(s, i, r, sources))
	}
	v.SourcesErr = errs.For("sources")
	v.Errors = s.summary()
	isNew := ds.ID == 0
	title := "New stance on " + draft.Name()
	v.Action = "/drafts/" + idString(draft.ID) + "/stances"
	if !isNew {
		title = "Edit the stance of " + ds.Party + " on " + draft.Name()
		v.Action = "/draft-stances/" + idString(ds.ID)
	}
	render(c, status, "draft_stance_form", &draftStanceFormPage{Page: Page{Title: title, Section: "home"},
		IsNew: isNew, Plan: plan, Draft: draft, Stance: ds, Form: v, Changed: changed})
}
