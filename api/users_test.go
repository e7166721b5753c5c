package api

import (
	"net/http"
	"strings"
	"testing"

	"plantracker/models"
)

// TestPasswordsRefuseControlCharacters: a password with a NUL byte, a line
// break or another control character is a field error, when a user is
// added and when a password is set, and nothing is written.
func TestPasswordsRefuseControlCharacters(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		ts.as = "ada"
		for _, pw := range []string{`a long password\u0000`, `a long\npassword`, `a long\tpassword`, `a long password\u007f`, `a long password\u0085`} {
			w := ts.do("POST", "/api/v1/users", `{"username":"nul","role":"viewer","password":"`+pw+`"}`)
			if w.Code != http.StatusUnprocessableEntity && w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"password"`) ||
				!strings.HasPrefix(w.Header().Get("Content-Type"), ProblemContentType) {
				t.Errorf("create with %s: %d %s", pw, w.Code, w.Body)
			}
			w = ts.do("PATCH", "/api/v1/users/ed", `{"password":"`+pw+`"}`)
			if w.Code != http.StatusUnprocessableEntity && w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"password"`) {
				t.Errorf("passwd with %s: %d %s", pw, w.Code, w.Body)
			}
		}
		if _, err := ts.store.UserByName(t.Context(), "nul"); err == nil {
			t.Error("the user was added")
		}
		ts.as = "ed"
		if w := ts.do("GET", "/api/v1/me", ""); w.Code != http.StatusOK {
			t.Errorf("ed's tokens ended, as if the password had been set: %d", w.Code)
		}
	})
}

// Through the API: a new password ends the user's tokens (unless
// keep_tokens), and the last admin cannot be demoted (409).
func TestUserChangesThatWouldLockOut(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect) {
		tests := []struct {
			name          string
			body          string
			wantEdsToken  int
			wantPatchCode int
		}{
			{"new password ends tokens", `{"password":"a brand new password"}`, http.StatusUnauthorized, 200},
			{"new password, tokens kept", `{"password":"a brand new password","keep_tokens":true}`, 200, 200},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ts := newTestServer(t, d)
				ts.as = "ada"
				if w := ts.do("PATCH", "/api/v1/users/ed", tt.body); w.Code != tt.wantPatchCode {
					t.Fatalf("PATCH: %d %s", w.Code, w.Body)
				}
				ts.as = "ed"
				if w := ts.do("GET", "/api/v1/me", ""); w.Code != tt.wantEdsToken {
					t.Fatalf("ed's token after the new password: %d, want %d", w.Code, tt.wantEdsToken)
				}
			})
		}
		t.Run("last admin", func(t *testing.T) {
			ts := newTestServer(t, d)
			ts.as = "ada"
			if w := ts.do("PATCH", "/api/v1/users/ada", `{"role":"viewer"}`); w.Code != http.StatusConflict {
				t.Fatalf("demoting the only admin: %d %s", w.Code, w.Body)
			}
			if w := ts.do("GET", "/api/v1/users", ""); w.Code != 200 {
				t.Fatalf("ada is no longer admin: %d", w.Code)
			}
		})
	})
}

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
