package api

import (
	"fmt"
	"strings"
	"testing"

	"plantracker/models/report"
)

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
