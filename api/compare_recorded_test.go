package api

import (
	"strings"
	"testing"

	"plantracker/models/report"
)

// Not recorded is not removed (issue 22, item 2): a draft made from text
// records no parties, and a comparison with it must not read as every party
// removed ("UA: obligor → — (−UA)"); the parties it does not record are
// not recorded, shown with their last known value, and change nothing.
func TestCompareFromTextRemovesNoParty(t *testing.T) {
	ts := newTestServer(t, sqlite)
	draft := createReviewedDraft(t, ts, reviewedDraft(parse28(t, ts)))
	w := ts.do("GET", url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, draft.ID), "")
	if !strings.Contains(w.Body.String(), `"not_recorded":true`) {
		t.Errorf("the JSON says nowhere that a party is not recorded")
	}
	cmp := decode[report.Comparison](t, w)
	unrecorded := 0
	for _, r := range cmp.Rows {
		if r.From == nil || r.To == nil || len(r.From.Parties) == 0 {
			continue
		}
		for _, fc := range r.Changes {
			if fc.NotRecorded {
				unrecorded++
				if fc.After != report.NotRecordedValue || fc.Before == report.NotStated || len(fc.Removed) > 0 || !strings.Contains(fc.Summary, "not recorded") {
					t.Errorf("%s: %+v", r.Key, fc)
				}
				continue
			}
			if len(fc.Removed) > 0 && (fc.Type == "party_role" || fc.Type == "parties") {
				t.Errorf("%s: a party reads as removed from a draft that records none: %s", r.Key, fc.Summary)
			}
		}
	}
	if unrecorded == 0 {
		t.Error("no party of the 28 points reads as not recorded")
	}
}
