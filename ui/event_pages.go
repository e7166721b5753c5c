package ui

import (
	"context"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/ui/form"
)

// Events are added, edited and deleted by editors from the chronology.
// The key names an event for good, so it is set once, when it is added.

type eventFormView struct {
	Action                                                string
	Version                                               int
	Key, Date, EndDate, Kind, Title, Place, Summary, Keys fieldView
	Parties, Drafts                                       fieldView
	Sources                                               sourcesField
	Errors                                                []summaryItem
}

// eventEntity declares the event's forms. An event's key names it for
// good, so the edit form does not change it.
func (u *UI) eventEntity() formEntity {
	adding := newFlow[noParent, models.Event, form.Event]{
		blank:       func(*gin.Context) form.Event { return form.Event{Kind: "meeting"} },
		parse:       form.ParseEvent,
		add:         createModel(u.store.CreateEvent, form.Event.Model),
		fieldErrors: eventFormErrors,
		show:        showBlank(u.showEventForm),
		added: func(c *gin.Context, _ noParent, e models.Event) {
			seeOtherSaying(c, "/chronology#event-"+idString(e.ID), loc(c).T("flash.event_added", "Title", e.Title))
		},
	}
	editing := editFlow[models.Event, form.Event, models.EventPatch]{
		openedFrom: "the chronology",
		parse:      form.ParseEvent, fill: form.FromEvent, patch: form.Event.Patch,
		load: u.store.Event, save: u.store.UpdateEvent,
		fieldErrors: eventFormErrors,
		show:        u.showEventForm,
		keep:        func(current models.Event, f *form.Event) { f.Key = current.Key },
		saved: func(c *gin.Context, e models.Event) {
			seeOtherSaying(c, "/chronology#event-"+idString(e.ID), loc(c).T("flash.event_saved", "Title", e.Title))
		},
	}
	return formEntity{name: models.EntityEvent, section: "chronology",
		newPath: "/chronology/events/new", addPath: "/chronology/events", rowPath: "/chronology/events/:id",
		adding: adding, editing: editing, describe: describeRow(u.store.Event, describeEvent), remove: u.store.DeleteEvent}
}

func describeEvent(_ context.Context, e models.Event, d deletion) (deletion, error) {
	d.Name = "the event “" + e.Title + "” (" + e.When() + ")"
	d.Back, d.After = "/chronology#event-"+idString(e.ID), "/chronology"
	return d, nil
}

func (u *UI) showEventForm(c *gin.Context, status int, e models.Event, f form.Event, errs form.Errors, changed bool) {
	ctx := c.Request.Context()
	parties, sources, err := u.partiesAndSources(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	plans, _, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	isNew := e.ID == 0
	s := newFieldSet(errs)
	v := eventFormView{Version: f.Version,
		Key:     s.text("key", "Key", f.Key),
		Date:    s.field("date", "Date", "date", f.Date),
		EndDate: s.field("end_date", "Last day", "date", f.EndDate),
		Kind:    s.choice("kind", "Kind", f.Kind, "", models.EventKinds),
		Title:   s.text("title", "Title", f.Title),
		Place:   s.text("place", "Place", f.Place),
		Summary: s.textarea("summary", "Summary", f.Summary, 4),
		Keys:    s.text("keys", "Provision keys", f.Keys),
		Parties: checkboxField(s, "parties", "Parties", f.Parties, partyTerms(parties)),
		Drafts:  checkboxField(s, "drafts", "Drafts it concerns", idStrings(f.Drafts), draftTerms(plans)),
	}
	v.Key.Required, v.Date.Required, v.Kind.Required, v.Title.Required = isNew, true, true, true
	v.Key.Spell, v.Keys.Spell = "false", "false"
	v.Key.Help = "How the event is named for good, set once: lower case and hyphens, such as geneva-talks-2025-11-23."
	v.EndDate.Help = "Only for an event over several days."
	v.Keys.Help = "The provision keys it concerns, separated by commas: troop-cap, ceasefire."
	v.Parties.Help = "The parties that took part."
	v.Sources = s.sources(f.Sources, sources, "event_form.sources_help")
	v.Errors = s.summary()
	title, action := "New event", "/chronology/events"
	if !isNew {
		title, action = "Edit "+e.Title, "/chronology/events/"+idString(e.ID)
	}
	v.Action = action
	render(c, status, "event_form", &entityFormPage[models.Event, eventFormView]{Page: Page{Title: title, Section: "chronology"},
		IsNew: isNew, Stored: e, Form: v, Changed: changed})
}

// eventFormErrors maps a failed event save onto the form: field errors,
// and a key already taken onto the key.
var eventFormErrors = takenAs(form.RecordErrors, "key", "another event already has this key")

// draftTerms are every draft as a choice: "US peace framework — v2 Geneva
// revision", a scenario marked as one.
func draftTerms(plans []planDrafts) []models.Term {
	var out []models.Term
	for _, p := range plans {
		for _, d := range p.Drafts {
			label := p.Plan.Title + " — " + d.Name()
			if d.Scenario() {
				label += " (scenario)"
			}
			out = append(out, models.Term{Value: idString(d.ID), Label: label})
		}
	}
	return out
}

func idStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}
