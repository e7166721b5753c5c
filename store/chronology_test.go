package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"plantracker/models"
)

// Stances on drafts as a whole and events: written, read, changed with
// version checks, deleted and put back, on both dialects.

func TestDraftStanceCRUD(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		ds, err := s.CreateDraftStance(ctx, "ed", models.DraftStanceInput{Party: "RU", Stance: "rejects", Date: "2025-11-24",
			Quote: "Unacceptable.", Sources: cites("axios-2025-11-20")}.DraftStance(f.draft.ID))
		if err != nil {
			t.Fatal(err)
		}
		if ds.Version != 1 || ds.Party != "RU" || ds.Sources[0].Reference == "" {
			t.Errorf("created %+v", ds)
		}
		sameValue(t, "draft stance", ds, must(s.DraftStance(ctx, ds.ID)))
		// Field by field: unknown party, unknown source, bad stance.
		_, err = s.CreateDraftStance(ctx, "ed", models.DraftStanceInput{Party: "XX", Stance: "accepts",
			Sources: cites("nowhere")}.DraftStance(f.draft.ID))
		var verr *models.ValidationError
		if !errors.As(err, &verr) || len(verr.Errors) != 1 || verr.Errors[0].Field != "party" {
			t.Errorf("unknown party: %v", err)
		}
		if _, err := s.CreateDraftStance(ctx, "ed", models.DraftStanceInput{Party: "UA", Stance: "accepts"}.DraftStance(9999)); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown draft: %v", err)
		}
		accepts := "accepts"
		up, err := s.UpdateDraftStance(ctx, "ed", ds.ID, 1, models.DraftStancePatch{Stance: &accepts})
		if err != nil || up.Version != 2 || up.Stance != "accepts" {
			t.Fatalf("update: %+v %v", up, err)
		}
		if _, err := s.UpdateDraftStance(ctx, "ed", ds.ID, 1, models.DraftStancePatch{Stance: &accepts}); !errors.Is(err, ErrConflict) {
			t.Errorf("stale update: %v", err)
		}
		list, err := s.DraftStances(ctx, f.draft.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("list %v %v", list, err)
		}
		// Never copied down onto provisions.
		if p := must(s.Provision(ctx, f.troopCap.ID)); len(p.Parties) != 1 || p.Parties[0].Party != "UA" {
			t.Errorf("provision parties %+v", p.Parties)
		}
		if err := s.DeleteDraftStance(ctx, "ed", ds.ID, 1); !errors.Is(err, ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		if err := s.DeleteDraftStance(ctx, "ed", ds.ID, 2); err != nil {
			t.Fatal(err)
		}
		cs := changesFor(t, s, models.EntityDraftStance, ds.ID)
		if len(cs) != 3 || cs[0].Action != models.ActionDelete {
			t.Fatalf("changes %+v", cs)
		}
		if _, err := s.UndoDelete(ctx, "ed", cs[0].ID); err != nil {
			t.Fatal(err)
		}
		if back := must(s.DraftStance(ctx, ds.ID)); back.Stance != "accepts" || back.Version != 2 {
			t.Errorf("undone %+v", back)
		}
		// A source a stance cites cannot be deleted from under it.
		src := must(s.SourceByKey(ctx, "axios-2025-11-20"))
		if err := s.DeleteSource(ctx, "ed", src.ID, 0); !errors.Is(err, ErrInUse) {
			t.Errorf("delete cited source: %v", err)
		}
	})
}

func TestEventCRUD(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		in := models.EventInput{Key: "geneva-talks", Date: "2025-11-23", EndDate: "2025-11-24", Kind: "meeting",
			Title: "Geneva talks", Place: "Geneva", Parties: []string{"US", "UA"}, Sources: cites("interfax-2025-11-21"),
			Drafts: []int64{f.draft.ID}, Keys: []string{"troop-cap"}}
		e, err := s.CreateEvent(ctx, "ed", in.Event())
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "event", e, must(s.Event(ctx, e.ID)))
		if e.Version != 1 || len(e.Parties) != 2 || e.Parties[0] != "US" || e.Drafts[0] != f.draft.ID {
			t.Errorf("created %+v", e)
		}
		if _, err := s.CreateEvent(ctx, "ed", in.Event()); !errors.Is(err, ErrDuplicate) {
			t.Errorf("same key: %v", err)
		}
		bad := in
		bad.Key, bad.Parties, bad.Drafts = "other", []string{"XX"}, []int64{9999}
		_, err = s.CreateEvent(ctx, "ed", bad.Event())
		var verr *models.ValidationError
		if !errors.As(err, &verr) || len(verr.Errors) != 2 {
			t.Errorf("unknown party and draft: %v", err)
		}
		place := "Geneva, Switzerland"
		up, err := s.UpdateEvent(ctx, "ed", e.ID, 1, models.EventPatch{Place: &place, Parties: &[]string{"UA", "US", "FR"}})
		if err != nil || up.Version != 2 || up.Place != place || len(up.Parties) != 3 {
			t.Fatalf("update %+v %v", up, err)
		}
		if _, err := s.UpdateEvent(ctx, "ed", e.ID, 1, models.EventPatch{Place: &place}); !errors.Is(err, ErrConflict) {
			t.Errorf("stale update: %v", err)
		}
		early := "2025-11-01"
		if _, err := s.UpdateEvent(ctx, "ed", e.ID, 2, models.EventPatch{EndDate: &early}); !errors.As(err, &verr) || verr.Errors[0].Field != "end_date" {
			t.Errorf("end before start: %v", err)
		}
		byKey, err := s.EventsForKey(ctx, "troop-cap")
		if err != nil || len(byKey) != 1 {
			t.Errorf("events for troop-cap: %v %v", byKey, err)
		}
		if none, _ := s.EventsForKey(ctx, "troop"); len(none) != 0 {
			t.Errorf("a key's prefix matched: %v", none)
		}
		if err := s.DeleteEvent(ctx, "ed", e.ID, 1); !errors.Is(err, ErrConflict) {
			t.Errorf("stale delete: %v", err)
		}
		if err := s.DeleteEvent(ctx, "ed", e.ID, 2); err != nil {
			t.Fatal(err)
		}
		cs := changesFor(t, s, models.EntityEvent, e.ID)
		if len(cs) != 3 {
			t.Fatalf("changes %+v", cs)
		}
		deleted, err := s.Deleted(ctx, 10, 0)
		if err != nil || len(deleted) == 0 || deleted[0].Entity != models.EntityEvent {
			t.Errorf("deleted list %+v %v", deleted, err)
		}
		if _, err := s.UndoDelete(ctx, "ed", cs[0].ID); err != nil {
			t.Fatal(err)
		}
		if back := must(s.Event(ctx, e.ID)); back.Place != place || len(back.Parties) != 3 {
			t.Errorf("undone %+v", back)
		}
	})
}

