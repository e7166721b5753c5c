package store

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// A search on SQLite waits for its turn while every turn is taken, gives
// up when its request does, and runs once a turn is free; on PostgreSQL it
// never waits. A filter without words is not a search and never waits.
func TestSearchTakesTurns(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		all := int64(runtime.GOMAXPROCS(0))
		if err := s.searches.Acquire(ctx, all); err != nil {
			t.Fatal(err)
		}
		held := true
		defer func() {
			if held {
				s.searches.Release(all)
			}
		}()
		search := ProvisionFilter{Query: "guarantee"}
		waiting, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, err := s.Search(waiting, search)
		listing, cancelList := context.WithTimeout(ctx, 5*time.Second)
		defer cancelList()
		if _, listErr := s.Provisions(listing, ProvisionFilter{Category: "security"}); listErr != nil {
			t.Errorf("a list without words waited for a search's turn: %v", listErr)
		}
		switch {
		case s.dialect == Postgres && err != nil:
			t.Fatalf("on PostgreSQL a search waited: %v", err)
		case s.dialect == SQLite && !errors.Is(err, context.DeadlineExceeded):
			t.Fatalf("with every turn taken, a search on SQLite answered %v, want to wait until its request gave up", err)
		}
		s.searches.Release(all)
		held = false
		page, err := s.Search(ctx, search)
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("with the turns free, the search found %d (%v)", len(page.Items), err)
		}
	})
}
