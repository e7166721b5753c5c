package report

import (
	"reflect"
	"testing"

	"plantracker/models"
)

// The seed's drafts: the 28-point draft; Geneva and E3 (another plan)
// forked from it on the same day; the 20 points forked from Geneva.
var (
	draft28     = models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "28-point draft", Date: "2025-11-20", Coverage: "complete"}
	draftGeneva = models.Draft{ID: 2, PlanID: 1, Number: 2, Label: "Geneva", Date: "2025-11-23", ForkedFromID: new(int64(1))}
	draft20     = models.Draft{ID: 3, PlanID: 1, Number: 3, Label: "20 points", Date: "2025-12-23", ForkedFromID: new(int64(2))}
	draftE3     = models.Draft{ID: 4, PlanID: 2, Number: 1, Label: "E3", Date: "2025-11-23", ForkedFromID: new(int64(1))}
)

func TestReadingOrder(t *testing.T) {
	undated := func(d models.Draft) models.Draft { d.Date = ""; return d }
	forkOf := func(id, parent int64, plan int64, number int, date string) models.Draft {
		return models.Draft{ID: id, PlanID: plan, Number: number, Date: date, ForkedFromID: new(parent)}
	}
	sameDayFork := forkOf(5, 4, 2, 2, "2025-11-23")                  // E3's fork, the same day
	grandchild := forkOf(6, 5, 3, 1, "2025-11-23")                   // a fork of that fork, in a third plan
	backdated := forkOf(7, 1, 1, 4, "2025-11-01")                    // a fork dated before its original
	otherPlan := models.Draft{ID: 8, PlanID: 3, Number: 1, Date: ""} // unrelated, undated
	cases := []struct {
		name string
		a, b models.Draft
		want int
	}{
		{"by date", draft28, draftE3, -1},
		{"by date, asked the other way", draftE3, draft28, 1},
		{"dates tie, the fork reads later", sameDayFork, draftE3, 1},
		{"dates tie, a fork of a fork in another plan reads later", draftE3, grandchild, -1},
		{"a date missing, the lineage decides", undated(draft20), draft28, 1},
		{"both undated, one plan: by number", undated(draftGeneva), undated(models.Draft{ID: 9, PlanID: 1, Number: 5}), -1},
		{"dates tie, siblings in two plans: undecided", draftGeneva, draftE3, 0},
		{"undated and unrelated: undecided", otherPlan, draft28, 0},
		{"the date wins over the lineage", backdated, draft28, -1},
		{"the same draft", draft28, draft28, 0},
	}
	lineage := NewLineage([]models.Draft{draft28, draftGeneva, draft20, draftE3, sameDayFork, grandchild, backdated})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ReadingOrder(tc.a, tc.b, lineage)
			if sign(got) != tc.want {
				t.Errorf("ReadingOrder = %d, want %d", got, tc.want)
			}
			if back := ReadingOrder(tc.b, tc.a, lineage); sign(back) != -tc.want {
				t.Errorf("the other way round = %d, want %d", back, -tc.want)
			}
		})
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestLineageSurvivesALoop(t *testing.T) {
	l := Lineage{1: 2, 2: 1}
	if l.Descends(1, 3) || !l.Descends(1, 2) {
		t.Error("a loop in the lineage answers wrongly")
	}
}

func TestInReadingOrder(t *testing.T) {
	lineage := NewLineage([]models.Draft{draft28, draftGeneva, draft20, draftE3})
	names := func(ds []models.Draft, order []int) []string {
		var out []string
		for _, i := range order {
			out = append(out, ds[i].Label)
		}
		return out
	}
	cases := []struct {
		name   string
		drafts []models.Draft
		want   []string
	}{
		{"the seed's four, shuffled", []models.Draft{draft20, draftE3, draft28, draftGeneva}, []string{"28-point draft", "E3", "Geneva", "20 points"}},
		{"ties keep the order given", []models.Draft{draft28, draftGeneva, draftE3, draft20}, []string{"28-point draft", "Geneva", "E3", "20 points"}},
		{"one", []models.Draft{draftE3}, []string{"E3"}},
		{"none", nil, nil},
		// A loop of dates and lineage (a draft dated before the original of
		// its original) still yields every draft once.
		{"a loop", []models.Draft{{ID: 10, Label: "a", Date: "2025-01-01", ForkedFromID: new(int64(12))}, {ID: 11, Label: "b", Date: "2025-02-01"},
			{ID: 12, Label: "c", ForkedFromID: new(int64(11))}}, []string{"a", "b", "c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := lineage
			if tc.name == "a loop" {
				l = NewLineage(tc.drafts)
			}
			if got := names(tc.drafts, InReadingOrder(tc.drafts, l)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("order %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCompareInOrder(t *testing.T) {
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	cap8 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":800000}`)
	d28 := DraftProvisions{draft28, []models.Provision{cap6}}
	e3 := DraftProvisions{draftE3, []models.Provision{cap8}}
	lineage := NewLineage([]models.Draft{draft28, draftE3})
	for _, tc := range []struct {
		name        string
		a, b        DraftProvisions
		wantSwapped bool
	}{{"in order", d28, e3, false}, {"later → earlier", e3, d28, true}} {
		t.Run(tc.name, func(t *testing.T) {
			c := CompareInOrder(tc.a, tc.b, lineage)
			if c.Swapped != tc.wantSwapped || c.From.ID != draft28.ID || c.To.ID != draftE3.ID {
				t.Fatalf("swapped %v, %s → %s", c.Swapped, c.From.Name, c.To.Name)
			}
			if ch := c.Rows[0].Changes; len(ch) != 1 || ch[0].Summary != "Limit: 600,000 people → 800,000 people (+33.3%)" {
				t.Errorf("changes %s", summaries(ch))
			}
		})
	}
}
