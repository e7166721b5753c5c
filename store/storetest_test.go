package store_test

import (
	"os"
	"testing"

	"plantracker/store"
	"plantracker/store/storetest"
)

// TestMain starts storetest's PostgreSQL server for the store's tests and
// hands them storetest's dialects (see store.TestSupport): they are in
// package store and cannot import storetest themselves.
func TestMain(m *testing.M) {
	store.TestSupport.EachDialect = func(t *testing.T, test func(t *testing.T, dsn func(testing.TB) string)) {
		t.Helper()
		storetest.EachDialect(t, func(t *testing.T, d storetest.Dialect) { test(t, d.DSN) })
	}
	store.TestSupport.SQLiteDSN = storetest.SQLiteDSN
	store.TestSupport.PostgresDSN = storetest.NewDatabase
	os.Exit(storetest.Main(m, nil))
}
