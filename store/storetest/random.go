package storetest

import (
	"testing"

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
	return RandomDrafts(tb, seed, 1, n)[0]
}

// RandomDrafts is RandomDraft and m-1 drafts after it, each forked from the
// one before as gen.Generate forks them: drafts 1…m of plan 1
// (gen.SampleDrafts).
func RandomDrafts(tb testing.TB, seed uint64, m, n int) []report.DraftProvisions {
	tb.Helper()
	return gen.SampleDraftsAs[report.DraftProvisions](tb, seed, m, n)
}
