package models

import (
	"strconv"
	"strings"
	"time"
)

// EntityEvent names events in the audit trail.
const EntityEvent = "event"

// EventKinds: what sort of thing happened.
var EventKinds = Vocabulary{
	{"meeting", "Meeting"},
	{"statement", "Statement"},
	{"ceasefire", "Ceasefire"},
	{"exchange", "Exchange"},
	{"signing", "Signing"},
	{"letter", "Letter"},
}

// Event is something that happened, not a text: talks in Geneva, a
// statement, a prisoner exchange. Drafts and events together make the
// chronology. Key is stable (seed files and links name the event by it);
// EndDate, when given, closes a range of days and is not before Date.
type Event struct {
	ID      int64  `json:"id"`
	Key     string `json:"key" validate:"required,max=80,key"`
	Date    string `json:"date" validate:"required,datetime=2006-01-02"`
	EndDate string `json:"end_date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Kind    string `json:"kind" validate:"required,oneof=meeting statement ceasefire exchange signing letter"`
	Title   string `json:"title" validate:"required,max=300"`
	Place   string `json:"place,omitempty" validate:"max=200"`
	// Parties are the short names of the parties that took part.
	Parties []string `json:"parties" validate:"max=60,uniqueparties,dive,party"`
	Summary string   `json:"summary,omitempty" validate:"max=10000"`
	// OriginalLanguage and Translations: the title and summary in other
	// languages, as a provision's words (a translation's text is the
	// summary; see MainLanguage).
	OriginalLanguage string        `json:"original_language" validate:"required,oneof=en uk"`
	Translations     []Translation `json:"translations" validate:"max=5,dive"`
	Sources          []Citation    `json:"sources" validate:"max=50,dive"`
	// Drafts are the ids of the drafts the event concerns; Keys the
	// provision keys.
	Drafts    []int64   `json:"drafts" validate:"max=50"`
	Keys      []string  `json:"keys" validate:"max=100,dive,key"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// EventInput is what a client sends to create an event.
type EventInput struct {
	Key     string   `json:"key"`
	Date    string   `json:"date"`
	EndDate string   `json:"end_date"`
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Place   string   `json:"place"`
	Parties []string `json:"parties"`
	Summary string   `json:"summary"`
	// OriginalLanguage defaults to the main language.
	OriginalLanguage string        `json:"original_language"`
	Translations     []Translation `json:"translations"`
	Sources          []Citation    `json:"sources"`
	Drafts           []int64       `json:"drafts"`
	Keys             []string      `json:"keys"`
}

// Event builds the event the input describes.
func (in EventInput) Event() Event {
	e := Event{Key: strings.TrimSpace(in.Key), Date: in.Date, EndDate: in.EndDate, Kind: in.Kind,
		Title: strings.TrimSpace(in.Title), Place: strings.TrimSpace(in.Place), Parties: in.Parties,
		Summary: in.Summary, OriginalLanguage: in.OriginalLanguage, Translations: in.Translations,
		Sources: in.Sources, Drafts: in.Drafts, Keys: in.Keys}
	e.normalize()
	return e
}

// EventPatch changes some fields of an event; nil fields stay. The key is
// not among them: links and seed files name the event by it.
type EventPatch struct {
	Date    *string   `json:"date"`
	EndDate *string   `json:"end_date"`
	Kind    *string   `json:"kind"`
	Title   *string   `json:"title"`
	Place   *string   `json:"place"`
	Parties *[]string `json:"parties"`
	Summary *string   `json:"summary"`
	// OriginalLanguage and Translations replace the value whole.
	OriginalLanguage *string        `json:"original_language"`
	Translations     *[]Translation `json:"translations"`
	Sources          *[]Citation    `json:"sources"`
	Drafts           *[]int64       `json:"drafts"`
	Keys             *[]string      `json:"keys"`
}

// Apply writes the patch onto e.
func (p EventPatch) Apply(e *Event) {
	applyPatch(p, e)
	e.normalize()
}

// normalize makes empty lists non-nil, so that they serialise as [].
func (e *Event) normalize() {
	e.Sources = CitationsOf(e.Sources)
	if e.OriginalLanguage == "" {
		e.OriginalLanguage = MainLanguage
	}
	e.Translations = normalizeTranslations(e.Translations)
	if e.Parties == nil {
		e.Parties = []string{}
	}
	if e.Drafts == nil {
		e.Drafts = []int64{}
	}
	if e.Keys == nil {
		e.Keys = []string{}
	}
}

// Validate checks every field of the event, and that a range of days does
// not end before it starts.
func (e *Event) Validate() error {
	e.normalize()
	verr := validateStruct(e, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	if e.EndDate != "" && e.Date != "" && e.EndDate < e.Date && validDate(e.Date) && validDate(e.EndDate) {
		verr.Add("end_date", "must not be before date (%s)", e.Date)
	}
	seen := map[int64]bool{}
	for i, id := range e.Drafts {
		if id <= 0 {
			verr.Add("drafts["+strconv.Itoa(i)+"]", "must be a draft id")
		} else if seen[id] {
			verr.Add("drafts["+strconv.Itoa(i)+"]", "lists draft %d more than once", id)
		}
		seen[id] = true
	}
	checkTranslations(verr, e.OriginalLanguage, e.Translations)
	return verr.Err()
}

// LastDate is the event's last day: its end date where it spans several.
func (e Event) LastDate() string {
	if e.EndDate != "" {
		return e.EndDate
	}
	return e.Date
}

// When is the event's date or range of days as people read them.
func (e Event) When() string {
	if e.EndDate == "" || e.EndDate == e.Date {
		return ReadableDate(e.Date)
	}
	return ReadableDate(e.Date) + " – " + ReadableDate(e.EndDate)
}

// KindLabel is the event's kind as people read it.
func (e Event) KindLabel() string { return EventKinds.Label(e.Kind) }

// Concerns reports whether the event concerns the provision key.
func (e Event) Concerns(key string) bool {
	for _, k := range e.Keys {
		if k == key {
			return true
		}
	}
	return false
}

// SourceReferences lists every source the event cites, with its field.
func (e Event) SourceReferences() []SourceReference {
	return append(citationReferences("sources", e.Sources), translationReferences(e.Translations)...)
}

// RowVersion is the optimistic-concurrency version of a row.
func (e Event) RowVersion() int { return e.Version }

// RowID is the row's id.
func (e Event) RowID() int64 { return e.ID }

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
