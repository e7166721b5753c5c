package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/store"
)

// A Dialect is a database the store runs on, and how to get a fresh, empty
// database of it for one test.
type Dialect struct {
	Name string                    // "sqlite" or "postgres", the subtest's name
	DSN  func(t testing.TB) string // a fresh database, removed when the test ends
}

// Dialects are the databases every store test runs against.
var Dialects = []Dialect{
	{"sqlite", SQLiteDSN},
	{"postgres", NewDatabase},
}

// EachDialect runs test once per dialect, as the subtests "sqlite" and
// "postgres". Without PostgreSQL installed the "postgres" subtest skips,
// except in CI, where it fails (Require).
func EachDialect(t *testing.T, test func(t *testing.T, d Dialect)) {
	t.Helper()
	for _, d := range Dialects {
		t.Run(d.Name, func(t *testing.T) {
			if d.Name == "postgres" {
				Require(t) // skip or fail once, here, not in every subtest
			}
			test(t, d)
		})
	}
}

// An Opener opens a fresh, empty store for one test; the test's cleanup
// closes it.
type Opener func(t testing.TB) *store.Store

// ForEachDialect is EachDialect handing the test an Opener of the dialect.
func ForEachDialect(t *testing.T, test func(t *testing.T, open Opener)) {
	t.Helper()
	EachDialect(t, func(t *testing.T, d Dialect) {
		test(t, func(t testing.TB) *store.Store {
			t.Helper()
			return Open(t, d.DSN(t), store.Options{})
		})
	})
}

// SQLiteDSN is a fresh SQLite file in the test's temporary directory.
func SQLiteDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "test.db")
}

// OpenSQLite opens a store on a fresh SQLite file.
func OpenSQLite(t testing.TB) *store.Store {
	t.Helper()
	return Open(t, SQLiteDSN(t), store.Options{})
}

// OpenPostgres opens a store on a fresh database of the shared PostgreSQL
// server (skipping, or failing in CI, without one).
func OpenPostgres(t testing.TB) *store.Store {
	t.Helper()
	return Open(t, NewDatabase(t), store.Options{})
}

// Open opens a store on dsn, closed when the test ends. Passwords hash at
// bcrypt's lowest cost unless opts asks for another.
func Open(t testing.TB, dsn string, opts store.Options) *store.Store {
	t.Helper()
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.MinCost
	}
	s, err := store.Open(context.Background(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Ptr returns a pointer to a copy of v: the optional fields of a patch.
func Ptr[T any](v T) *T { return &v }
