package api

import (
	neturl "net/url"
	"strings"
	"testing"

	"plantracker/models"
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
