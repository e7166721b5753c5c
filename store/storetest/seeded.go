package storetest

import (
	"context"
	"fmt"

	"plantracker/store"
)

// SeededIDs are the ids of the seed data's rows that the API's and the
// UI's tests refer to. FindSeeded finds them by what the seed data calls
// them (plans by title, a plan's drafts by their order, provisions by key,
// parties by short name), so that the tests need not know in which order
// seeding creates rows.
type SeededIDs struct {
	USPlan, E3Plan                     int64
	Draft28, Geneva, Draft20, E3       int64 // the US plan's first three drafts; the E3 plan's first
	TroopCap28, Guarantee28, AmnestyE3 int64
	TroopCap20                         int64 // the 20-point troop cap, whose words are in Ukrainian too
	PartyUA, PartyFI                   int64
}

// FindSeeded finds the SeededIDs in a store that seeds.Load has filled; an
// error says when the seed data lacks one of them.
func FindSeeded(ctx context.Context, s *store.Store) (SeededIDs, error) {
	var ids SeededIDs
	plans, err := s.Plans(ctx)
	if err != nil {
		return ids, err
	}
	for _, p := range plans {
		drafts, err := s.Drafts(ctx, p.ID)
		if err != nil {
			return ids, err
		}
		switch {
		case p.Title == "US peace framework" && len(drafts) >= 3:
			ids.USPlan, ids.Draft28, ids.Geneva, ids.Draft20 = p.ID, drafts[0].ID, drafts[1].ID, drafts[2].ID
		case p.Title == "European counter-proposal" && len(drafts) >= 1:
			ids.E3Plan, ids.E3 = p.ID, drafts[0].ID
		}
	}
	provisions := []struct {
		draft int64
		key   string
		id    *int64
	}{{ids.Draft28, "troop-cap", &ids.TroopCap28}, {ids.Draft28, "security-guarantee", &ids.Guarantee28}, {ids.E3, "amnesty", &ids.AmnestyE3},
		{ids.Draft20, "troop-cap", &ids.TroopCap20}}
	for _, f := range provisions {
		ps, err := s.DraftProvisions(ctx, f.draft)
		if err != nil {
			return ids, err
		}
		for _, p := range ps {
			if p.Key == f.key {
				*f.id = p.ID
			}
		}
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return ids, err
	}
	byShortName := map[string]*int64{"UA": &ids.PartyUA, "FI": &ids.PartyFI}
	for _, p := range parties {
		if id := byShortName[p.ShortName]; id != nil {
			*id = p.ID
		}
	}
	for _, id := range []int64{ids.USPlan, ids.E3Plan, ids.Draft28, ids.Geneva, ids.Draft20, ids.E3,
		ids.TroopCap28, ids.Guarantee28, ids.AmnestyE3, ids.TroopCap20, ids.PartyUA, ids.PartyFI} {
		if id == 0 {
			return ids, fmt.Errorf("the seed data lacks a row the tests use: %+v", ids)
		}
	}
	return ids, nil
}
