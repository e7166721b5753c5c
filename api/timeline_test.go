package api

import (
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
