package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"plantracker/store"
)

// A trailing slash on an API path is redirected to the path without it
// with a problem document, on the engine the tests serve as in production
// (TestTheTestEngineIsMains holds the two up against each other), and the
// contract check looks at the redirect like any other answer.
func TestTrailingSlashIsRedirectedWithAProblem(t *testing.T) {
	location := func(want string) func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
		return func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
			if got := w.Header().Get("Location"); got != want {
				t.Errorf("Location %q, want %q", got, want)
			}
			if ct := w.Header().Get("Content-Type"); ct != ProblemContentType {
				t.Errorf("Content-Type %q, want %s", ct, ProblemContentType)
			}
			if p := decode[Problem](t, w); p.Status != w.Code {
				t.Errorf("problem status %d, response %d", p.Status, w.Code)
			}
		}
	}
	runScenarios(t, []scenario{
		{name: "GET", method: "GET", url: "/api/v1/plans/", wantStatus: http.StatusMovedPermanently,
			wantContain: []string{"no trailing slash"}, check: location("/api/v1/plans")},
		{name: "GET with a query", method: "GET", url: "/api/v1/plans/?limit=5", wantStatus: http.StatusMovedPermanently,
			check: location("/api/v1/plans?limit=5")},
		{name: "POST", method: "POST", url: "/api/v1/plans/", body: `{"title":"T"}`, wantStatus: http.StatusPermanentRedirect,
			check: location("/api/v1/plans")},
	})
}
