package api

import (
	"net/http/httptest"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

func TestSources(t *testing.T) {
	const testRef = `"reference":"Plantracker tests, 21 Nov 2025: A source the tests cite"`
	newCap := `{"key":"navy-cap","kind":"troop_cap","title":"Navy cap","sourcing":"reported","terms":{"party":"UA","limit":5000},"sources":`
	runScenarios(t, []scenario{
		{name: "list", method: "GET", url: "/api/v1/sources", wantStatus: 200, wantContain: []string{`"key":"test-source"`}},
		{name: "create", method: "POST", url: "/api/v1/sources",
			body:       `{"key":"reuters-2025-11-23","publisher":"Reuters","title":"E3 counter-proposal","date":"2025-11-23","language":"en","url":"https://www.reuters.com/"}`,
			wantStatus: 201, wantContain: []string{`"key":"reuters-2025-11-23"`, `"version":1`}},
		{name: "create invalid, every field", method: "POST", url: "/api/v1/sources",
			body:       `{"key":"Not A Key","publisher":"","title":"","date":"23/11/2025","url":"javascript:alert(1)","language":"not a language"}`,
			wantStatus: 400, wantFields: []string{"key", "publisher", "title", "date", "url", "language"}},
		{name: "create with the quote in another language", method: "POST", url: "/api/v1/sources",
			body: `{"key":"ukrinform-2025-11-23","publisher":"Ukrinform","title":"Гарантії","language":"uk","quote":"Україна отримає гарантії.",` +
				`"translations":[{"language":"en","quote":"Ukraine will receive guarantees."}]}`,
			wantStatus: 201, wantContain: []string{`"translations":[{"language":"en","quote":"Ukraine will receive guarantees."}]`}},
		{name: "create with bad translations, every field", method: "POST", url: "/api/v1/sources",
			body: `{"key":"ukrinform-2025-11-24","publisher":"Ukrinform","title":"Гарантії","language":"uk","quote":"Україна.",` +
				`"translations":[{"language":"en","quote":""},{"language":"uk","quote":"Україна."}]}`,
			wantStatus: 400, wantFields: []string{"translations[0].quote", "translations[1].language"}},
		{name: "create duplicate", method: "POST", url: "/api/v1/sources", body: `{"key":"test-source","publisher":"X","title":"Y"}`,
			wantStatus: 409, wantContain: []string{"test-source already exists"}},
		{name: "delete cited", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), body: newCap + testCites + `}`,
			wantStatus: 201, wantContain: []string{testRef},
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				ts := serverOn(t, s)
				r := ts.do("GET", "/api/v1/sources", "")
				list := decode[List[models.Source]](t, r)
				for _, src := range list.Items {
					if src.Key == "test-source" {
						if r := ts.do("DELETE", url("/api/v1/sources/%d", src.ID), ""); r.Code != 409 {
							t.Fatalf("delete of a cited source: %d %s", r.Code, r.Body)
						}
					}
				}
			}},
		{name: "provision cites an unknown source", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: newCap + `[{"source":"nowhere","sourcing":"reported"}]}`, wantStatus: 400, wantFields: []string{"sources[0].source"}},
		{name: "provision cites nothing", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: newCap + `[]}`, wantStatus: 400, wantFields: []string{"sources"}},
		{name: "a stance needs its source", method: "POST", url: url("/api/v1/provisions/%d/parties", seeded.TroopCap28),
			body: `{"party":"RU","role":"obligor","stance":"supports"}`, wantStatus: 400, wantFields: []string{"stance_sources"}},
		{name: "a stance with its source and date", method: "POST", url: url("/api/v1/provisions/%d/parties", seeded.TroopCap28),
			body:       `{"party":"RU","role":"obligor","stance":"supports","stance_date":"2025-11-24","stance_sources":` + testCites + `}`,
			wantStatus: 200, wantContain: []string{`"stance_date":"2025-11-24"`, testRef}},
	})
}
