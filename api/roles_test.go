package api

import (
	"net/http"
	"strings"
	"testing"
)

// Which role each route needs is checked once, knowingly, by the
// authorization matrix of api/server/server_test.go: a table written apart
// from the route tables, over the engine as served, for every route of both
// surfaces and every role.
// Repeating that table here would be a second copy to keep in step. What
// this package checks is its own part: every route of the table that is
// not public refuses a request without credentials (401, with a
// challenge), and a viewer on every editor or admin route (403), so that
// the Role column is enforced, whatever it says.
func TestEveryRouteEnforcesItsRole(t *testing.T) {
	ts := newTestServer(t, sqlite)
	sample := strings.NewReplacer(":id", "999999", ":name", "nobody", ":party", "ZZ")
	n := 0
	for _, rt := range New(ts.store).Routes() {
		if rt.Role == public {
			continue
		}
		n++
		path := sample.Replace(rt.Path)
		ts.as = anonymous
		if w := ts.do(rt.Method, path, `{}`); w.Code != http.StatusUnauthorized || w.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s without credentials: %d, want 401 with a challenge", rt.Method, rt.Path, w.Code)
		}
		if rt.Role == viewer {
			continue
		}
		ts.as = "vera"
		if w := ts.do(rt.Method, path, `{}`); w.Code != http.StatusForbidden {
			t.Errorf("%s %s as a viewer: %d, want 403 (it needs %s)", rt.Method, rt.Path, w.Code, rt.Role)
		}
	}
	if n < 30 {
		t.Fatalf("only %d routes need a role", n)
	}
}
