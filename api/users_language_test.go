package api

import (
	"net/http"
	"testing"

	"plantracker/models"
)

// Anyone signed in, a viewer too, may choose their own UI language with
// PATCH /me, and GET /me shows it; a language the UI does not speak is
// refused, and "" clears the choice.
func TestMeLanguage(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		ts.as = "vera"
		if me := decode[models.User](t, ts.do("GET", "/api/v1/me", "")); me.Language != "" {
			t.Fatalf("vera before choosing: language %q, want none", me.Language)
		}
		steps := []struct {
			body, want string
			code       int
		}{
			{`{"language":"uk"}`, "uk", http.StatusOK},
			{`{"language":"de"}`, "uk", http.StatusBadRequest},
			{`{}`, "uk", http.StatusOK},
			{`{"language":""}`, "", http.StatusOK},
		}
		for _, s := range steps {
			if w := ts.do("PATCH", "/api/v1/me", s.body); w.Code != s.code {
				t.Fatalf("PATCH /me %s: %d %s, want %d", s.body, w.Code, w.Body, s.code)
			}
			if me := decode[models.User](t, ts.do("GET", "/api/v1/me", "")); me.Language != s.want || me.Username != "vera" || me.Role != models.RoleViewer {
				t.Fatalf("after PATCH /me %s: %+v, want vera, a viewer, with language %q", s.body, me, s.want)
			}
		}
		ts.as = "ed"
		if me := decode[models.User](t, ts.do("GET", "/api/v1/me", "")); me.Language != "" {
			t.Errorf("vera's choice reached ed: %q", me.Language)
		}
	})
}
