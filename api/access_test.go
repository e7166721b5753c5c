package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

func TestAccess(t *testing.T) {
	party := `{"name":"Türkiye","short_name":"TR","type":"state"}`
	runScenarios(t, []scenario{
		{name: "anonymous read", as: anonymous, method: "GET", url: "/api/v1/parties", wantStatus: 401,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				if !strings.HasPrefix(w.Header().Get("WWW-Authenticate"), "Bearer") {
					t.Fatalf("401 without a challenge: %q", w.Header().Get("WWW-Authenticate"))
				}
			}},
		{name: "anonymous write", as: anonymous, method: "POST", url: "/api/v1/parties", body: party, wantStatus: 401},
		{name: "a made-up token", as: anonymous, method: "GET", url: "/api/v1/parties", headers: []string{"Authorization", "Bearer pt_made-up"}, wantStatus: 401},
		{name: "health needs no one", as: anonymous, method: "GET", url: "/healthz", wantStatus: 200},
		{name: "the OpenAPI document needs no one", as: anonymous, method: "GET", url: "/api/v1/openapi.json", wantStatus: 200},
		{name: "viewer read", as: "vera", method: "GET", url: "/api/v1/parties", wantStatus: 200},
		{name: "viewer write", as: "vera", method: "POST", url: "/api/v1/parties", body: party, wantStatus: 403, wantContain: []string{"viewer"}},
		{name: "editor write", method: "POST", url: "/api/v1/parties", body: party, wantStatus: 201},
		{name: "admin write", as: "ada", method: "POST", url: "/api/v1/parties", body: party, wantStatus: 201},
		{name: "me", as: "vera", method: "GET", url: "/api/v1/me", wantStatus: 200, wantContain: []string{`"username":"vera"`, `"role":"viewer"`}},
		{name: "editor may not list users", method: "GET", url: "/api/v1/users", wantStatus: 403},
		{name: "admin lists users", as: "ada", method: "GET", url: "/api/v1/users", wantStatus: 200, wantContain: []string{`"username":"ed"`}},
		{name: "admin adds a user", as: "ada", method: "POST", url: "/api/v1/users", body: `{"username":"Nina","role":"editor","password":"correct horse battery"}`,
			wantStatus: 201, wantContain: []string{`"username":"nina"`}},
		{name: "a user with bad fields", as: "ada", method: "POST", url: "/api/v1/users", body: `{"username":"n i","role":"king","password":"short"}`,
			wantStatus: 400, wantFields: []string{"username", "role", "password"}},
		{name: "a taken username, any case", as: "ada", method: "POST", url: "/api/v1/users", body: `{"username":"ED","role":"viewer","password":"correct horse battery"}`, wantStatus: 409},
		{name: "admin changes a role", as: "ada", method: "PATCH", url: "/api/v1/users/vera", body: `{"role":"editor"}`, wantStatus: 200, wantContain: []string{`"role":"editor"`}},
		{name: "admin sets an unknown role", as: "ada", method: "PATCH", url: "/api/v1/users/vera", body: `{"role":"king","password":"another good one"}`, wantStatus: 400, wantFields: []string{"role"}},
		{name: "admin removes a user", as: "ada", method: "DELETE", url: "/api/v1/users/vera", wantStatus: 204},
		{name: "admin may not remove themself", as: "ada", method: "DELETE", url: "/api/v1/users/ada", wantStatus: 409},
		{name: "a token for oneself", as: "vera", method: "POST", url: "/api/v1/tokens", body: `{"name":"laptop"}`, wantStatus: 201,
			wantContain: []string{`"token":"pt_`, `"username":"vera"`}},
		{name: "a token without a name", as: "vera", method: "POST", url: "/api/v1/tokens", body: `{"name":""}`, wantStatus: 400, wantFields: []string{"name"}},
		{name: "one's own tokens only", as: "vera", method: "GET", url: "/api/v1/tokens", wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				list := decode[List[models.Token]](t, w)
				if list.Total != 1 || list.Items[0].Username != "vera" || list.Items[0].LastUsedAt == nil {
					t.Fatalf("tokens: %s", w.Body)
				}
			}},
		{name: "an admin sees every token", as: "ada", method: "GET", url: "/api/v1/tokens", wantStatus: 200, wantContain: []string{`"total":3`}},
		{name: "another's token is not found", as: "vera", method: "DELETE", url: "/api/v1/tokens/1", wantStatus: 404},
	})
}

