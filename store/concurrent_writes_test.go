package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"plantracker/models"
)

// Concurrent writes without If-Match all apply, on PostgreSQL as on
// SQLite: each applies to the row as it then is. Before, PostgreSQL
// refused most of 40 concurrent PATCHes with a conflict (409), though the
// store promised a write without If-Match never fails for being
// concurrent.
func TestConcurrentWritesWithoutIfMatchAllApply(t *testing.T) {
	const writers = 40
	forEachDialect(t, func(t *testing.T, open opener) {
		s := open(t)
		ctx := context.Background()
		f := newFixture(t, s)
		parties, err := s.Parties(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name   string
			write  func(i int) error
			entity string
			id     int64
		}{
			{"provision", func(i int) error {
				_, err := s.UpdateProvision(ctx, "w", f.troopCap.ID, 0, models.ProvisionPatch{Title: ptr(fmt.Sprintf("Cap %d", i))})
				return err
			}, models.EntityProvision, f.troopCap.ID},
			{"plan", func(i int) error {
				_, err := s.UpdatePlan(ctx, "w", f.plan.ID, 0, models.PlanPatch{Title: ptr(fmt.Sprintf("Plan %d", i))})
				return err
			}, models.EntityPlan, f.plan.ID},
			{"draft", func(i int) error {
				_, err := s.UpdateDraft(ctx, "w", f.draft.ID, 0, models.DraftPatch{Label: ptr(fmt.Sprintf("Draft %d", i))})
				return err
			}, models.EntityDraft, f.draft.ID},
			{"party", func(i int) error {
				_, err := s.UpdateParty(ctx, "w", idOf(parties, "UK"), 0, models.PartyPatch{Name: ptr(fmt.Sprintf("UK %d", i))})
				return err
			}, models.EntityParty, idOf(parties, "UK")},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var wg sync.WaitGroup
				errs := make(chan error, writers)
				for i := range writers {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if err := tt.write(i); err != nil {
							errs <- err
						}
					}()
				}
				wg.Wait()
				close(errs)
				for err := range errs {
					t.Errorf("a concurrent write without If-Match failed: %v", err)
				}
				cs, err := s.Changes(ctx, ChangeFilter{Entity: tt.entity, EntityID: tt.id, Actor: "w", Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				if len(cs) != writers {
					t.Fatalf("%d writes recorded, want %d", len(cs), writers)
				}
			})
		}
	})
}
