package api

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models/report"
	"plantracker/store"
)

// The comparison tells the truth on the seed data. The assertions rest on
// facts the seed's corrections (issue 11) keep, not on counts of rows: the
// troop cap is 600,000 in the 28-point draft and 800,000 after it; the
// Geneva revision withdraws the amnesty; the E3 counter-proposal and the
// Geneva revision are partial, so what they do not mention is not reported.

// mayBeRemoved says which keys a partial draft may count as removed: those
// a report says it dropped (withdrawn): the amnesty, the point 3 the E3 text
// deletes, the US–Russia economic items Geneva moves to separate formats.
func mayBeRemoved(r report.ComparisonRow) bool {
	return r.Withdrawn
}

// checkPartialLater checks a comparison whose later draft is partial.
func checkPartialLater(t *testing.T, c report.Comparison) {
	t.Helper()
	if c.To.Coverage != "partial" || c.From.Coverage != "complete" {
		t.Errorf("coverage %s → %s", c.From.Coverage, c.To.Coverage)
	}
	notReported, removed := 0, 0
	for _, r := range c.Rows {
		if r.Status == report.StatusRemoved {
			removed++
		}
		switch {
		case r.Status == report.StatusRemoved && !mayBeRemoved(r):
			t.Errorf("%s is counted as removed from a partial draft", r.Key)
		case r.Status == report.StatusNotReported:
			notReported++
			if r.From == nil || r.To != nil || !strings.HasPrefix(r.Note, "carried over from "+c.From.Name+", not reported in "+c.To.Name) {
				t.Errorf("%s: a not reported row carries its last value and says so: %+v", r.Key, r)
			}
		}
		for _, fc := range r.Changes {
			if !report.IsSubstanceField(fc.Field) {
				t.Errorf("%s: a sourcing-only change among the substance: %s", r.Key, fc.Summary)
			}
		}
	}
	if removed != c.Counts.Removed {
		t.Errorf("%d rows removed, counted %d", removed, c.Counts.Removed)
	}
	if notReported != c.Counts.NotReported || notReported == 0 {
		t.Errorf("%d rows not reported, counted %d", notReported, c.Counts.NotReported)
	}
	if n := c.Counts; n.Added+n.Removed+n.NotReported+n.Changed+n.Unchanged != n.Total {
		t.Errorf("counts do not add up: %+v", n)
	}
}

// troopCapChange is the troop-cap row's limit change.
func troopCapChange(t *testing.T, c report.Comparison) string {
	t.Helper()
	for _, r := range c.Rows {
		if r.Key != "troop-cap" {
			continue
		}
		for _, fc := range r.Changes {
			if fc.Field == "terms.limit" {
				return fc.Summary
			}
		}
	}
	t.Fatal("no change of the troop cap's limit")
	return ""
}

func rowOf(t *testing.T, c report.Comparison, key string) report.ComparisonRow {
	t.Helper()
	for _, r := range c.Rows {
		if r.Key == key {
			return r
		}
	}
	t.Fatalf("no row %s", key)
	return report.ComparisonRow{}
}

