package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

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
