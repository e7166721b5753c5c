// Package storetest is the test support for code that keeps its data in a
// store: fresh stores on both dialects the store supports, a throwaway
// PostgreSQL server, a pointer helper and a random-draft generator. It is
// the one place they are written; tests do not copy them.
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m, nil)) } // starts PostgreSQL once
//
//	func TestX(t *testing.T) {
//		storetest.ForEachDialect(t, func(t *testing.T, open storetest.Opener) {
//			s := open(t) // a fresh, empty *store.Store, closed when the test ends
//			…
//		})
//	}
//
// OpenSQLite and OpenPostgres open one store of one dialect; SQLiteDSN and
// NewDatabase give just the DSN, for tests that open it themselves
// (read-only, with other options).
//
// Golden compares what a test wrote with a golden file, which the -update
// flag rewrites.
//
// # The PostgreSQL server
//
// Main starts one PostgreSQL 15 server per test binary, from Debian's
// postgresql package (/usr/lib/postgresql/15/bin, or $PGTEST_BINDIR), in a
// temporary directory, on a free loopback port, with fsync off: nothing of
// it outlives the test binary. PostgreSQL refuses to run as root, so as
// root the server runs as the postgres user. Each test gets a database of
// its own (NewDatabase, NewDatabaseFrom), dropped when it ends.
//
// Without PostgreSQL installed the PostgreSQL tests skip, saying why,
// except in CI (CI=true; InCI is the one place that reads CI), where a
// missing database is a failure, not a skip.
//
// The server is stopped when Main returns, on SIGINT and SIGTERM, and,
// should the test binary die any other way (a panic in a test, a -timeout,
// SIGKILL), by a small watchdog process that notices its parent is gone.
//
// The cluster's default collation is ICU's en-US, as on a typical
// production server, so that tests catch code that relies on the
// database's collation (SQLite compares bytes).
//
// # The store's own tests
//
// The tests inside package store cannot import storetest (it imports
// store: an import cycle). They get it through the hook in
// store/storetest_test.go, whose TestMain, in package store_test, hands
// storetest's dialects to them.
package storetest
