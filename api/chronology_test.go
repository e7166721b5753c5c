package api

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

func TestChronologyAndEvents(t *testing.T) {
	const event = `{"key":"talks","date":"2025-11-21","kind":"meeting","title":"Talks","place":"Geneva","parties":["US","UA"],"keys":["troop-cap"]`
	runScenarios(t, []scenario{
		{name: "chronology: drafts and events by date", method: "GET", url: "/api/v1/chronology", wantStatus: 200,
			wantContain: []string{`"type":"draft"`, `"type":"event"`, `"record":{"to":`, `"stale":`},
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				c := decode[models.Chronology](t, w)
				for i := 1; i < len(c.Entries); i++ {
					if c.Entries[i].Date < c.Entries[i-1].Date {
						t.Errorf("entry %d (%s) before %d (%s)", i, c.Entries[i].Date, i-1, c.Entries[i-1].Date)
					}
				}
				if c.Total != len(c.Entries) || c.Total < 3 {
					t.Errorf("total %d, %d entries", c.Total, len(c.Entries))
				}
			}},
		{name: "chronology: filtered by kind and date", method: "GET", url: "/api/v1/chronology?kind=meeting&from=2025-11-01&to=2025-11-30", wantStatus: 200,
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				for _, e := range decode[models.Chronology](t, w).Entries {
					if e.Type != "event" || e.Event.Kind != "meeting" || e.Date > "2025-11-30" {
						t.Errorf("entry %+v", e)
					}
				}
			}},
		{name: "chronology: bad filters, each named", method: "GET", url: "/api/v1/chronology?kind=party&party=XX&from=23/11/2025&key=Troop%20Cap&include=all",
			wantStatus: 400, wantFields: []string{"kind", "party", "from", "key", "include"}},
		{name: "chronology: to before from", method: "GET", url: "/api/v1/chronology?from=2025-12-01&to=2025-11-01", wantStatus: 400, wantFields: []string{"to"}},
		{name: "event: create", method: "POST", url: "/api/v1/chronology/events", body: event + `,"sources":` + testCites + `}`,
			wantStatus: 201, wantContain: []string{`"key":"talks"`, `"version":1`, `"parties":["US","UA"]`}},
		{name: "event: end before start", method: "POST", url: "/api/v1/chronology/events", body: event + `,"end_date":"2025-11-20"}`,
			wantStatus: 400, wantFields: []string{"end_date"}},
		{name: "event: unknown party, unknown kind", method: "POST", url: "/api/v1/chronology/events",
			body:       `{"key":"x","date":"2025-11-21","kind":"party","title":"T","parties":["XX"]}`,
			wantStatus: 400, wantFields: []string{"kind"}},
		{name: "event: unknown party and draft", method: "POST", url: "/api/v1/chronology/events",
			body:       `{"key":"x","date":"2025-11-21","kind":"letter","title":"T","parties":["XX"],"drafts":[99999]}`,
			wantStatus: 400, wantFields: []string{"parties[0]", "drafts[0]"}},
		{name: "event: read, change with If-Match, stale change refused", method: "POST", url: "/api/v1/chronology/events", body: event + `}`,
			wantStatus: 201,
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				ts := serverOn(t, s)
				e := decode[models.Event](t, w)
				path := "/api/v1/chronology/events/" + strconv.FormatInt(e.ID, 10)
				if r := ts.do("GET", path, ""); r.Code != 200 || r.Header().Get("ETag") != `"1"` {
					t.Fatalf("get: %d %s %s", r.Code, r.Header().Get("ETag"), r.Body)
				}
				if r := ts.do("PATCH", path, `{"place":"Geneva, Switzerland"}`, "If-Match", `"1"`); r.Code != 200 {
					t.Fatalf("patch: %d %s", r.Code, r.Body)
				}
				if r := ts.do("PATCH", path, `{"place":"Bern"}`, "If-Match", `"1"`); r.Code != 412 {
					t.Errorf("stale patch: %d %s", r.Code, r.Body)
				}
				if r := ts.do("GET", "/api/v1/timeline/troop-cap", ""); r.Code != 200 || !strings.Contains(r.Body.String(), `"events":[{"id":`+strconv.FormatInt(e.ID, 10)) {
					t.Errorf("timeline lacks the event: %d %.300s", r.Code, r.Body)
				}
				if r := ts.do("DELETE", path, "", "If-Match", `"2"`); r.Code != 204 {
					t.Errorf("delete: %d %s", r.Code, r.Body)
				}
			}},
		{name: "draft stance: create", method: "POST", url: url("/api/v1/drafts/%d/stances", seeded.E3),
			body:       `{"party":"RU","stance":"rejects","date":"2025-11-24","quote":"Not constructive.","sources":` + testCites + `}`,
			wantStatus: 201, wantContain: []string{`"stance":"rejects"`, `"party":"RU"`},
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				ts := serverOn(t, s)
				ds := decode[models.DraftStance](t, w)
				path := "/api/v1/draft-stances/" + strconv.FormatInt(ds.ID, 10)
				if r := ts.do("PATCH", path, `{"stance":"reserved"}`, "If-Match", `"7"`); r.Code != 412 {
					t.Errorf("stale patch: %d %s", r.Code, r.Body)
				}
				// The seed's own stance (Russia on the E3 plan, Ushakov) and this one.
				if r := ts.do("GET", url("/api/v1/drafts/%d/stances", seeded.E3), ""); r.Code != 200 || !strings.Contains(r.Body.String(), `"total":2`) ||
					!strings.Contains(r.Body.String(), `"quote":"Not constructive."`) {
					t.Errorf("list: %d %s", r.Code, r.Body)
				}
			}},
		{name: "draft stance: every field named", method: "POST", url: url("/api/v1/drafts/%d/stances", seeded.E3),
			body: `{"party":"xx","stance":"opposes","date":"24 Nov"}`, wantStatus: 400, wantFields: []string{"party", "stance", "date"}},
		{name: "draft stance: unknown party", method: "POST", url: url("/api/v1/drafts/%d/stances", seeded.E3),
			body: `{"party":"XX","stance":"accepts"}`, wantStatus: 400, wantFields: []string{"party"}},
		{name: "draft stance: unknown draft", method: "POST", url: "/api/v1/drafts/99999/stances",
			body: `{"party":"RU","stance":"accepts"}`, wantStatus: 404},
		{name: "draft: standing defaults to reported", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"Another"}`, wantStatus: 201, wantContain: []string{`"standing":"reported"`}},
		{name: "draft: bad standing", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"Another","standing":"leaked"}`, wantStatus: 400, wantFields: []string{"standing"}},
		{name: "draft: a fork is a scenario", method: "POST", url: url("/api/v1/drafts/%d/fork", seeded.Draft28),
			wantStatus: 201, wantContain: []string{`"standing":"scenario"`}},
		{name: "draft: the standing changes", method: "PATCH", url: url("/api/v1/drafts/%d", seeded.Draft28),
			body: `{"standing":"official"}`, wantStatus: 200, wantContain: []string{`"standing":"official"`}},
	})
}
