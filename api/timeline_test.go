package api

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models/report"
	"plantracker/store"
)

func TestTimeline(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "the troop cap across the four seed drafts", method: "GET", url: "/api/v1/timeline/troop-cap", as: "vera", wantStatus: 200,
			wantContain: []string{`"key":"troop-cap"`, `"kind":"troop_cap"`, `"field":"limit"`},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				tl := decode[report.Timeline](t, w)
				var got []string
				for _, e := range tl.Entries {
					if e.Provision == nil {
						t.Fatalf("%s: %s, want the troop cap stated", e.Draft.Name, e.State)
					}
					got = append(got, e.Draft.Label+" "+e.Provision.Headline)
				}
				want := "28-point draft 600,000 people|E3 counter-proposal 800,000 people|Geneva revision 800,000 people|20-point framework 800,000 people"
				if strings.Join(got, "|") != want {
					t.Errorf("entries %q\nwant %q", strings.Join(got, "|"), want)
				}
				if len(tl.Plans) != 2 || len(tl.Series) != 1 || len(tl.Series[0].Plans) != 2 {
					t.Errorf("plans %+v, series %+v", tl.Plans, tl.Series)
				}
				if e := tl.Entries[0]; e.Provision.SourcingLabel != "Reported" || e.Provision.StatusLabel != "Proposed" || e.Provision.ID != seeded.TroopCap28 {
					t.Errorf("first entry %+v", e.Provision)
				}
			}},
		{name: "the guarantee has a gap where Geneva does not report it", method: "GET", url: "/api/v1/timeline/security-guarantee", wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				tl := decode[report.Timeline](t, w)
				states := map[string]report.TimelineState{}
				for _, e := range tl.Entries {
					states[e.Draft.Label] = e.State
				}
				if states["Geneva revision"] != report.TimelineNotReported || states["28-point draft"] != report.TimelineStated {
					t.Errorf("states %v", states)
				}
			}},
		{name: "an unknown key", method: "GET", url: "/api/v1/timeline/no-such-key", wantStatus: 404},
		{name: "a malformed key", method: "GET", url: "/api/v1/timeline/Troop%20Cap", wantStatus: 404},
		{name: "anonymous", method: "GET", url: "/api/v1/timeline/troop-cap", as: "anonymous", wantStatus: 401},
		{name: "all troop caps", method: "GET", url: "/api/v1/timeline?kind=troop_cap", wantStatus: 200,
			wantContain: []string{`"items":[{"key":"troop-cap","kind":"troop_cap","kind_label":"Troop cap"`, `"drafts":4`, `"total":1`}},
		{name: "every key", method: "GET", url: "/api/v1/timeline", wantStatus: 200, wantContain: []string{`"key":"security-guarantee"`, `"key":"donbas"`}},
		{name: "an unknown kind", method: "GET", url: "/api/v1/timeline?kind=teleport", wantStatus: 400, wantFields: []string{"kind"}},
	})
}

// Issue 22, item 3, on the seed: the 20-point framework states the
// elections "as soon as possible after signing", with no number of days.
// Its point in the chart's series carries those words, and no line leads
// into it; the chart's SVG labels the marker with them.
func TestElectionsSeriesDrawsOnlyWhatWasSaid(t *testing.T) {
	ts := newTestServer(t, sqlite)
	w := ts.do("GET", "/api/v1/timeline/elections", "")
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	tl := decode[report.Timeline](t, w)
	if len(tl.Series) != 1 || tl.Series[0].Field != "within_days" {
		t.Fatalf("series %+v", tl.Series)
	}
	found := false
	for _, line := range tl.Series[0].Plans {
		for _, p := range line.Points {
			if p.JoinsFrom != nil && *p.JoinsFrom == seeded.Draft20 {
				t.Errorf("a line leaves the 20 points: %+v", p)
			}
			if p.DraftID != seeded.Draft20 {
				continue
			}
			found = true
			if p.State != report.TimelineStated || p.Value != nil || p.JoinsFrom != nil || !strings.Contains(p.Words, "as soon as possible") {
				t.Errorf("the 20 points' point: %+v", p)
			}
		}
	}
	if !found {
		t.Fatal("the 20-point framework is not in the series")
	}
}

// A draft made from pasted text is an analyst's scenario: it stays out of
// a key's timeline (and so its chart) unless the client asks for
// scenarios, on both databases.
func TestTimelineLeavesScenariosOut(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		w := ts.do("POST", fmt.Sprintf("/api/v1/plans/%d/drafts", seeded.USPlan), `{"label": "Trial from text", "date": "2026-12-01", "provisions": [
			{"key": "troop-cap", "point": "6", "kind": "troop_cap", "title": "Troop cap", "terms": {"party": "UA", "limit": 500000},
			 "sourcing": "reported", "sources": [{"source": "ukrinform-2025-12-24-zelensky-framework", "sourcing": "reported"}]}]}`)
		if w.Code != 201 || !strings.Contains(w.Body.String(), `"standing":"scenario"`) {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		has := func(url string) bool {
			t.Helper()
			w := ts.do("GET", url, "")
			if w.Code != 200 {
				t.Fatalf("GET %s: %d %s", url, w.Code, w.Body)
			}
			for _, e := range decode[report.Timeline](t, w).Entries {
				if e.Draft.Label == "Trial from text" {
					return true
				}
			}
			return false
		}
		if has("/api/v1/timeline/troop-cap") {
			t.Error("the scenario draft is on the record's timeline")
		}
		if !has("/api/v1/timeline/troop-cap?include=scenarios") {
			t.Error("include=scenarios leaves the scenario draft out")
		}
		if w := ts.do("GET", "/api/v1/timeline/troop-cap?include=everything", ""); w.Code != 400 {
			t.Errorf("include=everything: %d, want 400", w.Code)
		}
	})
}
