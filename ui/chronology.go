package ui

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

// The chronology: drafts and events together by date, with where the
// record ends. Scenario drafts are left out unless asked for (they are an
// analyst's own texts, not what happened).

// RecordStore is what the record's pages need of the store: stances on
// drafts as a whole, events and the chronology.
type RecordStore interface {
	DraftStances(ctx context.Context, draftID int64) ([]models.DraftStance, error)
	DraftStancesOf(ctx context.Context, draftIDs []int64) (map[int64][]models.DraftStance, error)
	DraftStance(ctx context.Context, id int64) (models.DraftStance, error)
	CreateDraftStance(ctx context.Context, actor string, ds models.DraftStance) (models.DraftStance, error)
	UpdateDraftStance(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftStancePatch) (models.DraftStance, error)
	DeleteDraftStance(ctx context.Context, actor string, id int64, ifVersion int) error
	EventsForKey(ctx context.Context, key string) ([]models.Event, error)
	Event(ctx context.Context, id int64) (models.Event, error)
	CreateEvent(ctx context.Context, actor string, e models.Event) (models.Event, error)
	UpdateEvent(ctx context.Context, actor string, id int64, ifVersion int, patch models.EventPatch) (models.Event, error)
	DeleteEvent(ctx context.Context, actor string, id int64, ifVersion int) error
	Chronology(ctx context.Context, f models.ChronologyFilter) (models.Chronology, error)
	RecordEnd(ctx context.Context) (models.RecordEnd, error)
}

type chronologyPage struct {
	Page
	Filter  chronologyFilter
	Entries []chronologyEntry
	Record  models.RecordEnd
	Parties []models.Party
	Kinds   models.Vocabulary
}

// chronologyFilter is the page's filter form, as read from the query.
type chronologyFilter struct {
	From, To, Party, Kind, Key string
	Scenarios                  bool
}

func (f chronologyFilter) Active() bool {
	return f.From != "" || f.To != "" || f.Party != "" || f.Kind != "" || f.Key != "" || f.Scenarios
}

// chronologyEntry is one line: a draft, or an event with the drafts it
// concerns named.
type chronologyEntry struct {
	models.ChronologyEntry
	EventDrafts []models.Draft
}

// chronology serves GET /chronology. Filters that do not hold (a date
// that is not one, an unknown party) are dropped rather than refused: the
// page shows what the query can mean.
func (u *UI) chronology(c *gin.Context) {
	ctx := c.Request.Context()
	parties, err := u.store.Parties(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	f := chronologyFilter{From: dateParam(c.Query("from")), To: dateParam(c.Query("to")),
		Party: oneOf(c.Query("party"), shortNames(parties)), Kind: oneOf(c.Query("kind"), models.EventKinds.Values()),
		Scenarios: c.Query("include") == "scenarios"}
	if key := strings.TrimSpace(c.Query("key")); models.IsKey(key) {
		f.Key = key
	}
	ch, err := u.store.Chronology(ctx, models.ChronologyFilter{From: f.From, To: f.To, Party: f.Party, Kind: f.Kind, Key: f.Key, Scenarios: f.Scenarios})
	if err != nil {
		fail(c, err)
		return
	}
	_, byID, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	entries := make([]chronologyEntry, len(ch.Entries))
	for i, e := range ch.Entries {
		entries[i] = chronologyEntry{ChronologyEntry: e}
		if e.Event != nil {
			for _, id := range e.Event.Drafts {
				if d, ok := byID[id]; ok {
					entries[i].EventDrafts = append(entries[i].EventDrafts, d)
				}
			}
		}
	}
	render(c, http.StatusOK, "chronology", &chronologyPage{Page: Page{Title: loc(c).T("nav.chronology"), Section: "chronology"},
		Filter: f, Entries: entries, Record: ch.Record, Parties: parties, Kinds: models.EventKinds})
}

// dateParam is s when it is a YYYY-MM-DD date, else "".
func dateParam(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}
