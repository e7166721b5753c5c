package store

import (
	"context"
	"testing"

	"plantracker/models"
)

// TestComparisonReadsForksAfterTheirOriginals: drafts of three plans on one
// day, each forked from the one before, and a fourth plan's draft of that
// day forked from nothing. Only the lineage, read upwards from the drafts
// asked for (two forks away), can order them; on both databases.
func TestComparisonReadsForksAfterTheirOriginals(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		forkOf := func(origin string, from *int64) models.Draft {
			t.Helper()
			plan := must(s.CreatePlan(ctx, "tester", models.Plan{Title: origin + " counter-proposal", Origin: origin}))
			d := models.DraftInput{Label: origin + " counter-proposal", Date: f.draft.Date}.Draft(plan.ID)
			d.ForkedFromID = from
			return must(s.CreateDraft(ctx, "tester", d))
		}
		e3 := forkOf("FR", &f.draft.ID)
		uk := forkOf("UK", &e3.ID)
		apart := forkOf("UA", nil)

		c := must(s.Comparison(ctx, uk.ID, f.draft.ID))
		if !c.Swapped || c.From.ID != f.draft.ID || c.To.ID != uk.ID {
			t.Errorf("the UK fork against the draft it descends from through the FR fork: swapped %v, %d → %d", c.Swapped, c.From.ID, c.To.ID)
		}
		c = must(s.Comparison(ctx, apart.ID, f.draft.ID))
		if c.Swapped {
			t.Errorf("two drafts of one day that neither descends from: turned round")
		}

		m := must(s.Matrix(ctx, []int64{uk.ID, apart.ID, f.draft.ID, e3.ID}))
		var got []int64
		for _, d := range m.Drafts {
			got = append(got, d.ID)
		}
		// apart keeps its place before the others: nothing orders it.
		want := []int64{apart.ID, f.draft.ID, e3.ID, uk.ID}
		if len(got) != len(want) {
			t.Fatalf("matrix drafts %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("matrix drafts %v, want %v", got, want)
			}
		}
	})
}