// A revoked token is refused at once; an admin may revoke anyone's.
func TestTokenRevocation(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		ts.as = "vera"
		w := ts.do("POST", "/api/v1/tokens", `{"name":"script"}`)
		tok := decode[NewToken](t, w)
		ts.as = anonymous
		bearer := []string{"Authorization", "Bearer " + tok.Secret}
		if w := ts.do("GET", "/api/v1/me", "", bearer...); w.Code != 200 {
			t.Fatalf("the new token: %d", w.Code)
		}
		ts.as = "vera"
		if w := ts.do("DELETE", url("/api/v1/tokens/%d", tok.ID), ""); w.Code != 204 {
			t.Fatalf("revoke own: %d %s", w.Code, w.Body)
		}
		ts.as = anonymous
		if w := ts.do("GET", "/api/v1/me", "", bearer...); w.Code != 401 {
			t.Fatalf("a revoked token: %d", w.Code)
		}
		// An admin revokes ed's token: ed is refused at once.
		list := decode[List[models.Token]](t, func() *httptest.ResponseRecorder { ts.as = "ada"; return ts.do("GET", "/api/v1/tokens", "") }())
		for _, tk := range list.Items {
			if tk.Username == "ed" {
				if w := ts.do("DELETE", url("/api/v1/tokens/%d", tk.ID), ""); w.Code != 204 {
					t.Fatalf("admin revoke: %d", w.Code)
				}
			}
		}
		ts.as = ""
		if w := ts.do("GET", "/api/v1/me", ""); w.Code != 401 {
			t.Fatalf("ed's revoked token: %d", w.Code)
		}
	})
}

// A browser's session cookie works for the API too, but a write with it
// must carry the session's CSRF token.
func TestSessionCookieNeedsCSRFForWrites(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		ts.as = anonymous
		ctx := context.Background()
		u, _ := ts.store.UserByName(ctx, "ed")
		secret, err := ts.store.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		sess, _ := ts.store.Session(ctx, secret, web.DefaultPolicy)
		cookie := []string{"Cookie", web.CookieName + "=" + secret}
		if w := ts.do("GET", "/api/v1/me", "", cookie...); w.Code != 200 {
			t.Fatalf("read with the cookie: %d", w.Code)
		}
		before := snapshot(t, ts.store)
		if w := ts.do("POST", "/api/v1/parties", `{"name":"Türkiye","short_name":"TR","type":"state"}`, cookie...); w.Code != http.StatusForbidden {
			t.Fatalf("write without the CSRF token: %d", w.Code)
		}
		if snapshot(t, ts.store) != before {
			t.Fatal("a refused write changed the data")
		}
		w := ts.do("POST", "/api/v1/parties", `{"name":"Türkiye","short_name":"TR","type":"state"}`, append(cookie, web.CSRFHeader, sess.CSRF)...)
		if w.Code != 201 {
			t.Fatalf("write with the CSRF token: %d %s", w.Code, w.Body)
		}
	})
}

func TestRestoreThroughTheAPI(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		if w := ts.do("PATCH", url("/api/v1/provisions/%d", seeded.TroopCap28), `{"terms":{"party":"UA","limit":800000}}`); w.Code != 200 {
			t.Fatal(w.Body)
		}
		changes := decode[List[models.Change]](t, ts.do("GET", url("/api/v1/changes?entity=provision&entity_id=%d", seeded.TroopCap28), ""))
		created := changes.Items[len(changes.Items)-1]
		w := ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), url(`{"change_id":%d}`, created.ID), "If-Match", `"2"`)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"limit":600000`) || w.Header().Get("ETag") != `"3"` {
			t.Fatalf("restore: %d %s", w.Code, w.Body)
		}
		if w := ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), url(`{"change_id":%d}`, created.ID), "If-Match", `"2"`); w.Code != 412 {
			t.Fatalf("a stale restore: %d", w.Code)
		}
		if w := ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), `{}`); w.Code != 400 {
			t.Fatalf("a restore without a change: %d", w.Code)
		}
		// By version: version 3 set the limit back to 600,000; version 2
		// is the 800,000 of the PATCH.
		w = ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), `{"version":2}`)
		if w.Code != 200 || !strings.Contains(w.Body.String(), `"limit":800000`) || w.Header().Get("ETag") != `"4"` {
			t.Fatalf("restore version 2: %d %s", w.Code, w.Body)
		}
		for body, want := range map[string]int{`{"version":99}`: 404, `{"version":1,"change_id":1}`: 400, `{"version":-1}`: 400} {
			if w := ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), body); w.Code != want {
				t.Errorf("restore %s: %d, want %d", body, w.Code, want)
			}
		}
		ts.as = "vera"
		if w := ts.do("POST", url("/api/v1/provisions/%d/restore", seeded.TroopCap28), url(`{"change_id":%d}`, created.ID)); w.Code != 403 {
			t.Fatalf("a viewer's restore: %d", w.Code)
		}
	})
}
