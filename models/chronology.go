package models

import (
	"cmp"
	"slices"
)

// Chronology entry types.
const (
	ChronologyDraft = "draft"
	ChronologyEvent = "event"
)

// ChronologyFilter chooses what a chronology holds. Empty fields do not
// filter. Kind chooses events of one kind (and so leaves drafts out); Key
// the drafts with a provision of that key and the events concerning it;
// Party the drafts it signs or whose plan it authored, and the events it
// took part in. Scenarios are left out unless asked for.
type ChronologyFilter struct {
	From, To         string // YYYY-MM-DD, inclusive
	Party, Kind, Key string
	Scenarios        bool
}

// DraftEntry is a draft as the chronology lists it.
type DraftEntry struct {
	ID          int64    `json:"id"`
	PlanID      int64    `json:"plan_id"`
	Plan        string   `json:"plan"`
	Number      int      `json:"number"`
	Label       string   `json:"label"`
	Date        string   `json:"date"`
	Status      string   `json:"status"`
	Standing    string   `json:"standing"`
	Coverage    string   `json:"coverage"`
	Scenario    bool     `json:"scenario"`
	Signatories []string `json:"signatories"`
}

// Name is how a draft is called in lists: "v2 Geneva revision".
func (d DraftEntry) Name() string { return Draft{Number: d.Number, Label: d.Label}.Name() }

// ChronologyEntry is one line of the chronology: a draft or an event.
type ChronologyEntry struct {
	Type  string      `json:"type"`
	Date  string      `json:"date"`
	Draft *DraftEntry `json:"draft,omitempty"`
	Event *Event      `json:"event,omitempty"`
}

// Chronology is drafts and events together, by date, with where the
// record ends.
type Chronology struct {
	Entries []ChronologyEntry `json:"items"`
	Total   int               `json:"total"`
	Record  RecordEnd         `json:"record"`
}

// NewChronology orders drafts and events by date; on one day drafts come
// before events (the text, then what was done with it), each by id. A
// draft without a date has no place in a chronology and is left out.
func NewChronology(drafts []DraftEntry, events []Event, record RecordEnd) Chronology {
	entries := make([]ChronologyEntry, 0, len(drafts)+len(events))
	for i := range drafts {
		if drafts[i].Date != "" {
			entries = append(entries, ChronologyEntry{Type: ChronologyDraft, Date: drafts[i].Date, Draft: &drafts[i]})
		}
	}
	for i := range events {
		entries = append(entries, ChronologyEntry{Type: ChronologyEvent, Date: events[i].Date, Event: &events[i]})
	}
	slices.SortStableFunc(entries, func(a, b ChronologyEntry) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Type, b.Type), cmp.Compare(a.id(), b.id()))
	})
	return Chronology{Entries: entries, Total: len(entries), Record: record}
}

func (e ChronologyEntry) id() int64 {
	if e.Draft != nil {
		return e.Draft.ID
	}
	return e.Event.ID
}
