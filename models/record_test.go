package models

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestDraftStanding(t *testing.T) {
	cases := []struct {
		standing string
		want     string // field error expected, "" for none
	}{
		{"", ""}, // defaults to reported
		{"official", ""},
		{"reported", ""},
		{"scenario", ""},
		{"leaked", "standing"},
	}
	for _, c := range cases {
		d := DraftInput{Label: "v", Standing: c.standing}.Draft(1)
		err := d.Validate()
		var verr *ValidationError
		switch {
		case c.want == "" && err != nil:
			t.Errorf("standing %q: %v", c.standing, err)
		case c.want != "" && (!errors.As(err, &verr) || verr.Errors[0].Field != c.want):
			t.Errorf("standing %q: got %v, want an error on %s", c.standing, err, c.want)
		}
	}
	if d := (DraftInput{Label: "v"}).Draft(1); d.Standing != StandingReported || d.Scenario() {
		t.Errorf("a plain draft is %q, want reported", d.Standing)
	}
	s := "scenario"
	d := DraftInput{Label: "v"}.Draft(1)
	DraftPatch{Standing: &s}.Apply(&d)
	if !d.Scenario() {
		t.Errorf("patched standing %q", d.Standing)
	}
	if !reflect.DeepEqual(Standings.Values(), []string{"official", "reported", "scenario"}) {
		t.Errorf("standings %v", Standings.Values())
	}
}

func TestRecordEndOf(t *testing.T) {
	today := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		dates []string
		today time.Time
		want  RecordEnd
		text  string
	}{
		{"empty", nil, today, RecordEnd{Later: []string{}}, ""},
		{"dense", []string{"2026-02-20", "2026-03-04", "2026-01-01", "not a date"}, today,
			RecordEnd{To: "2026-03-04", Later: []string{}, DaysSince: 6}, "Record to 4 Mar 2026"},
		{"one later item", []string{"2026-02-20", "2026-03-04", "2026-06-04"}, time.Date(2026, 6, 5, 0, 0, 0, 0, time.UTC),
			RecordEnd{To: "2026-06-04", DenseTo: "2026-03-04", Later: []string{"2026-06-04"}, DaysSince: 1},
			"Record to 4 Mar 2026; one later item, 4 Jun 2026"},
		{"two later items", []string{"2026-01-01", "2026-02-02", "2026-03-04", "2026-06-04", "2026-06-20"}, time.Date(2026, 6, 20, 0, 0, 0, 0, time.UTC),
			RecordEnd{To: "2026-06-20", DenseTo: "2026-03-04", Later: []string{"2026-06-04", "2026-06-20"}},
			"Record to 4 Mar 2026; two later items, 4 Jun 2026 and 20 Jun 2026"},
		{"exactly 60 days is no gap", []string{"2026-01-01", "2026-03-02"}, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
			RecordEnd{To: "2026-03-02", Later: []string{}}, "Record to 2 Mar 2026"},
		{"stragglers: the earliest gap of the last three", []string{"2026-03-01", "2026-03-04", "2026-06-04", "2026-09-04"}, time.Date(2026, 9, 4, 0, 0, 0, 0, time.UTC),
			RecordEnd{To: "2026-09-04", DenseTo: "2026-03-04", Later: []string{"2026-06-04", "2026-09-04"}},
			"Record to 4 Mar 2026; two later items, 4 Jun 2026 and 4 Sep 2026"},
		{"many items after a gap are a record of their own", []string{"2025-01-01", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"}, time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC),
			RecordEnd{To: "2026-01-04", Later: []string{}}, "Record to 4 Jan 2026"},
		{"stale", []string{"2026-01-01"}, today,
			RecordEnd{To: "2026-01-01", Later: []string{}, Stale: true, DaysSince: 68}, "Record to 1 Jan 2026"},
		{"31 days is stale, 30 is not", []string{"2026-02-08"}, today,
			RecordEnd{To: "2026-02-08", Later: []string{}, Stale: false, DaysSince: 30}, "Record to 8 Feb 2026"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := RecordEndOf(c.dates, c.today)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			if got.String() != c.text {
				t.Errorf("text %q, want %q", got.String(), c.text)
			}
		})
	}
}

func TestEventValidate(t *testing.T) {
	cases := []struct {
		name   string
		in     EventInput
		fields []string
	}{
		{"fine", EventInput{Key: "geneva-talks", Date: "2025-11-23", EndDate: "2025-11-24", Kind: "meeting", Title: "Geneva talks", Parties: []string{"US", "UA"}, Keys: []string{"ceasefire"}}, nil},
		{"end before start", EventInput{Key: "x", Date: "2025-11-23", EndDate: "2025-11-22", Kind: "meeting", Title: "t"}, []string{"end_date"}},
		{"unknown kind", EventInput{Key: "x", Date: "2025-11-23", Kind: "party", Title: "t"}, []string{"kind"}},
		{"bad party and key", EventInput{Key: "x", Date: "2025-11-23", Kind: "letter", Title: "t", Parties: []string{"us"}, Keys: []string{"Troop Cap"}}, []string{"parties[0]", "keys[0]"}},
		{"missing", EventInput{}, []string{"key", "date", "kind", "title"}},
		{"draft twice", EventInput{Key: "x", Date: "2025-11-23", Kind: "letter", Title: "t", Drafts: []int64{1, 1}}, []string{"drafts[1]"}},
	}
	for _, c := range cases {
		e := c.in.Event()
		err := e.Validate()
		var got []string
		if err != nil {
			got = errorFields(t, err)
		}
		if !reflect.DeepEqual(got, c.fields) {
			t.Errorf("%s: errors on %v, want %v (%v)", c.name, got, c.fields, err)
		}
	}
}

func TestDraftStanceValidate(t *testing.T) {
	ds := DraftStanceInput{Party: "RU", Stance: "rejects", Date: "2025-11-24"}.DraftStance(3)
	if err := ds.Validate(); err != nil || ds.DraftID != 3 || ds.Sources == nil {
		t.Fatalf("%+v: %v", ds, err)
	}
	bad := DraftStanceInput{Party: "ru", Stance: "opposes"}.DraftStance(3)
	var verr *ValidationError
	if err := bad.Validate(); !errors.As(err, &verr) || len(verr.Errors) != 2 {
		t.Errorf("bad stance: %v", err)
	}
}

func TestNewChronologyOrder(t *testing.T) {
	drafts := []DraftEntry{{ID: 2, Date: "2025-11-23"}, {ID: 1, Date: "2025-11-20"}, {ID: 3}}
	events := []Event{{ID: 9, Date: "2025-11-23"}, {ID: 4, Date: "2025-11-01"}}
	c := NewChronology(drafts, events, RecordEnd{})
	var got []string
	for _, e := range c.Entries {
		got = append(got, e.Type+":"+e.Date)
	}
	want := []string{"event:2025-11-01", "draft:2025-11-20", "draft:2025-11-23", "event:2025-11-23"}
	if !reflect.DeepEqual(got, want) || c.Total != 4 {
		t.Errorf("order %v, want %v", got, want)
	}
}
