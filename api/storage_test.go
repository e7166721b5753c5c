package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// A database that cannot be written: /healthz says so with 503, a valid
// token still reads (never a 401), and a write gets a problem that says
// why (503 read-only, 507 full), not a bare 500.
func TestDatabaseThatCannotBeWritten(t *testing.T) {
	tests := []struct {
		name         string
		dialect      dialect
		serve        func(t *testing.T) *testServer
		wantDatabase string
		wantWrite    int
		wantDetail   string
	}{
		{"sqlite read-only", sqlite, func(t *testing.T) *testServer { return readOnlyServer(t, sqlite) }, "read-only", http.StatusServiceUnavailable, "read-only"},
		{"postgres read-only", postgres, func(t *testing.T) *testServer { return readOnlyServer(t, postgres) }, "read-only", http.StatusServiceUnavailable, "read-only"},
		{"sqlite full", sqlite, fullServer, "full", http.StatusInsufficientStorage, "disk is full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dialect == postgres {
				storetest.Require(t)
			}
			ts := tt.serve(t)
			w := ts.do("GET", "/healthz", "")
			var h Health
			if err := json.Unmarshal(w.Body.Bytes(), &h); err != nil || w.Code != http.StatusServiceUnavailable || h.Database != tt.wantDatabase {
				t.Fatalf("/healthz: %d %s, want 503 with database %q", w.Code, w.Body, tt.wantDatabase)
			}
			if w := ts.do("GET", "/api/v1/me", ""); w.Code != 200 {
				t.Fatalf("a valid token reading: %d %s", w.Code, w.Body)
			}
			w = ts.do("POST", url("/api/v1/drafts/%d/provisions", seeded.Draft28),
				`{"key":"new","kind":"other","title":"New","sourcing":"reported","sources":`+testCites+`}`)
			if w.Code != tt.wantWrite || !strings.Contains(w.Body.String(), tt.wantDetail) ||
				w.Header().Get("Content-Type") != ProblemContentType {
				t.Fatalf("a write: %d %s; want %d saying %q", w.Code, w.Body, tt.wantWrite, tt.wantDetail)
			}
		})
	}
}

// readOnlyServer serves the API over a copy of the seeded database opened
// read-only, with tokens made while it was writable.
func readOnlyServer(t *testing.T, d dialect) *testServer {
	t.Helper()
	dsn := freshDatabase(t, d)
	readOnlyDSN := "file:" + dsn + "?mode=ro"
	if d == postgres {
		readOnlyDSN = dsn + "&default_transaction_read_only=on"
	}
	writable := storetest.Open(t, dsn, store.Options{})
	tokens := serverOn(t, writable).tokens
	writable.Close()
	s := storetest.Open(t, readOnlyDSN, store.Options{})
	if ro, _ := s.ReadOnly(); !ro {
		t.Fatal("the store did not open read-only")
	}
	return &testServer{t: t, store: s, handler: testEngine(s), tokens: tokens}
}

// fullStore is a store whose disk is full: every write and the write
// probe fail as the store fails them then (the store's own tests fill a
// real database); reads work.
type fullStore struct{ *store.Store }

func (fullStore) WriteProbe(context.Context) error { return errFull }

func (fullStore) CreateProvision(context.Context, string, models.Provision) (models.Provision, error) {
	return models.Provision{}, errFull
}

var errFull = fmt.Errorf("%w (database or disk is full)", store.ErrStorageFull)

// fullServer serves the API over a fullStore.
func fullServer(t *testing.T) *testServer {
	t.Helper()
	ts := newTestServer(t, sqlite)
	ts.handler = engineFor(ts.store, New(fullStore{ts.store}))
	return ts
}
