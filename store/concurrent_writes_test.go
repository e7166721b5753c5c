package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
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
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		parties, err := s.Parties(ctx)
		if err != nil {
			t.Fatal(err)
		}
		source, err := s.SourceByKey(ctx, fixtureSources[0].Key)
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
				_, err := s.UpdateProvision(ctx, "w", f.troopCap.ID, 0, models.ProvisionPatch{Title: new(fmt.Sprintf("Cap %d", i))})
				return err
			}, models.EntityProvision, f.troopCap.ID},
			{"plan", func(i int) error {
				_, err := s.UpdatePlan(ctx, "w", f.plan.ID, 0, models.PlanPatch{Title: new(fmt.Sprintf("Plan %d", i))})
				return err
			}, models.EntityPlan, f.plan.ID},
			{"draft", func(i int) error {
				_, err := s.UpdateDraft(ctx, "w", f.draft.ID, 0, models.DraftPatch{Label: new(fmt.Sprintf("Draft %d", i))})
				return err
			}, models.EntityDraft, f.draft.ID},
			{"party", func(i int) error {
				_, err := s.UpdateParty(ctx, "w", idOf(parties, "UK"), 0, models.PartyPatch{Name: new(fmt.Sprintf("UK %d", i))})
				return err
			}, models.EntityParty, idOf(parties, "UK")},
			{"source", func(i int) error {
				_, err := s.UpdateSource(ctx, "w", source.ID, 0, models.SourcePatch{Title: new(fmt.Sprintf("Source %d", i))})
				return err
			}, models.EntitySource, source.ID},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, err := range concurrently(writers, tt.write) {
					t.Errorf("a concurrent write without If-Match failed: %v", err)
				}
				recordedWrites(t, s, tt.entity, tt.id, writers)
			})
		}
	})
}

// Concurrent updates of one source, each with the If-Match of the version
// its writer just read, on PostgreSQL as on SQLite: a writer whose version
// went stale is told which version the row is at now (and, reading again,
// gets its write in), and none is refused for a version that was current
// when the update began, the spurious conflict of an update that reads
// without the row lock (as UpdateSource once did: on PostgreSQL two
// updates read version n side by side, and the second failed the version
// guard). Nothing is lost: every write is one Change, the versions follow
// one another, and each writer's title is in exactly one of them.
func TestConcurrentSourceUpdatesWithIfMatch(t *testing.T) {
	const writers = 16
	forEachFixture(t, func(t *testing.T, s *Store, _ fixture) {
		ctx := context.Background()
		src, err := s.SourceByKey(ctx, fixtureSources[0].Key)
		if err != nil {
			t.Fatal(err)
		}
		refused := concurrently(writers, func(i int) error {
			title := fmt.Sprintf("Title of writer %d", i)
			for attempt := 0; ; attempt++ {
				cur, err := s.Source(ctx, src.ID)
				if err != nil {
					return err
				}
				_, err = s.UpdateSource(ctx, "w", src.ID, cur.Version, models.SourcePatch{Title: &title})
				if err == nil {
					return nil
				}
				if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), fmt.Sprintf(", not %d;", cur.Version)) {
					return fmt.Errorf("writer %d, If-Match %d: %w", i, cur.Version, err)
				}
				if attempt > 10*writers {
					return fmt.Errorf("writer %d never got its write in", i)
				}
			}
		})
		for _, err := range refused {
			t.Errorf("a write with a current If-Match was refused: %v", err)
		}
		cs := recordedWrites(t, s, models.EntitySource, src.ID, writers)
		titles := map[string]int{}
		versions := map[int]bool{}
		for _, c := range cs {
			var before, after models.Source
			if err := json.Unmarshal(c.Before, &before); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(c.After, &after); err != nil {
				t.Fatal(err)
			}
			if after.Version != before.Version+1 {
				t.Errorf("change %d: version %d → %d", c.ID, before.Version, after.Version)
			}
			versions[after.Version] = true
			titles[after.Title]++
		}
		for v := 2; v <= writers+1; v++ {
			if !versions[v] {
				t.Errorf("no change left the source at version %d", v)
			}
		}
		for i := range writers {
			if n := titles[fmt.Sprintf("Title of writer %d", i)]; n != 1 {
				t.Errorf("writer %d's title is in %d changes, want 1", i, n)
			}
		}
		got, err := s.Source(ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != writers+1 {
			t.Errorf("the source is at version %d, want %d", got.Version, writers+1)
		}
	})
}

// concurrently runs write(0) … write(n-1) at once and returns their errors.
func concurrently(n int, write func(i int) error) []error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = write(i)
		}()
	}
	wg.Wait()
	return slices.DeleteFunc(errs, func(err error) bool { return err == nil })
}

// recordedWrites returns the Changes the writers ("w") recorded of one row,
// failing the test unless there are want of them.
func recordedWrites(t *testing.T, s *Store, entity string, id int64, want int) []models.Change {
	t.Helper()
	cs, err := s.Changes(context.Background(), ChangeFilter{Entity: entity, EntityID: id, Actor: "w", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != want {
		t.Fatalf("%d writes recorded, want %d", len(cs), want)
	}
	return cs
}

// Concurrent changes of one user all apply, on PostgreSQL as on SQLite:
// role changes through the update sequence (restating the role a user has
// records nothing), new passwords with the row locked before it is read, so
// that none fails the version guard for being concurrent.
func TestConcurrentUserChangesAllApply(t *testing.T) {
	const writers = 20
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := newUser(t, s, "root", "alice", models.RoleViewer)
		t.Run("role", func(t *testing.T) {
			roles := []string{models.RoleEditor, models.RoleViewer}
			for _, err := range concurrently(writers, func(i int) error {
				_, err := s.SetRole(ctx, "w", "alice", roles[i%2])
				return err
			}) {
				t.Errorf("a concurrent role change failed: %v", err)
			}
			cs, err := s.Changes(ctx, ChangeFilter{Entity: EntityUser, EntityID: u.ID, Actor: "w", Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				var before, after models.User
				if json.Unmarshal(c.Before, &before) != nil || json.Unmarshal(c.After, &after) != nil || before.Role == after.Role {
					t.Errorf("change %d: %s → %s", c.ID, c.Before, c.After)
				}
			}
			got, err := s.UserByName(ctx, "alice")
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != 1+len(cs) {
				t.Errorf("alice is at version %d after %d recorded changes", got.Version, len(cs))
			}
		})
		t.Run("password", func(t *testing.T) {
			roleChanges := len(changesFor(t, s, EntityUser, u.ID))
			for _, err := range concurrently(writers, func(i int) error {
				return s.SetPassword(ctx, "pw", "alice", fmt.Sprintf("correct horse battery %d", i), false)
			}) {
				t.Errorf("a concurrent password change failed: %v", err)
			}
			if n := len(changesFor(t, s, EntityUser, u.ID)) - roleChanges; n != writers {
				t.Errorf("%d password changes recorded, want %d", n, writers)
			}
		})
	})
}
