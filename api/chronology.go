package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// RecordStore is what the record's handlers need of the store: stances on
// drafts as a whole, events and the chronology.
type RecordStore interface {
	DraftStances(ctx context.Context, draftID int64) ([]models.DraftStance, error)
	DraftStance(ctx context.Context, id int64) (models.DraftStance, error)
	CreateDraftStance(ctx context.Context, actor string, ds models.DraftStance) (models.DraftStance, error)
	UpdateDraftStance(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftStancePatch) (models.DraftStance, error)
	DeleteDraftStance(ctx context.Context, actor string, id int64, ifVersion int) error
	Events(ctx context.Context, f models.ChronologyFilter) ([]models.Event, error)
	EventsForKey(ctx context.Context, key string) ([]models.Event, error)
	Event(ctx context.Context, id int64) (models.Event, error)
	CreateEvent(ctx context.Context, actor string, e models.Event) (models.Event, error)
	UpdateEvent(ctx context.Context, actor string, id int64, ifVersion int, patch models.EventPatch) (models.Event, error)
	DeleteEvent(ctx context.Context, actor string, id int64, ifVersion int) error
	Chronology(ctx context.Context, f models.ChronologyFilter) (models.Chronology, error)
}

// chronologyQueryParams are the filters of the chronology and its events.
var chronologyQueryParams = []QueryParam{
	{"from", "string", "From this date (YYYY-MM-DD), inclusive; an event whose days reach into the period is in it"},
	{"to", "string", "To this date (YYYY-MM-DD), inclusive"},
	{"party", "string", "Only what this party (short name) took part in: events it attended, drafts it signs or whose plan it authored"},
	{"kind", "string", "Only events of this kind (meeting, statement, ceasefire, exchange, signing, letter); drafts have no kind and are left out"},
	{"key", "string", "Only what concerns this provision key: drafts with a provision of that key, events that name it"},
	{"include", "string", "scenarios: list the analysts' own scenario drafts too (left out by default: they are not part of the record)"},
}

// recordRoutes are the routes of the record beyond the texts: stances on
// drafts as a whole, events, and the chronology. Events live under
// /chronology: GET /events is the live-edit stream.
func (a *API) recordRoutes(v1 string) []Route {
	return []Route{
		{"GET", v1 + "/drafts/:id/stances", viewer, listByID(a.store.DraftStances), Doc{Tag: "drafts", Summary: "Parties' stances on a draft as a whole (accepts, rejects, reserved), by date", Response: List[models.DraftStance]{}}},
		{"POST", v1 + "/drafts/:id/stances", editor, createUnder(v1+"/draft-stances", models.DraftStanceInput.DraftStance, a.store.CreateDraftStance), Doc{Tag: "drafts", Summary: "Record a party's stance on a draft as a whole; it is never copied onto the draft's provisions", Body: models.DraftStanceInput{}, Response: models.DraftStance{}, Status: http.StatusCreated}},
		{"GET", v1 + "/draft-stances/:id", viewer, getOne(a.store.DraftStance), Doc{Tag: "drafts", Summary: "Get a stance on a draft", Response: models.DraftStance{}, ETag: true}},
		{"PATCH", v1 + "/draft-stances/:id", editor, updateOne(a.store.DraftStance, a.store.UpdateDraftStance), Doc{Tag: "drafts", Summary: "Change a stance on a draft", Body: models.DraftStancePatch{}, Response: models.DraftStance{}, IfMatch: true}},
		{"DELETE", v1 + "/draft-stances/:id", editor, deleteOne(a.store.DraftStance, a.store.DeleteDraftStance), Doc{Tag: "drafts", Summary: "Delete a stance on a draft", IfMatch: true}},

		{"GET", v1 + "/chronology", viewer, a.chronology, Doc{Tag: "chronology", Summary: "Drafts and events together by date, each entry typed draft or event, with where the record ends",
			Description: "On one day drafts come before events. Scenario drafts (an analyst's own) are left out unless include=scenarios. " +
				"`record` is where the whole record ends, whatever the filters: `to` the latest date; `dense_to` and `later` where the latest items stand more than 60 days apart from the rest; `stale` when the latest is more than 30 days old.",
			Query: chronologyQueryParams, Response: models.Chronology{}}},
		{"GET", v1 + "/chronology/events", viewer, a.listEvents, Doc{Tag: "chronology", Summary: "List events by date: what happened (meetings, statements, ceasefires, exchanges, signings, letters)", Query: chronologyQueryParams[:5], Response: List[models.Event]{}}},
		{"POST", v1 + "/chronology/events", editor, createOne(v1+"/chronology/events", models.EventInput.Event, a.store.CreateEvent), Doc{Tag: "chronology", Summary: "Record an event; its key names it for good", Body: models.EventInput{}, Response: models.Event{}, Status: http.StatusCreated}},
		{"GET", v1 + "/chronology/events/:id", viewer, getOne(a.store.Event), Doc{Tag: "chronology", Summary: "Get an event", Response: models.Event{}, ETag: true}},
		{"PATCH", v1 + "/chronology/events/:id", editor, updateOne(a.store.Event, a.store.UpdateEvent), Doc{Tag: "chronology", Summary: "Change an event (its key stays)", Body: models.EventPatch{}, Response: models.Event{}, IfMatch: true}},
		{"DELETE", v1 + "/chronology/events/:id", editor, deleteOne(a.store.Event, a.store.DeleteEvent), Doc{Tag: "chronology", Summary: "Delete an event", IfMatch: true}},
	}
}

// chronologyFilter reads the chronology's filters; a bad one is a 400
// naming every bad parameter. A party must be one the store knows.
func (a *API) chronologyFilter(c *gin.Context) (models.ChronologyFilter, bool) {
	q := newQueryReader(c)
	f := models.ChronologyFilter{From: q.date("from"), To: q.date("to"),
		Kind: q.oneOf("kind", models.EventKinds.Values())}
	f.Scenarios = q.scenarios()
	if key := c.Query("key"); key != "" {
		if models.IsKey(key) {
			f.Key = key
		} else {
			q.errs.Add("key", "must be a lower-case slug such as troop-cap")
		}
	}
	if party := c.Query("party"); party != "" {
		parties, err := a.store.Parties(c.Request.Context())
		if err != nil {
			fail(c, err)
			return f, false
		}
		names := make([]string, len(parties))
		for i, p := range parties {
			names[i] = p.ShortName
		}
		f.Party = q.oneOf("party", names)
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		q.errs.Add("to", "must not be before from (%s)", f.From)
	}
	return f, q.ok()
}

// chronology serves GET /chronology.
func (a *API) chronology(c *gin.Context) {
	if f, ok := a.chronologyFilter(c); ok {
		show(c, a.store.Chronology, f)
	}
}

// listEvents serves GET /chronology/events.
func (a *API) listEvents(c *gin.Context) {
	if f, ok := a.chronologyFilter(c); ok {
		showList(c, a.store.Events, f)
	}
}

// date reads an optional YYYY-MM-DD date.
func (q *queryReader) date(name string) string {
	s := q.c.Query(name)
	if s == "" {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		q.errs.Add(name, "must be a date as YYYY-MM-DD")
		return ""
	}
	return s
}
