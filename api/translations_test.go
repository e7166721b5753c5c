package api

import (
	neturl "net/url"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

// A provision given its Ukrainian words over the API (a merge patch) is
// found by a search in either language, on both databases; a translation
// without its source is refused at its field.
func TestProvisionFoundInEitherLanguage(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		path := url("/api/v1/provisions/%d", seeded.TroopCap28)
		bad := ts.do("PATCH", path, `{"translations":[{"language":"uk","title":"Обмеження"}]}`,
			"Content-Type", "application/merge-patch+json")
		if bad.Code != 400 || !hasField(decode[Problem](t, bad).Errors, "translations[0].sources") {
			t.Fatalf("a translation without sources: %d %s", bad.Code, bad.Body)
		}
		w := ts.do("PATCH", path, `{"original_language":"uk","translations":[{"language":"uk",
			"title":"Обмеження чисельності ЗСУ","text":"Чисельність Збройних Сил України обмежується 600 тисячами.",
			"sources":[{"source":"axios-2025-11-21-full-text-us-draft","sourcing":"reported"}]}]}`,
			"Content-Type", "application/merge-patch+json")
		if w.Code != 200 {
			t.Fatalf("PATCH: %d %s", w.Code, w.Body)
		}
		p := decode[models.Provision](t, w)
		if p.OriginalLanguage != "uk" || len(p.Translations) != 1 || p.Translations[0].Sources[0].Reference == "" {
			t.Fatalf("patched: %q %+v", p.OriginalLanguage, p.Translations)
		}
		for _, q := range []string{"capped", "Збройних", "чисельності"} {
			w := ts.do("GET", "/api/v1/search?q="+neturl.QueryEscape(q), "")
			if w.Code != 200 || !strings.Contains(w.Body.String(), `"key":"troop-cap"`) {
				t.Errorf("search %q does not find the troop cap: %d %s", q, w.Code, w.Body)
			}
		}
	})
}

// The comparison takes the language to compare the words in; an unknown
// one is refused at its parameter.
func TestCompareInALanguage(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "in Ukrainian", method: "GET", url: url("/api/v1/compare?from=%d&to=%d&lang=uk", seeded.Draft28, seeded.E3), wantStatus: 200,
			wantContain: []string{`"rows":`}},
		{name: "an unknown language", method: "GET", url: url("/api/v1/compare?from=%d&to=%d&lang=xx", seeded.Draft28, seeded.E3), wantStatus: 400,
			wantFields: []string{"lang"}},
	})
}

// Given lang, a search gives each hit's title in that language where the
// provision has one, says which, and keeps the English title apart; on
// both databases, with words or without, within a draft or across them.
// Without lang a hit is as it always was; an unknown one is refused.
func TestSearchHitsInALanguage(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		w := ts.do("PATCH", url("/api/v1/provisions/%d", seeded.TroopCap28), `{"translations":[{"language":"uk",
			"title":"Обмеження чисельності ЗСУ","text":"Чисельність Збройних Сил України обмежується.",
			"sources":[{"source":"axios-2025-11-21-full-text-us-draft","sourcing":"reported"}]}]}`,
			"Content-Type", "application/merge-patch+json")
		if w.Code != 200 {
			t.Fatalf("PATCH: %d %s", w.Code, w.Body)
		}
		english := decode[models.Provision](t, w).Title
		var others []store.SearchHit // the other hits of the last search
		troopCap := func(query string) store.SearchHit {
			t.Helper()
			w := ts.do("GET", "/api/v1/search?"+query, "")
			if w.Code != 200 {
				t.Fatalf("%s: %d %s", query, w.Code, w.Body)
			}
			var found *store.SearchHit
			others = nil
			for _, h := range decode[store.Page[store.SearchHit]](t, w).Items {
				if h.ID == seeded.TroopCap28 {
					found = &h
				} else {
					others = append(others, h)
				}
			}
			if found == nil {
				t.Fatalf("%s: no troop cap among the hits: %s", query, w.Body)
			}
			return *found
		}
		words := "q=" + neturl.QueryEscape("збройних")
		for _, query := range []string{words, words + url("&draft=%d", seeded.Draft28), "kind=troop_cap"} {
			if h := troopCap(query + "&lang=uk"); h.Title != "Обмеження чисельності ЗСУ" || h.TitleLanguage != "uk" || h.TitleEN != english {
				t.Errorf("%s, in Ukrainian: %q in %q, English %q", query, h.Title, h.TitleLanguage, h.TitleEN)
			}
			if h := troopCap(query + "&lang=en"); h.Title != english || h.TitleLanguage != "en" || h.TitleEN != english {
				t.Errorf("%s, in English: %q in %q, English %q", query, h.Title, h.TitleLanguage, h.TitleEN)
			}
			if h := troopCap(query); h.Title != english || h.TitleLanguage != "" || h.TitleEN != "" {
				t.Errorf("%s, no language: %q in %q, English %q", query, h.Title, h.TitleLanguage, h.TitleEN)
			}
		}
		// Every hit says its title's language; one with no Ukrainian title
		// keeps the English.
		troopCap("kind=troop_cap&lang=uk")
		if len(others) == 0 {
			t.Fatal("no other troop caps to see")
		}
		for _, h := range others {
			if h.TitleEN == "" || h.TitleLanguage == "" || h.TitleLanguage == "en" && h.Title != h.TitleEN {
				t.Errorf("hit %s: %q in %q, English %q", h.Key, h.Title, h.TitleLanguage, h.TitleEN)
			}
		}
		bad := ts.do("GET", "/api/v1/search?q=cap&lang=xx", "")
		if bad.Code != 400 || !hasField(decode[Problem](t, bad).Errors, "lang") {
			t.Errorf("an unknown language: %d %s", bad.Code, bad.Body)
		}
	})
}
