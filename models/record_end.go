package models

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Where the record ends. A reader of a chronology or an export must know
// how far the record goes: that nothing after 4 Mar 2026 is in it, or that
// after 4 Mar only one item was added, three months later, so the quiet
// between is not news. RecordEnd works this out from dates alone.

// Record gap and staleness, in days. A latest item more than
// RecordGapDays after the one before it stands apart from the dense
// record; a record whose latest item is more than RecordStaleDays old is
// stale: it may have missed what happened since.
const (
	RecordGapDays   = 60
	RecordStaleDays = 30
	// recordLaterMax is how many items at most may stand apart after the
	// dense record; more than that is a record of its own, not a few
	// stragglers.
	recordLaterMax = 3
)

// RecordEnd is where the record ends. To is the latest date; DenseTo, when
// the latest items stand apart, is where the dense record ends and Later
// the dates of the items after it; Stale says the latest item is more than
// RecordStaleDays before today. All dates are YYYY-MM-DD; To is empty when
// nothing is dated.
type RecordEnd struct {
	To      string   `json:"to,omitempty"`
	DenseTo string   `json:"dense_to,omitempty"`
	Later   []string `json:"later"`
	Stale   bool     `json:"stale"`
	// DaysSince is how many days before today the latest item is.
	DaysSince int `json:"days_since"`
}

// RecordEndOf works out where a record ends from the dates of what it
// holds (non-scenario drafts, events, sources) and today. Dates that are
// not YYYY-MM-DD are ignored. The split: of the last few items (at most
// three), the earliest one that stands more than RecordGapDays after the
// item before it starts the later items; the dense record ends just before.
func RecordEndOf(dates []string, today time.Time) RecordEnd {
	var ts []time.Time
	for _, d := range dates {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			ts = append(ts, t)
		}
	}
	out := RecordEnd{Later: []string{}}
	if len(ts) == 0 {
		return out
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	n := len(ts)
	last := ts[n-1]
	out.To = last.Format("2006-01-02")
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	out.DaysSince = int(day.Sub(last).Hours() / 24)
	out.Stale = out.DaysSince > RecordStaleDays
	for i := max(1, n-recordLaterMax); i < n; i++ {
		if ts[i].Sub(ts[i-1]) > RecordGapDays*24*time.Hour {
			out.DenseTo = ts[i-1].Format("2006-01-02")
			for _, t := range ts[i:] {
				out.Later = append(out.Later, t.Format("2006-01-02"))
			}
			break
		}
	}
	return out
}

// String says where the record ends as a reader reads it: "Record to 4 Mar
// 2026; one later item, 4 Jun 2026". Empty when nothing is dated.
func (r RecordEnd) String() string {
	if r.To == "" {
		return ""
	}
	if r.DenseTo == "" {
		return "Record to " + ReadableDate(r.To)
	}
	days := make([]string, len(r.Later))
	for i, d := range r.Later {
		days[i] = ReadableDate(d)
	}
	var list string
	switch len(days) {
	case 1:
		list = days[0]
	default:
		list = strings.Join(days[:len(days)-1], ", ") + " and " + days[len(days)-1]
	}
	count := map[int]string{1: "one later item", 2: "two later items", 3: "three later items"}[len(days)]
	return "Record to " + ReadableDate(r.DenseTo) + "; " + count + ", " + list
}

// StaleNote warns that the record may be behind events, or is empty.
func (r RecordEnd) StaleNote() string {
	if !r.Stale {
		return ""
	}
	return "Nothing recorded in the last " + strconv.Itoa(r.DaysSince) + " days: the record may be behind events."
}
