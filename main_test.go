package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"testing"

	"plantracker/api"
	"plantracker/store"
)

// The full engine, as served: every API route it registers is in the
// OpenAPI document, and unknown API paths get problems.
func TestEngineRoutesAreDocumented(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	engine := newEngine(s)
	doc, err := api.New(s).OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	n := 0
	for _, r := range engine.Routes() {
		if !api.IsAPIPath(r.Path) {
			continue
		}
		n++
		item := doc.Paths.Find(param.ReplaceAllString(r.Path, "{$1}"))
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is served but not in the OpenAPI document", r.Method, r.Path)
		}
	}
	if n < 30 {
		t.Fatalf("only %d API routes", n)
	}
	w := httptest.NewRecorder()
	engine.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/nothing", nil))
	if w.Code != http.StatusNotFound || w.Header().Get("Content-Type") != api.ProblemContentType {
		t.Fatalf("unknown API path: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Request-Id") == "" {
		t.Fatal("shared middleware not installed")
	}
}

// `plantracker seed` loads the seed data once; a second run adds nothing.
func TestSeedCommandIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "seed.db")
	for i := 0; i < 2; i++ {
		if err := run([]string{"seed", "-db", db}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, err := s.Provisions(context.Background(), store.ProvisionFilter{Kind: "troop_cap"})
	if err != nil || page.Total != 4 {
		t.Fatalf("troop caps after two seed runs: %d (%v)", page.Total, err)
	}
}

func TestUnknownCommand(t *testing.T) {
	if err := run([]string{"frobnicate"}); err == nil {
		t.Fatal("an unknown command ran")
	}
}