func TestChronologyOrderAndFilters(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		s.now = func() time.Time { return time.Date(2026, 6, 5, 12, 0, 0, 0, time.UTC) }
		scenario, err := s.CreateDraft(ctx, "ed", models.DraftInput{Label: "What if", Date: "2026-06-04", Standing: "scenario"}.Draft(f.plan.ID))
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []models.EventInput{
			{Key: "talks", Date: "2025-11-23", Kind: "meeting", Title: "Talks", Parties: []string{"US", "UA"}, Keys: []string{"troop-cap"}},
			{Key: "exchange", Date: "2025-11-10", Kind: "exchange", Title: "Exchange", Parties: []string{"RU", "UA"}},
			{Key: "statement", Date: "2026-03-04", Kind: "statement", Title: "Statement", Parties: []string{"RU"}},
		} {
			if _, err := s.CreateEvent(ctx, "ed", in.Event()); err != nil {
				t.Fatal(err)
			}
		}
		entries := func(fl models.ChronologyFilter) []string {
			t.Helper()
			c, err := s.Chronology(ctx, fl)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, e := range c.Entries {
				if e.Draft != nil {
					out = append(out, "draft "+e.Draft.Label)
				} else {
					out = append(out, "event "+e.Event.Key)
				}
			}
			return out
		}
		cases := []struct {
			name string
			f    models.ChronologyFilter
			want []string
		}{
			{"all by date, no scenario", models.ChronologyFilter{}, []string{"event exchange", "draft 28-point draft", "event talks", "event statement"}},
			{"with scenarios", models.ChronologyFilter{Scenarios: true}, []string{"event exchange", "draft 28-point draft", "event talks", "event statement", "draft What if"}},
			{"from, to", models.ChronologyFilter{From: "2025-11-15", To: "2025-12-31"}, []string{"draft 28-point draft", "event talks"}},
			{"party RU", models.ChronologyFilter{Party: "RU"}, []string{"event exchange", "draft 28-point draft", "event statement"}},
			{"party US: the plan's origin", models.ChronologyFilter{Party: "US"}, []string{"draft 28-point draft", "event talks"}},
			{"kind", models.ChronologyFilter{Kind: "meeting"}, []string{"event talks"}},
			{"key", models.ChronologyFilter{Key: "troop-cap"}, []string{"draft 28-point draft", "event talks"}},
		}
		for _, c := range cases {
			if got := entries(c.f); !equalStrings(got, c.want) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
		// The record ends with the statement; the scenario does not count.
		c, err := s.Chronology(ctx, models.ChronologyFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Record.To != "2026-03-04" || !c.Record.Stale {
			t.Errorf("record %+v", c.Record)
		}
		_ = scenario
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDraftStanding(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if f.draft.Standing != models.StandingReported {
			t.Errorf("default standing %q", f.draft.Standing)
		}
		official := "official"
		d, err := s.UpdateDraft(ctx, "ed", f.draft.ID, 0, models.DraftPatch{Standing: &official})
		if err != nil || d.Standing != "official" {
			t.Fatalf("%+v %v", d, err)
		}
		fork, err := s.ForkDraft(ctx, "ed", f.draft.ID, models.ForkInput{})
		if err != nil || fork.Standing != models.StandingScenario {
			t.Errorf("fork %q %v", fork.Standing, err)
		}
		leaked := "leaked"
		var verr *models.ValidationError
		if _, err := s.UpdateDraft(ctx, "ed", f.draft.ID, 0, models.DraftPatch{Standing: &leaked}); !errors.As(err, &verr) || verr.Errors[0].Field != "standing" {
			t.Errorf("bad standing: %v", err)
		}
	})
}

// A draft's stances go with it and come back with it.
func TestDraftStancesGoAndComeBackWithTheDraft(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		ds, err := s.CreateDraftStance(ctx, "ed", models.DraftStanceInput{Party: "UA", Stance: "reserved"}.DraftStance(f.draft.ID))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteDraft(ctx, "ed", f.draft.ID, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DraftStance(ctx, ds.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("stance after its draft's deletion: %v", err)
		}
		cs := changesFor(t, s, models.EntityDraft, f.draft.ID)
		if _, err := s.UndoDelete(ctx, "ed", cs[0].ID); err != nil {
			t.Fatal(err)
		}
		if back, err := s.DraftStance(ctx, ds.ID); err != nil || back.Stance != "reserved" {
			t.Errorf("stance after the undo: %+v %v", back, err)
		}
	})
}
