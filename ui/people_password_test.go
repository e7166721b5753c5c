package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plantracker/models"
)

// TestUsersPageRefusesControlCharactersInPasswords: the admin's forms (add
// a user, set a password) show a password with a NUL byte or a line break
// as a field error.
func TestUsersPageRefusesControlCharactersInPasswords(t *testing.T) {
	a := newApp(t)
	a.addUser("root", models.RoleAdmin)
	a.signIn("root")
	for _, pw := range []string{"a long password\x00", "a long\r\npassword"} {
		res, body := a.post("/users", url.Values{"username": {"nadia"}, "role": {"editor"}, "password": {pw}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="password-error"`) || !strings.Contains(body, "control characters") {
			t.Errorf("add with %q: status %d\n%s", pw, res.StatusCode, excerpt(body))
		}
		res, body = a.post("/users/ed/password", url.Values{"password": {pw}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="password-ed-error"`) {
			t.Errorf("reset with %q: status %d\n%s", pw, res.StatusCode, excerpt(body))
		}
	}
	if _, err := a.store.UserByName(t.Context(), "nadia"); err == nil {
		t.Error("nadia was added")
	}
}
