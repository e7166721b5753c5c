package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"plantracker/api"
	"plantracker/api/server"
	"plantracker/models"
	"plantracker/store/storetest"
)

// The API's tests serve the engine main serves: the same request gets the
// same answer from both. A trailing slash on an API path answers with a
// problem document and a Location without it, as in production; before the
// one engine builder, the tests' own engine answered 301 text/html (gin's
// redirect), and the contract check skipped redirects to hide it.
func TestTheTestEngineIsMains(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenSQLite(t)
	if _, err := s.CreateUser(ctx, "test", models.User{Username: "vera", Role: models.RoleViewer}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	token, _, err := s.CreateToken(ctx, "test", "vera", "engine")
	if err != nil {
		t.Fatal(err)
	}
	production, err := server.NewEngine(s, server.EngineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tested := api.EngineUnderTest(s)
	tests := []struct {
		method, path string
		wantStatus   int
		wantLocation string
	}{
		{"GET", "/api/v1/plans/", http.StatusMovedPermanently, "/api/v1/plans"},
		{"GET", "/api/v1/plans/?limit=5", http.StatusMovedPermanently, "/api/v1/plans?limit=5"},
		{"POST", "/api/v1/plans/", http.StatusPermanentRedirect, "/api/v1/plans"},
		{"GET", "/api/v1/nothing", http.StatusNotFound, ""},
		{"PUT", "/api/v1/plans", http.StatusMethodNotAllowed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			var got [2]*httptest.ResponseRecorder
			for i, h := range []http.Handler{production, tested} {
				req := httptest.NewRequest(tt.method, tt.path, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Accept-Encoding", "gzip")
				got[i] = httptest.NewRecorder()
				h.ServeHTTP(got[i], req)
			}
			prod, test := got[0], got[1]
			if prod.Code != tt.wantStatus || prod.Header().Get("Content-Type") != api.ProblemContentType ||
				prod.Header().Get("Location") != tt.wantLocation {
				t.Fatalf("production: %d %q Location %q; want %d %s Location %q\n%s", prod.Code, prod.Header().Get("Content-Type"),
					prod.Header().Get("Location"), tt.wantStatus, api.ProblemContentType, tt.wantLocation, prod.Body)
			}
			for _, h := range []string{"Content-Type", "Content-Encoding", "Location", "Content-Security-Policy", "X-Content-Type-Options"} {
				if a, b := prod.Header().Get(h), test.Header().Get(h); a != b {
					t.Errorf("%s: %q in production, %q under test", h, a, b)
				}
			}
			if test.Code != prod.Code || test.Body.String() != prod.Body.String() {
				t.Errorf("under test: %d %s\nin production: %d %s", test.Code, test.Body, prod.Code, prod.Body)
			}
		})
	}
}
