package api

import (
	"encoding/json"
	"net/http"
	"testing"
)

// A problem's title and fixed detail follow Accept-Language (English,
// Ukrainian); its type stays the stable English one a client branches on.
func TestProblemFollowsAcceptLanguage(t *testing.T) {
	ts := newTestServer(t, sqlite)
	for _, c := range []struct{ accept, title, lang string }{
		{"", "Not Found", ""},
		{"en-GB,en;q=0.9", "Not Found", ""},
		{"uk-UA,uk;q=0.9,en;q=0.5", "Не знайдено", "uk"},
	} {
		w := ts.do(http.MethodGet, "/api/v1/drafts/999999", "", "Accept-Language", c.accept)
		if w.Code != http.StatusNotFound {
			t.Fatalf("%q: status %d", c.accept, w.Code)
		}
		var p Problem
		if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if p.Title != c.title || p.Type != "about:blank" || p.Status != 404 {
			t.Errorf("%q: title %q type %q, want %q about:blank", c.accept, p.Title, p.Type, c.title)
		}
		if got := w.Header().Get("Content-Language"); got != c.lang {
			t.Errorf("%q: Content-Language %q, want %q", c.accept, got, c.lang)
		}
	}
	w := ts.do(http.MethodPost, "/api/v1/plans", `{}`, "Accept-Language", "uk", "Content-Type", "application/json")
	var p Problem
	_ = json.Unmarshal(w.Body.Bytes(), &p)
	if w.Code != http.StatusBadRequest || p.Title != "Неправильні дані" || p.Detail != "Деякі поля неправильні; див. errors." || len(p.Errors) == 0 {
		t.Errorf("invalid plan in Ukrainian: %d %+v", w.Code, p)
	}
}
