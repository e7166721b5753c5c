package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"plantracker/api/web"
)

// Who may see and do what in the UI: every page needs someone signed in,
// every change an editor.
func TestUIAuthorization(t *testing.T) {
	a := newApp(t)
	tc := id(seeded.troopCap28)
	pages := []string{"/", "/drafts/" + id(seeded.draft28), "/provisions/" + tc, "/provisions/" + tc + "/history",
		"/parties", "/compare?from=" + id(seeded.draft28) + "&to=" + id(seeded.e3), "/matrix",
		"/drafts/" + id(seeded.draft28) + "/summary.csv"}
	editorPages := []string{"/provisions/" + tc + "/edit", "/drafts/" + id(seeded.draft28) + "/provisions/new",
		"/parties/" + id(seeded.partyUA) + "/edit"}

	a.signIn("")
	for _, p := range append(pages, editorPages...) {
		res, _ := a.get(p)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
			t.Errorf("anonymous GET %s: %d to %q, want a redirect to sign in", p, res.StatusCode, res.Header.Get("Location"))
		}
	}
	if res, body := a.get("/login"); res.StatusCode != 200 || !strings.Contains(body, `name="password"`) {
		t.Fatalf("the sign-in page: %d", res.StatusCode)
	}
	if res, _ := a.get("/static/app.css"); res.StatusCode != 200 {
		t.Errorf("static files need no sign-in: %d", res.StatusCode)
	}

	a.signIn("vera")
	for _, p := range pages {
		if res, _ := a.get(p); res.StatusCode != 200 {
			t.Errorf("viewer GET %s: %d", p, res.StatusCode)
		}
	}
	for _, p := range editorPages {
		if res, body := a.get(p); res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Not allowed for your role") {
			t.Errorf("viewer GET %s: %d, want 403", p, res.StatusCode)
		}
	}
	v := provisionValues(a.provision(seeded.troopCap28))
	v.Set("terms.limit", "1")
	if res, _ := a.post("/provisions/"+tc, v); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer POST: %d, want 403", res.StatusCode)
	}
	if p := a.provision(seeded.troopCap28); p.Version != 1 {
		t.Fatalf("a viewer's post changed the provision")
	}

	a.signIn("ed")
	for _, p := range append(pages, editorPages...) {
		if res, _ := a.get(p); res.StatusCode != 200 {
			t.Errorf("editor GET %s: %d", p, res.StatusCode)
		}
	}
}

// Signing in through the form: the pre-session CSRF token, a wrong
// password, the rate limit, a good sign-in and the way back to where one
// was going, then signing out.
func TestSignInAndOut(t *testing.T) {
	a := newApp(t)
	a.signIn("")
	res, body := a.get("/login?next=/parties")
	csrf := responseCookie(res, web.PreSessionCookie)
	// The form carries the token masked (BREACH), never as the cookie has it.
	if csrf == nil || !strings.Contains(body, `name="csrf_token" value="`) || strings.Contains(body, csrf.Value) {
		t.Fatalf("the sign-in form carries no masked pre-session token")
	}
	addr := "192.0.2.7" // ed's own address, once the sign-in below succeeds
	good := url.Values{"username": {"ED"}, "password": {testPassword}, "next": {"/parties"}, web.CSRFField: {csrf.Value}}
	if res := postLogin(a, good, addr, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in without the pre-session cookie: %d, want 403", res.StatusCode)
	}
	bad := url.Values{"username": {"ed"}, "password": {"wrong password"}, web.CSRFField: {csrf.Value}}
	if res := postLogin(a, bad, addr, csrf); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("wrong password: %d, want 401", res.StatusCode)
	}
	res = postLogin(a, good, addr, csrf)
	session := responseCookie(res, web.CookieName)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/parties" || session == nil || !session.HttpOnly {
		t.Fatalf("sign-in: %d to %q, cookie %+v", res.StatusCode, res.Header.Get("Location"), session)
	}
	// From an address that has not signed in to the account, many wrong
	// passwords make even the right one wait; the address ed signed in
	// from is held only to its own budget (web.SignInLimiter).
	for i := 0; i < 6; i++ {
		postLogin(a, bad, "192.0.2.8", csrf)
	}
	if res := postLogin(a, good, "192.0.2.8", csrf); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("after many wrong passwords, even the right one must wait: %d", res.StatusCode)
	}
	if res := postLogin(a, good, addr, csrf); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the right password from ed's own address: %d", res.StatusCode)
	}

	// Sign out, as the signed-in browser: the session ends; its pages are
	// not cached, so going back shows no data.
	a.cookie = session
	sess, err := a.store.Session(t.Context(), session.Value, web.DefaultPolicy)
	if err != nil {
		t.Fatal(err)
	}
	a.csrf = sess.CSRF
	res, _ = a.get("/parties")
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("a page for the signed-in: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if res, _ := a.post("/logout", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign out: %d", res.StatusCode)
	}
	if res, _ := a.get("/parties"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after signing out the session still works: %d", res.StatusCode)
	}
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/login"} {
		if got := postLoginNext(a, next); got != "/" {
			t.Errorf("next=%q sends to %q", next, got)
		}
	}
}

// postLoginNext signs in with a next and returns where it sends.
func postLoginNext(a *app, next string) string {
	a.signIn("")
	res, _ := a.get("/login")
	csrf := responseCookie(res, web.PreSessionCookie)
	form := url.Values{"username": {"vera"}, "password": {testPassword}, "next": {next}, web.CSRFField: {csrf.Value}}
	return postLogin(a, form, "", csrf).Header.Get("Location")
}

// postLogin posts the sign-in form from addr (an IP address; "" for
// httptest's own), with the pre-session cookie csrf unless it is nil.
func postLogin(a *app, form url.Values, addr string, csrf *http.Cookie) *http.Response {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if addr != "" {
		req.RemoteAddr = addr + ":1234"
	}
	if csrf != nil {
		req.AddCookie(csrf)
	}
	res, _ := a.do(req)
	return res
}

// responseCookie is the cookie name a response sets, or nil.
func responseCookie(res *http.Response, name string) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
