package ui

import (
	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// The draft form adds a draft to a plan, edits one, and forks one. A fork
// asks first for what makes it a new draft (its label and date), then its
// status and description, which the analyst chooses rather than inherits.

type draftFormPage struct {
	Page
	Mode      string // "new", "edit" or "fork"
	Plan      models.Plan
	Draft     models.Draft // the draft edited, or forked from
	Action    string
	CancelURL string
	Changed   bool // someone else saved first: Draft is their version
	Form      draftFormView
}

type draftFormView struct {
	Version                                           int
	Label, Date, Status, Coverage, Stage, Description fieldView
	Standing                                          fieldView
	Signatories                                       fieldView
	Sources                                           sourcesField
	Errors                                            []summaryItem
}

func (p draftFormPage) IsNew() bool  { return p.Mode == "new" }
func (p draftFormPage) IsFork() bool { return p.Mode == "fork" }

// showDraftForm renders the form over plan (and, editing or forking, the
// draft d) with what was typed and the errors beside their fields.
func (u *UI) showDraftForm(c *gin.Context, status int, mode string, plan models.Plan, d models.Draft, f form.Draft, errs form.Errors, changed bool) {
	ctx := c.Request.Context()
	parties, sources, err := u.partiesAndSources(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	s := newFieldSet(errs)
	v := draftFormView{Version: f.Version,
		Label:       s.text("label", "Label", f.Label),
		Date:        s.field("date", "Date", "date", f.Date),
		Status:      s.choice("status", "Status", f.Status, "", models.DraftStatuses),
		Coverage:    s.choice("coverage", "Coverage", f.Coverage, "", models.Coverages),
		Stage:       s.choice("stage", "PA-X stage", f.Stage, "Not coded", models.Stages),
		Description: s.textarea("description", "Description", f.Description, 4),
		Signatories: signatoriesField(s, f.Signatories, parties),
	}
	standing := f.Standing
	if standing == "" { // a fork is the analyst's own until said otherwise
		standing = map[bool]string{true: models.StandingScenario, false: models.StandingReported}[mode == "fork"]
	}
	v.Standing = s.choice("standing", "Standing", standing, "", models.Standings)
	v.Standing.Help = "Official: a published text. Reported: known from reporting. Scenario: an analyst's own (a scenario, a proposal, a trial), kept out of the chronology."
	v.Label.Required = true
	v.Label.Help = "How the draft is known, such as “Geneva revision”; its number in the plan is given."
	v.Date.Help = "When it was circulated or reported."
	v.Coverage.Help = "Complete: the whole text is known, so a point it lacks was removed. Partial: only the points its reporting names."
	v.Status.Help = "Working while it is being drafted; circulated once it is out."
	v.Sources = s.sources(f.Sources, sources, "draft_form.sources_help")
	page := &draftFormPage{Mode: mode, Plan: plan, Draft: d, Changed: changed}
	switch mode {
	case "new":
		page.Title, page.Action, page.CancelURL = "New draft · "+plan.Title, "/plans/"+idString(plan.ID)+"/drafts", "/#plan-"+idString(plan.ID)
	case "edit":
		page.LiveSince = u.liveSince(c)
		page.Title, page.Action, page.CancelURL = "Edit "+d.Name()+" · "+plan.Title, "/drafts/"+idString(d.ID), "/drafts/"+idString(d.ID)
	case "fork":
		page.Title, page.Action, page.CancelURL = "Fork "+d.Name()+" · "+plan.Title, "/drafts/"+idString(d.ID)+"/fork", "/drafts/"+idString(d.ID)
		v.Label.Help = "The new draft's name: what sets it apart from " + d.Name() + "."
		v.Date.Help = "When the new version was circulated or reported."
		v.Description.Help = "What this version is. The description of " + d.Name() + " is not carried over"
		if d.Description != "" {
			v.Description.Help += "; it reads: “" + d.Description + "”"
		}
		v.Description.Help += "."
	}
	v.Errors = s.summary()
	page.Form = v
	page.Section = "home"
	render(c, status, "draft_form", page)
}

// signatoriesField is the signatories as checkboxes, those chosen first in
// their order.
func signatoriesField(s *fieldSet, chosen []string, parties []models.Party) fieldView {
	v := checkboxField(s, "signatories", "Signatories", chosen, partyTerms(parties))
	v.Help = "The parties with a signature space on the draft."
	return v
}
