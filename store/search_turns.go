package store

import (
	"context"
	"runtime"
	"strings"

	"golang.org/x/sync/semaphore"
)

// searchTurns lets as many full-text searches run at once on SQLite as the
// process has processors, and queues the others in the order they came.
//
// A search is CPU in SQLite, in this process: more at once than there are
// processors only interleave, and each takes as long as all of them.
// Waiting for a connection instead (four readers) was worse: database/sql
// hands a freed connection to a waiter at random, so under 50 searches at
// once a few waited many turns while most waited none, and the 99th
// percentile was six times the median. In turns, in order, the wait is the
// queue's length for everyone; measured with wrk, a tail about half as
// long. PostgreSQL searches on its own processors, so there every search
// goes straight to the pool.
type searchTurns struct{ sem *semaphore.Weighted }

func newSearchTurns() searchTurns {
	return searchTurns{semaphore.NewWeighted(int64(runtime.GOMAXPROCS(0)))}
}

// takeSearchTurn waits for a search's turn, when the filter searches words on
// SQLite; call release when its rows are read. An error is the context's:
// the request was given up while it waited.
func (s *Store) takeSearchTurn(ctx context.Context, f ProvisionFilter) (release func(), err error) {
	if s.dialect != SQLite || s.searches.sem == nil || strings.TrimSpace(f.Query) == "" {
		return func() {}, nil
	}
	if err := s.searches.sem.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { s.searches.sem.Release(1) }, nil
}
