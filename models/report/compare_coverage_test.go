package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"plantracker/models"
)

// coverageDrafts are two drafts, each complete or partial, in which every
// status occurs: a key kept alike, one changed in substance, one changed in
// sourcing only, one the later draft lacks, one it withdraws, one already
// withdrawn in both, one it adds.
func coverageDrafts(t *testing.T, fromCoverage, toCoverage string) (DraftProvisions, DraftProvisions) {
	keep := provision(t, "keep", "elections", `{"country":"UA","within_days":100}`, func(p *models.Provision) { p.Point = "25" })
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	cap8 := cap6
	cap8.Terms, cap8.Point, cap8.Sources = json.RawMessage(`{"party":"UA","limit":800000}`), "", cite("Reuters, 23 Nov 2025")
	cited := provision(t, "cited", "sanctions", `{"target":"RU","action":"lifted_in_stages"}`, func(p *models.Provision) { p.Point = "13" })
	recited := cited
	recited.Point, recited.Sources, recited.Sourcing = "", cite("Reuters, 23 Nov 2025"), "unconfirmed"
	gone := provision(t, "gone", "ceasefire", `{"trigger":"on signature"}`, func(p *models.Provision) { p.Point = "28" })
	amnesty := provision(t, "amnesty", "amnesty", `{"scope":"full"}`, func(p *models.Provision) { p.Point = "26" })
	dropped := amnesty
	dropped.Status, dropped.Point = "withdrawn", ""
	old := provision(t, "old", "other", `{}`, func(p *models.Provision) { p.Status = "withdrawn" })
	added := provision(t, "added", "other", `{}`, func(p *models.Provision) { p.Point = "" })

	from := DraftProvisions{models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "A", Date: "2025-11-20", Status: "superseded", Coverage: fromCoverage},
		[]models.Provision{keep, cap6, cited, gone, amnesty, old}}
	to := DraftProvisions{models.Draft{ID: 2, PlanID: 2, Number: 1, Label: "B", Date: "2025-11-23", Status: "circulated", Coverage: toCoverage},
		[]models.Provision{keep, cap8, recited, dropped, old, added}}
	return from, to
}

