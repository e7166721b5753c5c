package storetest

import (
	"testing"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store/gen"
)

// RandomDraft is a draft of n random provisions, of every kind in turn,
// with typed terms, wording (some of it Ukrainian), party links and
// citations that validate, the same for the same seed: data for tests and
// benchmarks of what reads drafts (comparison, summary, export) that need
// no store. It is store/gen's first draft of a generated plan: its
// provisions name the parties and sources gen.Generate adds, and have ids
// 1…n, in draft 1 of plan 1.
func RandomDraft(tb testing.TB, seed uint64, n int) report.DraftProvisions {
	tb.Helper()
	ps, err := gen.Sample(seed, n)
	if err != nil {
		tb.Fatal(err)
	}
	d := report.DraftProvisions{
		Draft: models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "generated draft", Date: "2025-11-20",
			Status: "working", Coverage: "complete", Version: 1},
		Provisions: ps,
	}
	for i := range d.Provisions {
		d.Provisions[i].ID, d.Provisions[i].DraftID, d.Provisions[i].Version = int64(i+1), 1, 1
	}
	return d
}
