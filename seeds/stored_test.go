package seeds

import (
	"context"

	"plantracker/models"
	"plantracker/store"
)

// stored is what a store holds, read back through its API: what the seed
// tests hold against the files. Drafts come with their plan, provisions
// and stances.
type stored struct {
	parties []models.Party
	sources []models.Source
	plans   []models.Plan
	drafts  []storedDraft
	events  []models.Event
}

type storedDraft struct {
	plan       models.Plan
	draft      models.Draft
	provisions []models.Provision
	stances    []models.DraftStance
}

// readStored reads everything the store holds of the seed data.
func readStored(s *store.Store) stored {
	ctx := context.Background()
	st := stored{parties: must(s.Parties(ctx)), sources: must(s.Sources(ctx)), plans: must(s.Plans(ctx)),
		events: must(s.Events(ctx, models.ChronologyFilter{}))}
	for _, p := range st.plans {
		for _, d := range must(s.Drafts(ctx, p.ID)) {
			st.drafts = append(st.drafts, storedDraft{plan: p, draft: d,
				provisions: must(s.DraftProvisions(ctx, d.ID)), stances: must(s.DraftStances(ctx, d.ID))})
		}
	}
	return st
}

// must is v, or a panic, which fails the test: for reads that have no
// failure of their own to test (the embedded files, a store the test
// opened).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