func TestCompareKeepsPartialDraftsApart(t *testing.T) {
	const (
		carried     = "carried over from v1 A, not reported in v1 B"
		withdrawnIn = "withdrawn in v1 B"
		maybeOld    = "not reported in v1 A (partial): it may not be new"
	)
	type row struct {
		status DiffStatus
		note   string
	}
	cases := []struct {
		from, to string
		rows     map[string]row
		counts   Counts
	}{
		{"complete", "complete", map[string]row{
			"gone": {StatusRemoved, ""}, "amnesty": {StatusRemoved, withdrawnIn}, "added": {StatusAdded, ""}},
			Counts{Added: 1, Removed: 2, Withdrawn: 1, Changed: 1, Unchanged: 3, SourcingOnly: 1, Total: 7}},
		{"complete", "partial", map[string]row{
			"gone": {StatusNotReported, carried}, "amnesty": {StatusRemoved, withdrawnIn}, "added": {StatusAdded, ""}},
			Counts{Added: 1, Removed: 1, Withdrawn: 1, NotReported: 1, Changed: 1, Unchanged: 3, SourcingOnly: 1, Total: 7}},
		{"partial", "complete", map[string]row{
			"gone": {StatusRemoved, ""}, "amnesty": {StatusRemoved, withdrawnIn}, "added": {StatusAdded, maybeOld}},
			Counts{Added: 1, Removed: 2, Withdrawn: 1, Changed: 1, Unchanged: 3, SourcingOnly: 1, Total: 7}},
		{"partial", "partial", map[string]row{
			"gone": {StatusNotReported, carried}, "amnesty": {StatusRemoved, withdrawnIn}, "added": {StatusAdded, maybeOld}},
			Counts{Added: 1, Removed: 1, Withdrawn: 1, NotReported: 1, Changed: 1, Unchanged: 3, SourcingOnly: 1, Total: 7}},
	}
	for _, tc := range cases {
		t.Run(tc.from+" to "+tc.to, func(t *testing.T) {
			c := Compare(coverageDrafts(t, tc.from, tc.to))
			if c.Counts != tc.counts {
				t.Errorf("counts %+v\nwant   %+v", c.Counts, tc.counts)
			}
			if c.From.Coverage != tc.from || c.To.Coverage != tc.to || c.To.CoverageLabel != models.Coverages.Label(tc.to) {
				t.Errorf("coverage of the drafts: %q %q %q", c.From.Coverage, c.To.Coverage, c.To.CoverageLabel)
			}
			// What does not depend on coverage.
			want := map[string]row{"keep": {StatusUnchanged, ""}, "troop-cap": {StatusChanged, ""},
				"cited": {StatusUnchanged, ""}, "old": {StatusUnchanged, ""}}
			for k, v := range tc.rows {
				want[k] = v
			}
			got := map[string]ComparisonRow{}
			for _, r := range c.Rows {
				got[r.Key] = r
				if w := want[r.Key]; r.Status != w.status || r.Note != w.note {
					t.Errorf("%s: %s %q, want %s %q", r.Key, r.Status, r.Note, w.status, w.note)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d rows, want %d", len(got), len(want))
			}

			// A not reported key carries its last known value and is
			// neither removed nor a change.
			if r := got["gone"]; r.Status == StatusNotReported &&
				(r.From == nil || r.From.Headline != "on signature" || r.To != nil || len(r.Changes) != 0 || r.Withdrawn) {
				t.Errorf("not reported row: %+v", r)
			}
			// A withdrawal is a removal that still shows the withdrawn text.
			if r := got["amnesty"]; !r.Withdrawn || r.To == nil || r.To.Status != "withdrawn" || r.From == nil || len(r.Changes) != 0 {
				t.Errorf("withdrawn row: %+v", r)
			}
			// Substance first, sourcing apart: the troop cap's limit is its
			// change; its new citation and lost point number are folded.
			checkChanges(t, got["troop-cap"].Changes, []fc{{Field: "terms.limit", Before: "600,000 people", After: "800,000 people",
				Delta: "+33.3%", Summary: "Limit: 600,000 people → 800,000 people (+33.3%)"}})
			checkChanges(t, got["troop-cap"].SourcingChanges, []fc{
				{Field: "sources", Before: "Axios, 20 Nov 2025", After: "Reuters, 23 Nov 2025", Summary: "Sources: Axios, 20 Nov 2025 → Reuters, 23 Nov 2025"},
				{Field: "point", Before: "6", After: "—", Summary: "Point: 6 → —"}})
			if r := got["cited"]; len(r.Changes) != 0 || len(r.SourcingChanges) != 3 {
				t.Errorf("sourcing-only row: changes %s, sourcing %s", summaries(r.Changes), summaries(r.SourcingChanges))
			}
			if n := c.Counts; n.Added+n.Removed+n.NotReported+n.Changed+n.Unchanged != n.Total {
				t.Errorf("counts do not add up: %+v", n)
			}
		})
	}
}

// TestCompareWithdrawnThenNotReported: the last known value of a key a
// partial draft does not mention is carried over even when it is a
// withdrawal, and a key withdrawn earlier and restored is a change.
func TestCompareWithdrawnThenNotReported(t *testing.T) {
	dropped := provision(t, "amnesty", "amnesty", `{"scope":"full"}`, func(p *models.Provision) { p.Status = "withdrawn" })
	restored := dropped
	restored.Status = "proposed"
	geneva := DraftProvisions{models.Draft{ID: 2, Label: "Geneva", Coverage: "partial"}, []models.Provision{dropped}}
	twenty := DraftProvisions{models.Draft{ID: 3, Label: "20 points", Coverage: "partial"}, nil}
	c := Compare(geneva, twenty)
	if len(c.Rows) != 1 || c.Rows[0].Status != StatusNotReported || c.Rows[0].From.StatusLabel != "Withdrawn" {
		t.Errorf("rows %+v", c.Rows)
	}
	c = Compare(geneva, DraftProvisions{models.Draft{ID: 3, Label: "20 points", Coverage: "partial"}, []models.Provision{restored}})
	if len(c.Rows) != 1 || c.Rows[0].Status != StatusChanged || c.Rows[0].Changes[0].Field != "status" {
		t.Errorf("rows %+v", c.Rows)
	}
}

func TestDiffStatusLabels(t *testing.T) {
	var got []string
	for _, s := range []DiffStatus{StatusAdded, StatusRemoved, StatusChanged, StatusNotReported, StatusUnchanged} {
		got = append(got, s.Symbol()+" "+s.Label())
	}
	want := []string{"+ Added", "− Removed", "~ Changed", "… Not reported", "= Unchanged"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statuses read %q, want %q", got, want)
	}
}

// TestRowsFollowTheEarlierPointsWhereTheLaterGivesNone: a partial draft's
// reporting often names no point numbers; its rows are then placed by the
// earlier draft's, among the rows it does not mention, not gathered last.
func TestRowsFollowTheEarlierPointsWhereTheLaterGivesNone(t *testing.T) {
	at := func(key, point string) models.Provision {
		return provision(t, key, "troop_cap", `{"party":"UA","limit":600000}`, func(p *models.Provision) { p.Point = point })
	}
	from := DraftProvisions{models.Draft{ID: 1, Label: "28 points", Coverage: "complete"}, []models.Provision{at("a", "1"), at("b", "2"), at("c", "3"), at("d", "4")}}
	to := DraftProvisions{models.Draft{ID: 2, Label: "E3", Coverage: "partial"}, []models.Provision{at("d", ""), at("b", ""), at("e", "")}}
	want := []string{"a:not_reported", "b:unchanged", "c:not_reported", "d:unchanged", "e:added"}
	if got := rowKeys(Compare(from, to)); !reflect.DeepEqual(got, want) {
		t.Errorf("rows %v\nwant %v", got, want)
	}
	m := NewMatrix([]DraftProvisions{from, to}, nil)
	var keys []string
	for _, r := range m.Rows {
		keys = append(keys, r.Key)
	}
	if !reflect.DeepEqual(keys, []string{"a", "b", "c", "d", "e"}) {
		t.Errorf("matrix rows %v", keys)
	}
	if m.Rows[1].Point != "" {
		t.Errorf("the row shows the last draft's point, none: %q", m.Rows[1].Point)
	}
}