func TestCompareTellsTheTruthOnTheSeed(t *testing.T) {
	const capChange = "Limit: 600,000 people → 800,000 people (+33.3%)"
	runScenarios(t, []scenario{
		{name: "28-point → E3", method: "GET", url: url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, seeded.E3), wantStatus: 200,
			wantContain: []string{`"swapped":false`, `"not_reported":`, `"sourcing_only":`},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				checkPartialLater(t, c)
				if got := troopCapChange(t, c); got != capChange {
					t.Errorf("troop cap: %s", got)
				}
				// Its citation changed too, but that is folded apart.
				if r := rowOf(t, c, "troop-cap"); len(r.SourcingChanges) == 0 {
					t.Errorf("the troop cap's sourcing changes are lost: %+v", r)
				}
			}},
		// Only the rows asked for, the counts of every key all the same.
		{name: "28-point → 20-point, changed and added rows only", method: "GET",
			url: url("/api/v1/compare?from=%d&to=%d&status=changed,added,changed", seeded.Draft28, seeded.Draft20), wantStatus: 200,
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				whole, err := s.ComparisonIn(context.Background(), seeded.Draft28, seeded.Draft20, "en")
				if err != nil {
					t.Fatal(err)
				}
				if c.Counts != whole.Counts {
					t.Errorf("counts %+v, want every key's %+v", c.Counts, whole.Counts)
				}
				if len(c.Rows) != whole.Counts.Changed+whole.Counts.Added || len(c.Rows) == len(whole.Rows) {
					t.Fatalf("%d rows of %d, want the %d changed and %d added", len(c.Rows), len(whole.Rows), whole.Counts.Changed, whole.Counts.Added)
				}
				for _, r := range c.Rows {
					if r.Status != report.StatusChanged && r.Status != report.StatusAdded {
						t.Errorf("row %s is %s", r.Key, r.Status)
					}
				}
				if got := troopCapChange(t, c); got != capChange {
					t.Errorf("troop cap: %s", got)
				}
				if len(c.Sources) == 0 || len(c.Sources) >= len(whole.Sources) {
					t.Errorf("%d sources of the whole's %d: want those of the rows shown", len(c.Sources), len(whole.Sources))
				}
			}},
		{name: "E3 → 28-point is answered 28-point → E3", method: "GET", url: url("/api/v1/compare?from=%d&to=%d", seeded.E3, seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"swapped":true`},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				if !c.Swapped || c.From.ID != seeded.Draft28 || c.To.ID != seeded.E3 {
					t.Fatalf("swapped %v, %s → %s", c.Swapped, c.From.Name, c.To.Name)
				}
				if got := troopCapChange(t, c); got != capChange {
					t.Errorf("troop cap: %s", got)
				}
			}},
		{name: "28-point → Geneva", method: "GET", url: url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, seeded.Geneva), wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				checkPartialLater(t, c)
				if r := rowOf(t, c, "amnesty"); r.Status != report.StatusRemoved || !r.Withdrawn || r.Note == "" {
					t.Errorf("the amnesty Geneva drops: %s withdrawn %v %q", r.Status, r.Withdrawn, r.Note)
				}
				if got := troopCapChange(t, c); got != capChange {
					t.Errorf("troop cap: %s", got)
				}
			}},
		// The 20 points were read out in full: a key of Geneva's they lack is
		// removed, and only such a key.
		{name: "20-point → Geneva, complete after partial, is answered Geneva → 20-point", method: "GET",
			url: url("/api/v1/compare?from=%d&to=%d", seeded.Draft20, seeded.Geneva), wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				if !c.Swapped || c.From.ID != seeded.Geneva {
					t.Fatalf("swapped %v, from %s", c.Swapped, c.From.Name)
				}
				if c.To.Coverage != "complete" {
					t.Fatalf("the 20-point framework is %s, want complete as read out", c.To.Coverage)
				}
				for _, r := range c.Rows {
					if r.Status == report.StatusRemoved && !r.Withdrawn && r.To != nil {
						t.Errorf("%s removed though the 20-point framework holds it", r.Key)
					}
					if r.Status == report.StatusNotReported {
						t.Errorf("%s not reported in a complete draft", r.Key)
					}
					if r.Status == report.StatusAdded && r.Note == "" {
						t.Errorf("%s added after a partial draft without saying it may not be new", r.Key)
					}
				}
			}},
		{name: "the matrix of the four drafts", method: "GET",
			url:        url("/api/v1/matrix?drafts=%d,%d,%d,%d", seeded.Draft20, seeded.E3, seeded.Geneva, seeded.Draft28),
			wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				m := decode[report.Matrix](t, w)
				// Columns read earlier → later, whatever order they were asked in.
				if len(m.Drafts) != 4 || m.Drafts[0].ID != seeded.Draft28 || m.Drafts[3].ID != seeded.Draft20 {
					t.Fatalf("columns %+v", m.Drafts)
				}
				for _, r := range m.Rows {
					removedAt := -1
					for i, cell := range r.Cells {
						switch {
						case cell.Diff == report.StatusRemoved && !cell.Withdrawn:
							removedAt = i
						case cell.Diff == report.StatusAdded && removedAt >= 0:
							t.Errorf("%s: removed in %s, added again in %s", r.Key, m.Drafts[removedAt].Name, m.Drafts[i].Name)
						}
						if cell.Diff == report.StatusRemoved && !cell.Withdrawn && m.Drafts[i].Coverage == "partial" {
							t.Errorf("%s: removed in the partial %s", r.Key, m.Drafts[i].Name)
						}
					}
					if r.Key == "troop-cap" {
						if !strings.Contains(r.Cells[0].Headline, "600,000") {
							t.Errorf("troop cap in the 28-point draft: %q", r.Cells[0].Headline)
						}
						for _, cell := range r.Cells[1:] {
							if cell.Present && !strings.Contains(cell.Headline, "800,000") {
								t.Errorf("troop cap after the 28-point draft: %q", cell.Headline)
							}
						}
					}
				}
				if m.Counts.NotReported == 0 {
					t.Error("no cell not reported")
				}
			}},
	})
}
