package api

import (
	"encoding/json"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/parse"
	"plantracker/models/report"
)

// Not recorded is not removed (issue 22, item 2): a draft made from text
// records no parties, and a comparison with it must not read as every party
// removed ("UA: obligor → — (−UA)"); the parties it does not record are
// not recorded, shown with their last known value, and change nothing.
func TestCompareFromTextRemovesNoParty(t *testing.T) {
	ts := newTestServer(t, sqlite)
	w := ts.do("POST", "/api/v1/parse", parseBody(t, the28(t), seeded.draft28))
	if w.Code != 200 {
		t.Fatalf("parse: %d %s", w.Code, w.Body)
	}
	res := decode[parse.Result](t, w)
	in := models.DraftInput{Label: "28 points, from its text", Date: "2025-11-21", Coverage: "complete"}
	for _, p := range res.Points {
		if k, _ := models.KindByName(p.Kind); !termsComplete(k, p) {
			continue
		}
		in.Provisions = append(in.Provisions, models.ProvisionInput{Key: p.Key, Point: p.Point, Kind: p.Kind, Category: p.Category,
			Title: p.Title, Text: p.Text, Terms: p.Terms, Sourcing: "reported",
			Sources: []models.Citation{{Source: "test-source", Sourcing: "reported", Locator: "point " + p.Point}}})
	}
	body, _ := json.Marshal(in)
	w = ts.do("POST", url("/api/v1/plans/%d/drafts", seeded.usPlan), string(body))
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	draft := decode[models.Draft](t, w)
	w = ts.do("GET", url("/api/v1/compare?from=%d&to=%d", seeded.draft28, draft.ID), "")
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
