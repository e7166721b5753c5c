package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plantracker/api/web"
	"plantracker/models"
)

// TestOthersCannotLockAnOwnerOut: five wrong passwords from five
// addresses use up the account's sign-in budget, and a sixth address is
// still refused (429); but the owner, from an address they have signed in
// from before, signs in with the right password.
func TestOthersCannotLockAnOwnerOut(t *testing.T) {
	a := newApp(t)
	a.signIn("")
	a.addUser("owner", models.RoleEditor)
	login := func(password, addr string) int {
		t.Helper()
		csrf := strings.Repeat("c", 43)
		form := url.Values{"username": {"owner"}, "password": {password}, web.CSRFField: {csrf}}
		return postLogin(a, form, addr, &http.Cookie{Name: web.PreSessionCookie, Value: csrf}).StatusCode
	}
	const home = "198.51.100.10"
	if code := login(testPassword, home); code != http.StatusSeeOther {
		t.Fatalf("the owner's first sign-in: %d", code)
	}
	for i := 1; i <= 5; i++ {
		if code := login("not the password", "203.0.113."+string(rune('0'+i))); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d", i, code)
		}
	}
	if code := login("not the password", "203.0.113.6"); code != http.StatusTooManyRequests {
		t.Errorf("a sixth address, after the account's budget is spent: %d, want 429", code)
	}
	if code := login(testPassword, "203.0.113.7"); code != http.StatusTooManyRequests {
		t.Errorf("the right password from an address the account has not seen: %d, want 429", code)
	}
	if code := login(testPassword, home); code != http.StatusSeeOther {
		t.Errorf("the owner from their own address: %d, want 303", code)
	}
}
