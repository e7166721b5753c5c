package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plantracker/models"
)

// addUser stores a user with testPassword, as the seed stores its own.
func (a *app) addUser(username, role string) {
	a.t.Helper()
	if _, err := a.store.CreateUser(a.t.Context(), "test", models.User{Username: username, Role: role}, testPassword); err != nil {
		a.t.Fatal(err)
	}
}

// TestUsersPage: an admin adds a user, changes a role, resets a password
// and removes a user; bad input is shown beside its field; the last admin
// stays; nobody else sees the page.
func TestUsersPage(t *testing.T) {
	a := newApp(t)
	a.addUser("root", models.RoleAdmin)
	if res, _ := a.get("/users"); res.StatusCode != http.StatusForbidden {
		t.Errorf("an editor: status %d", res.StatusCode)
	}
	a.signIn("root")
	res, body := a.get("/users")
	if res.StatusCode != 200 || !strings.Contains(body, `id="user-ed"`) || !strings.Contains(body, `href="/users"`) {
		t.Fatalf("status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/users", body)
	res, body = a.post("/users", url.Values{"username": {"x"}, "role": {"editor"}, "password": {"short"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="username-error"`) || !strings.Contains(body, `id="password-error"`) {
		t.Errorf("bad user: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "bad user", body)
	res, body = a.post("/users", url.Values{"username": {"Nadia"}, "role": {"editor"}, "password": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if u, err := a.store.UserByName(t.Context(), "nadia"); err != nil || u.Role != models.RoleEditor {
		t.Fatalf("added %+v (%v)", u, err)
	}
	if res, body = a.post("/users", url.Values{"username": {"nadia"}, "role": {"viewer"}, "password": {testPassword}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "is taken") {
		t.Errorf("a taken name: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, _ = a.post("/users/nadia/role", url.Values{"role": {"viewer"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("role: status %d", res.StatusCode)
	}
	if res, body = a.post("/users/nadia/role", url.Values{"role": {"god"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="role-nadia-error"`) {
		t.Errorf("bad role: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, body = a.post("/users/root/role", url.Values{"role": {"viewer"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "only admin") {
		t.Errorf("the last admin: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, body = a.post("/users/nadia/password", url.Values{"password": {"x"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="password-nadia-error"`) {
		t.Errorf("short password: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, _ = a.post("/users/nadia/password", url.Values{"password": {"another good password"}}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("password: status %d", res.StatusCode)
	}
	res, body = a.get("/users/nadia/remove")
	if res.StatusCode != 200 || !strings.Contains(body, "Remove the user nadia") {
		t.Errorf("confirm: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "remove", body)
	if res, _ = a.post("/users/nadia/remove", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("remove: status %d", res.StatusCode)
	}
	if _, err := a.store.UserByName(t.Context(), "nadia"); err == nil {
		t.Errorf("nadia is still there")
	}
	if res, _ = a.post("/users/root/remove", url.Values{}); res.StatusCode != http.StatusConflict {
		t.Errorf("removing yourself: status %d", res.StatusCode)
	}
	if res, _ = a.post("/users/nobody/remove", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("removing nobody: status %d", res.StatusCode)
	}
}

// TestTokensPage: a user creates a token, sees its secret once, finds it
// listed (never used), and revokes it; another's token is not found.
func TestTokensPage(t *testing.T) {
	a := newApp(t)
	a.signIn("vera")
	res, body := a.get("/tokens")
	if res.StatusCode != 200 || !strings.Contains(body, "You have no tokens") {
		t.Fatalf("status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/tokens", body)
	if res, body = a.post("/tokens", url.Values{"name": {""}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="name-error"`) {
		t.Errorf("no name: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post("/tokens", url.Values{"name": {"weekly export"}})
	if res.StatusCode != http.StatusCreated || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: status %d %q\n%s", res.StatusCode, res.Header.Get("Cache-Control"), excerpt(body))
	}
	checkPage(t, "new token", body)
	m := regexp.MustCompile(`id="secret" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, "never") {
		t.Fatalf("no secret shown\n%s", excerpt(body))
	}
	// The secret works on the API, and shows on no later page.
	req, _ := http.NewRequest("GET", "/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+m[1])
	if res, body := a.do(req); res.StatusCode != 200 || !strings.Contains(body, `"vera"`) {
		t.Errorf("the token on the API: status %d %s", res.StatusCode, body)
	}
	_, body = a.get("/tokens")
	if strings.Contains(body, m[1]) || !strings.Contains(body, "weekly export") {
		t.Errorf("the list shows the secret or lacks the token\n%s", excerpt(body))
	}
	toks, _ := a.store.Tokens(t.Context(), "vera")
	a.signIn("ed")
	if res, _ := a.post("/tokens/"+id(toks[0].ID)+"/revoke", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoking another's token: status %d", res.StatusCode)
	}
	a.signIn("vera")
	if res, _ := a.post("/tokens/"+id(toks[0].ID)+"/revoke", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("revoke: status %d", res.StatusCode)
	}
	if toks, _ := a.store.Tokens(t.Context(), "vera"); len(toks) != 0 {
		t.Errorf("still %d tokens", len(toks))
	}
}
