package ui

import (
	"context"

	"github.com/gin-gonic/gin"

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
	Sources                    sourcesField
	Errors                     []summaryItem
}

// draftStanceEntity declares the forms of a stance on a draft: added
// under its draft (/drafts/:id/stances), edited on its own.
func (u *UI) draftStanceEntity() formEntity {
	adding := newFlow[int64, models.DraftStance, form.DraftStance]{
		parent: func(c *gin.Context) (int64, bool) { return pathID(c, "id") },
		parse:  form.ParseDraftStance,
		add: func(ctx context.Context, actor string, draftID int64, f form.DraftStance) (models.DraftStance, error) {
			return u.store.CreateDraftStance(ctx, actor, f.Model(draftID))
		},
		fieldErrors: validationFormErrors,
		show: func(c *gin.Context, status int, draftID int64, f form.DraftStance, errs form.Errors) {
			u.showDraftStanceForm(c, status, models.DraftStance{DraftID: draftID}, f, errs, false)
		},
		added: func(c *gin.Context, draftID int64, ds models.DraftStance) {
			seeOtherSaying(c, "/drafts/"+idString(draftID)+"#draft-stance-"+idString(ds.ID), loc(c).T("flash.stance_added", "Party", ds.Party))
		},
	}
	editing := editFlow[models.DraftStance, form.DraftStance, models.DraftStancePatch]{
		openedFrom: "the draft's page",
		parse:      form.ParseDraftStance, fill: form.FromDraftStance, patch: form.DraftStance.Patch,
		load: u.store.DraftStance, save: u.store.UpdateDraftStance,
		fieldErrors: validationFormErrors,
		show:        u.showDraftStanceForm,
		saved: func(c *gin.Context, ds models.DraftStance) {
			seeOtherSaying(c, "/drafts/"+idString(ds.DraftID)+"#draft-stance-"+idString(ds.ID), loc(c).T("flash.stance_saved", "Party", ds.Party))
		},
	}
	return formEntity{name: models.EntityDraftStance, section: "home",
		newPath: "/drafts/:id/stances/new", addPath: "/drafts/:id/stances", rowPath: "/draft-stances/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.DraftStance, u.describeDraftStance), remove: u.store.DeleteDraftStance}
}

func (u *UI) describeDraftStance(ctx context.Context, ds models.DraftStance, d deletion) (deletion, error) {
	draft, err := u.store.Draft(ctx, ds.DraftID)
	if err != nil {
		return d, err
	}
	d.Name = "the stance of " + ds.Party + " (" + ds.StanceLabel() + ") on " + draft.Name()
	d.Back, d.After = "/drafts/"+idString(draft.ID)+"#draft-stance-"+idString(ds.ID), "/drafts/"+idString(draft.ID)
	return d, nil
}

func (u *UI) showDraftStanceForm(c *gin.Context, status int, ds models.DraftStance, f form.DraftStance, errs form.Errors, changed bool) {
	ctx := c.Request.Context()
	draft, plan, ok := u.draftAndPlan(c, ds.DraftID)
	if !ok {
		return
	}
	parties, sources, err := u.partiesAndSources(ctx)
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
	v.Sources = s.sources(f.Sources, sources, "stance_form.sources_help")
	v.Sources.OfferNew = false
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
