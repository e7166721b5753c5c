package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/api"
	"plantracker/models"
	"plantracker/store"
)

// HTTP as clients and monitors speak it: HEAD where GET is served (a
// monitor probing /healthz got 405), the Authorization scheme in any case
// ("bearer" was refused), and a trailing slash on an API path redirected
// with a problem document (it was gin's HTML).
func TestHTTPAsClientsSpeakIt(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "http.db"), store.Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "test", models.User{Username: "vera", Role: models.RoleViewer}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	token, _, err := s.CreateToken(ctx, "test", "vera", "http")
	if err != nil {
		t.Fatal(err)
	}
	engine := mustEngine(t, s, config{})
	tests := []struct {
		name         string
		method, path string
		auth         string
		wantStatus   int
		wantType     string
		wantLocation string
	}{
		{"HEAD /healthz", "HEAD", "/healthz", "", 200, "application/json", ""},
		{"HEAD /, signed out", "HEAD", "/", "", http.StatusSeeOther, "", "/login?next=%2F"},
		{"HEAD an API route", "HEAD", "/api/v1/kinds", "Bearer " + token, 200, "application/json", ""},
		{"bearer in lower case", "GET", "/api/v1/me", "bearer " + token, 200, "application/json", ""},
		{"BEARER in capitals", "GET", "/api/v1/me", "BEARER " + token, 200, "application/json", ""},
		{"another scheme", "GET", "/api/v1/me", "Basic " + token, 401, api.ProblemContentType, ""},
		{"API path with a trailing slash", "GET", "/api/v1/plans/?limit=5", "Bearer " + token, 301, api.ProblemContentType, "/api/v1/plans?limit=5"},
		{"API write with a trailing slash", "POST", "/api/v1/plans/", "Bearer " + token, 308, api.ProblemContentType, "/api/v1/plans"},
		{"UI path with a trailing slash", "GET", "/parties/", "", 301, "", "/parties"},
		{"no redirect off the site", "GET", "//evil.example/", "", 404, "text/html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			w := httptest.NewRecorder()
			engine.ServeHTTP(w, req)
			if w.Code != tt.wantStatus || !strings.HasPrefix(w.Header().Get("Content-Type"), tt.wantType) ||
				w.Header().Get("Location") != tt.wantLocation {
				t.Fatalf("%d %q Location %q; want %d %q Location %q\n%.300s", w.Code, w.Header().Get("Content-Type"),
					w.Header().Get("Location"), tt.wantStatus, tt.wantType, tt.wantLocation, w.Body)
			}
		})
	}
}
