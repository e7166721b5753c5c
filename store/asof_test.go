package store

import (
	"context"
	"testing"
	"time"

	"plantracker/models"
)

// TestAsOf: as of is the latest recorded change to the drafts, their plan,
// their provisions and the sources given; a change elsewhere (another
// plan's draft, a source not cited) leaves it be.
func TestAsOf(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		now := time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return now }
		ctx := context.Background()
		f := newFixture(t, s)
		asOf := func(keys ...string) time.Time {
			t.Helper()
			at, err := s.AsOf(ctx, []int64{f.draft.ID}, keys)
			if err != nil {
				t.Fatal(err)
			}
			return at
		}
		if got := asOf(); !got.Equal(now) {
			t.Fatalf("after the fixture: %v, want %v", got, now)
		}

		now = now.Add(time.Hour) // a change elsewhere
		other, err := s.CreatePlan(ctx, "tester", models.Plan{Title: "Other plan"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateDraft(ctx, "tester", models.DraftInput{Label: "other", Status: "working"}.Draft(other.ID)); err != nil {
			t.Fatal(err)
		}
		if got := asOf("axios-2025-11-20"); !got.Equal(now.Add(-time.Hour)) {
			t.Errorf("a change elsewhere moved as of to %v", got)
		}

		now = now.Add(time.Hour) // a provision of the draft
		limit := "Cap of 700,000."
		if _, err := s.UpdateProvision(ctx, "tester", f.troopCap.ID, 0, models.ProvisionPatch{Text: &limit}); err != nil {
			t.Fatal(err)
		}
		if got := asOf(); !got.Equal(now) {
			t.Errorf("after a provision's change: %v, want %v", got, now)
		}

		now = now.Add(time.Hour) // a cited source
		src, err := s.SourceByKey(ctx, "axios-2025-11-20")
		if err != nil {
			t.Fatal(err)
		}
		title := "The 28-point plan, in full"
		if _, err := s.UpdateSource(ctx, "tester", src.ID, 0, models.SourcePatch{Title: &title}); err != nil {
			t.Fatal(err)
		}
		if got := asOf("interfax-2025-11-21"); !got.Equal(now.Add(-time.Hour)) {
			t.Errorf("a source not cited moved as of to %v", got)
		}
		if got := asOf("axios-2025-11-20"); !got.Equal(now) {
			t.Errorf("after a cited source's change: %v, want %v", got, now)
		}

		now = now.Add(time.Hour) // the plan
		ptitle := "US peace framework (revised)"
		if _, err := s.UpdatePlan(ctx, "tester", f.plan.ID, 0, models.PlanPatch{Title: &ptitle}); err != nil {
			t.Fatal(err)
		}
		if got := asOf(); !got.Equal(now) {
			t.Errorf("after the plan's change: %v, want %v", got, now)
		}
	})
}
