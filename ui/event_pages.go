package ui

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// Events are added, edited and deleted by editors from the chronology.
// The key names an event for good, so it is set once, when it is added.

type eventFormPage struct {
	Page
	IsNew   bool
	Event   models.Event // as stored now (editing)
	Form    eventFormView
	Changed bool // someone else saved first: Event is their version
}

type eventFormView struct {
	Action                                                string
	Version                                               int
	Key, Date, EndDate, Kind, Title, Place, Summary, Keys fieldView
	Parties, Drafts                                       fieldView
	SourceRows                                            []sourceRowView
	SourcesErr                                            string
	Errors                                                []summaryItem
}

// newEvent serves GET /chronology/events/new.
func (u *UI) newEvent(c *gin.Context) {
	u.showEventForm(c, http.StatusOK, models.Event{}, form.Event{Kind: "meeting"}, form.Errors{}, false)
}

// createEvent serves POST /chronology/events.
func (u *UI) createEvent(c *gin.Context) {
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return
	}
	f := form.ParseEvent(c.Request.PostForm)
	e, err := u.store.CreateEvent(c.Request.Context(), web.Actor(c), f.Model())
	if errs, ok := eventFormErrors(err); ok {
		u.showEventForm(c, http.StatusUnprocessableEntity, models.Event{}, f, errs, false)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	setFlash(c, loc(c).T("flash.event_added", "Title", e.Title))
	seeOther(c, "/chronology#event-"+idString(e.ID))
}

// editEvent serves GET /chronology/events/:id/edit.
func (u *UI) editEvent(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	e, err := u.store.Event(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	u.showEventForm(c, http.StatusOK, e, form.FromEvent(e), form.Errors{}, false)
}

// updateEvent serves POST /chronology/events/:id.
func (u *UI) updateEvent(c *gin.Context) {
	editFlow[models.Event, form.Event]{
		openedFrom: "the chronology",
		parse:      form.ParseEvent,
		version:    func(f *form.Event) *int { return &f.Version },
		save: func(ctx context.Context, actor string, id int64, f form.Event) (models.Event, error) {
			return u.store.UpdateEvent(ctx, actor, id, f.Version, f.Patch())
		},
		load:        u.store.Event,
		fieldErrors: eventFormErrors,
		show:        u.showEventForm,
		keep:        func(current models.Event, f *form.Event) { f.Key = current.Key },
		saved: func(c *gin.Context, e models.Event) {
			setFlash(c, loc(c).T("flash.event_saved", "Title", e.Title))
			seeOther(c, "/chronology#event-"+idString(e.ID))
		},
	}.post(c)
}

func (u *UI) showEventForm(c *gin.Context, status int, e models.Event, f form.Event, errs form.Errors, changed bool) {
	ctx := c.Request.Context()
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
	rows := append([]form.SourceRow(nil), f.Sources...)
	for range emptySourceRows {
		rows = append(rows, form.SourceRow{Sourcing: "reported"})
	}
	for i, r := range rows {
		v.SourceRows = append(v.SourceRows, sourceRow(s, i, r, sources))
	}
	v.SourcesErr = errs.For("sources")
	v.Errors = s.summary()
	title, action := "New event", "/chronology/events"
	if !isNew {
		title, action = "Edit "+e.Title, "/chronology/events/"+idString(e.ID)
	}
	v.Action = action
	render(c, status, "event_form", &eventFormPage{Page: Page{Title: title, Section: "chronology"},
		IsNew: isNew, Event: e, Form: v, Changed: changed})
}

// eventFormErrors maps a failed event save onto the form: field errors,
// and a key already taken onto the key.
func eventFormErrors(err error) (form.Errors, bool) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		return form.RecordErrors(verr), true
	case errors.Is(err, store.ErrDuplicate):
		var errs form.Errors
		errs.Add("key", "another event already has this key")
		return errs, true
	}
	return form.Errors{}, false
}

// checkboxField is a choice of several from terms, those chosen first in
// their order.
func checkboxField(s *fieldSet, name, label string, chosen []string, terms []models.Term) fieldView {
	v := s.field(name, label, "multiselect", "")
	labels := map[string]string{}
	for _, t := range terms {
		labels[t.Value] = t.Label
	}
	seen := map[string]bool{}
	for _, p := range chosen {
		if seen[p] {
			continue
		}
		seen[p] = true
		v.Options = append(v.Options, optionView{Value: p, Label: cmp.Or(labels[p], p), Selected: true})
	}
	for _, t := range terms {
		if !seen[t.Value] {
			v.Options = append(v.Options, optionView{Value: t.Value, Label: t.Label})
		}
	}
	return v
}

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
