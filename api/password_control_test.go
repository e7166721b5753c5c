package api

import (
	"net/http"
	"strings"
	"testing"
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
