package store

import (
	"context"
	"runtime"
	"strings"

	"golang.org/x/sync/semaphore"
)

// newSearchTurns is the store's turns for full-text searches on SQLite:
// as many at once as the process has processors.
func newSearchTurns() *semaphore.Weighted {
	return semaphore.NewWeighted(int64(runtime.GOMAXPROCS(0)))
}

// takeSearchTurn waits for a search's turn, when the filter searches words
// on SQLite; call release when its rows are read. An error is the
// context's: the request was given up while it waited.
//
// A search is CPU in SQLite, in this process: more at once than there are
// processors only interleave, and each takes as long as all of them.
// Waiting for a connection instead (four readers) was worse: database/sql
// hands a freed connection to a waiter at random, so under 50 searches at
// once a few waited many turns while most waited none, and the 99th
// percentile was six times the median. In turns, in the order they came
// (the semaphore is first come, first served), the wait is the queue's
// length for everyone; measured with wrk, a tail about half as long.
// PostgreSQL searches on its own processors, so there every search goes
// straight to the pool.
func (s *Store) takeSearchTurn(ctx context.Context, f ProvisionFilter) (release func(), err error) {
	if s.dialect != SQLite || s.searches == nil || strings.TrimSpace(f.Query) == "" {
		return func() {}, nil
	}
	if err := s.searches.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	return func() { s.searches.Release(1) }, nil
}
