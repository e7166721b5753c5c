package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"plantracker/api/web"
	"plantracker/ui/i18n"
)

// The page's language: the switch's cookie, else Accept-Language, else
// English; the switch goes back to the page it was used on, and only to a
// page of this site.
func TestLanguageChoice(t *testing.T) {
	a := newApp(t)
	get := func(path, cookie, accept string) string {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: cookie})
		}
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		_, body := a.do(req)
		return body
	}
	for _, c := range []struct{ cookie, accept, lang, h1 string }{
		{"", "", "en", "<h1>Plans and drafts</h1>"},
		{"", "uk-UA,uk;q=0.9", "uk", "<h1>Плани та проєкти</h1>"},
		{"en", "uk", "en", "<h1>Plans and drafts</h1>"},
		{"uk", "en-US", "uk", "<h1>Плани та проєкти</h1>"},
	} {
		body := get("/", c.cookie, c.accept)
		if !strings.Contains(body, `<html lang="`+c.lang+`">`) || !strings.Contains(body, c.h1) {
			t.Errorf("cookie %q, Accept-Language %q: want lang %s and %s", c.cookie, c.accept, c.lang, c.h1)
		}
	}
	for _, c := range []struct{ next, want string }{
		{"/drafts/1?kind=troop_cap", "/drafts/1?kind=troop_cap"},
		{"//evil.example/", "/"},
		{"https://evil.example/", "/"},
		{"/login?next=%2Fcompare", "/login?next=%2Fcompare"},
	} {
		res, _ := a.post("/language", url.Values{"lang": {"uk"}, "next": {c.next}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != c.want {
			t.Errorf("next %q: %d to %q, want 303 to %q", c.next, res.StatusCode, res.Header.Get("Location"), c.want)
		}
		var set *http.Cookie
		for _, ck := range res.Cookies() {
			if ck.Name == i18n.CookieName {
				set = ck
			}
		}
		if set == nil || set.Value != "uk" || !set.HttpOnly || set.MaxAge < 86400 {
			t.Errorf("next %q: language cookie %+v", c.next, set)
		}
	}
	if res, _ := a.post("/language", url.Values{"lang": {"fr"}, "next": {"/"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("an unknown language: %d, want 400", res.StatusCode)
	}
	// The switch is a form of every page, with the page's address to come back to.
	body := get("/compare", "uk", "")
	if !strings.Contains(body, `<form method="post" action="/language"`) || !strings.Contains(body, `name="next" value="/compare"`) ||
		!strings.Contains(body, `id="lang-uk" aria-pressed="true"`) {
		t.Error("the compare page lacks the language switch set to Ukrainian")
	}
}

// A signed-in choice of language is kept on the account, for any role: a
// viewer switches to Українська, signs out, and in a new browser (no
// cookies, an English Accept-Language) signs in again to pages in
// Ukrainian without choosing again.
func TestLanguageChoiceFollowsTheAccount(t *testing.T) {
	a := newApp(t)
	signInAs(a, "vera", nil)
	res, _ := a.post("/language", url.Values{"lang": {"uk"}, "next": {"/parties"}})
	if res.StatusCode != http.StatusSeeOther || responseCookie(res, i18n.CookieName).Value != "uk" {
		t.Fatalf("vera's switch to uk: %d, cookie %+v", res.StatusCode, responseCookie(res, i18n.CookieName))
	}
	if u, err := a.store.UserByName(t.Context(), "vera"); err != nil || u.Language != "uk" {
		t.Fatalf("vera's account after the switch: language %q (%v), want uk", u.Language, err)
	}
	if res, _ := a.post("/logout", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign out: %d", res.StatusCode)
	}

	// A new browser: nothing of the old one's cookies.
	langCookie := signInAs(a, "vera", nil)
	if langCookie == nil || langCookie.Value != "uk" {
		t.Fatalf("signing in from a new browser set the language cookie %+v, want uk from the account", langCookie)
	}
	withCookie := pageLang(a, "/", langCookie)
	withoutCookie := pageLang(a, "/", nil) // the account alone
	if withCookie != "uk" || withoutCookie != "uk" {
		t.Errorf("vera's pages after signing in again: lang %q with the cookie, %q without, want uk", withCookie, withoutCookie)
	}

	// The choice made in this browser goes before the account's, and
	// signing in does not override it.
	english := &http.Cookie{Name: i18n.CookieName, Value: "en"}
	if got := pageLang(a, "/", english); got != "en" {
		t.Errorf("the browser chose en, the account uk: lang %q, want en", got)
	}
	if set := signInAs(a, "vera", english); set != nil {
		t.Errorf("signing in over a browser's own choice set the language cookie %+v", set)
	}

}

// signInAs signs username in through the sign-in form, from a browser
// holding only the pre-session cookie and, when not nil, langCookie; the
// app then sends the new session's cookie. It returns the language cookie
// the sign-in set, or nil.
func signInAs(a *app, username string, langCookie *http.Cookie) *http.Cookie {
	a.t.Helper()
	a.signIn("")
	res, _ := a.get("/login")
	csrf := responseCookie(res, web.PreSessionCookie)
	form := url.Values{"username": {username}, "password": {testPassword}, "next": {"/"}, web.CSRFField: {csrf.Value}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	req.AddCookie(csrf)
	if langCookie != nil {
		req.AddCookie(langCookie)
	}
	res, _ = a.do(req)
	session := responseCookie(res, web.CookieName)
	if res.StatusCode != http.StatusSeeOther || session == nil {
		a.t.Fatalf("signing in as %s: %d", username, res.StatusCode)
	}
	sess, err := a.store.Session(a.t.Context(), session.Value, web.DefaultPolicy)
	if err != nil {
		a.t.Fatal(err)
	}
	a.cookie, a.csrf = session, sess.CSRF
	return responseCookie(res, i18n.CookieName)
}

// pageLang is the <html lang> of a page read with an English
// Accept-Language and, when not nil, langCookie.
func pageLang(a *app, path string, langCookie *http.Cookie) string {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	if langCookie != nil {
		req.AddCookie(langCookie)
	}
	res, body := a.do(req)
	if res.StatusCode != http.StatusOK {
		a.t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	_, rest, found := strings.Cut(body, `<html lang="`)
	lang, _, ok := strings.Cut(rest, `"`)
	if !found || !ok {
		a.t.Fatalf("GET %s: no <html lang>", path)
	}
	return lang
}
