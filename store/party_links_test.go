package store

import (
	"context"
	"testing"

	"plantracker/models"
)

// Stances that cite the same sources are read from the same stored JSON,
// decoded once (loadProvisionParties); each provision still gets lists of
// its own, with the sources' references, so that changing one provision's
// citations read from the store changes no other's.
func TestSharedStanceCitationsAreNotShared(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		second := f.guarantee
		second.ID, second.Key, second.Point = 0, "security-guarantee-2", "11"
		if _, err := s.CreateProvision(ctx, "tester", second); err != nil {
			t.Fatal(err)
		}
		ps, err := s.DraftProvisions(ctx, f.draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		var us []*models.ProvisionParty // the US's stance on each guarantee
		for i := range ps {
			for j := range ps[i].Parties {
				if p := &ps[i].Parties[j]; p.Party == "US" {
					us = append(us, p)
				}
			}
		}
		if len(us) != 2 {
			t.Fatalf("the US has a stance on %d provisions, want 2", len(us))
		}
		for _, p := range us {
			if len(p.StanceSources) != 1 || p.StanceSources[0].Reference == "" {
				t.Fatalf("the US's stance cites %+v, want interfax-2025-11-21 with its reference", p.StanceSources)
			}
		}
		us[0].StanceSources[0].Locator = "changed in one provision"
		if got := us[1].StanceSources[0].Locator; got != "" {
			t.Errorf("changing one provision's stance citation changed another's: locator %q", got)
		}
	})
}
