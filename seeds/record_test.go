package seeds

import (
	"context"
	"testing"

	"plantracker/models"
)

// The record's files load: events with their drafts named by plan slug and
// number, stances on drafts; the plan reader does not take them for plans.
func TestRecordFilesLoad(t *testing.T) {
	data := readData(t)
	if len(data.Events) == 0 {
		t.Fatal("events.json holds no event")
	}
	for _, pf := range data.Plans {
		if pf.Plan.Title == "" {
			t.Errorf("a file read as a plan has no title: %+v", pf.Plan)
		}
	}
	ctx := context.Background()
	s := loadedStore(t)
	e, err := s.EventByKey(ctx, "2025-11-23-geneva-talks")
	if err != nil {
		t.Fatal(err)
	}
	if e.Date != "2025-11-23" || len(e.Drafts) != 2 || len(e.Sources) != 1 || e.Sources[0].Reference == "" {
		t.Errorf("the Geneva talks loaded as %+v", e)
	}
	for _, id := range e.Drafts {
		d, err := s.Draft(ctx, id)
		if err != nil || d.Date > e.Date {
			t.Errorf("the talks concern draft %d (%v), dated %s", id, err, d.Date)
		}
	}
	ch, err := s.Chronology(ctx, models.ChronologyFilter{})
	if err != nil || ch.Record.To == "" {
		t.Errorf("chronology of the seeds: %+v %v", ch.Record, err)
	}
	stances := 0
	for _, sd := range data.DraftStances {
		if sd.Draft != "" {
			stances++
		}
	}
	if stances != len(data.DraftStances) {
		t.Errorf("a seeded stance names no draft")
	}
}
