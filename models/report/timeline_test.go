package report

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"plantracker/models"
)

// The seed's shape: the US plan (28-point complete, Geneva and 20-point
// partial, each forked from the one before) and the E3 plan (one partial
// draft forked from the 28-point draft on Geneva's date).
var (
	tlPlans = []models.Plan{{ID: 1, Title: "US peace framework"}, {ID: 2, Title: "European counter-proposal"}}
	d28     = models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "28-point draft", Date: "2025-11-20", Coverage: "complete"}
	dGen    = models.Draft{ID: 2, PlanID: 1, Number: 2, Label: "Geneva revision", Date: "2025-11-23", Coverage: "partial", ForkedFromID: new(int64(1))}
	d20     = models.Draft{ID: 3, PlanID: 1, Number: 3, Label: "20-point framework", Date: "2025-12-23", Coverage: "partial", ForkedFromID: new(int64(2))}
	dE3     = models.Draft{ID: 4, PlanID: 2, Number: 1, Label: "E3 counter-proposal", Date: "2025-11-23", Coverage: "partial", ForkedFromID: new(int64(1))}
	tlDraft = []models.Draft{d28, dGen, d20, dE3}
)

func tlProv(id, draft int64, key, kind, text, terms string) models.Provision {
	p := models.Provision{ID: id, DraftID: draft, Key: key, Kind: kind, Title: key, Text: text, Terms: json.RawMessage(terms),
		Status: "proposed", Sourcing: "reported"}
	if k, ok := models.KindByName(kind); ok {
		if _, canonical, err := k.DecodeTerms(p.Terms); err == nil {
			p.Terms = canonical
		}
	}
	return p
}

// monthlyDrafts are one plan's drafts a, b, c, … numbered from 1 and dated
// a month apart from January 2025, with the given coverages.
func monthlyDrafts(coverages ...string) []models.Draft {
	out := make([]models.Draft, len(coverages))
	for i, c := range coverages {
		n := i + 1
		out[i] = models.Draft{ID: int64(n), PlanID: 1, Number: n, Label: string(rune('a' + i)),
			Date: fmt.Sprintf("2025-%02d-01", n), Coverage: c}
	}
	return out
}

type tlRow struct {
	draft    string
	state    TimelineState
	headline string // "" when no provision
	last     string // the last known draft's name, "" when none
	changed  bool
}

func tlRows(tl Timeline) []tlRow {
	var out []tlRow
	for _, e := range tl.Entries {
		r := tlRow{draft: e.Draft.Name, state: e.State, changed: e.Changed}
		if e.Provision != nil {
			r.headline = e.Provision.Headline
		}
		if e.LastKnown != nil {
			r.last = e.LastKnown.DraftName
		}
		out = append(out, r)
	}
	return out
}

func TestTimeline(t *testing.T) {
	capTerms := func(limit string, extra string) string {
		return `{"party":"UA","limit":` + limit + extra + `}`
	}
	tests := []struct {
		name   string
		drafts []models.Draft
		provs  []models.Provision
		want   []tlRow
	}{
		{"the troop cap: in date order, E3 and Geneva tied on the date and ordered by plan", tlDraft, []models.Provision{
			tlProv(11, 1, "troop-cap", "troop_cap", "capped at 600,000", capTerms("600000", "")),
			tlProv(21, 2, "troop-cap", "troop_cap", "capped at 800,000", capTerms("800000", "")),
			tlProv(31, 3, "troop-cap", "troop_cap", "capped at 800,000 in peacetime", capTerms("800000", `,"peacetime_only":true`)),
			tlProv(41, 4, "troop-cap", "troop_cap", "capped at 800,000 in peacetime", capTerms("800000", `,"peacetime_only":true`)),
		}, []tlRow{
			{"v1 28-point draft", TimelineStated, "600,000 people", "", false},
			{"v1 E3 counter-proposal", TimelineStated, "800,000 people", "v1 28-point draft", true},
			{"v2 Geneva revision", TimelineStated, "800,000 people", "v1 28-point draft", true},
			{"v3 20-point framework", TimelineStated, "800,000 people", "v2 Geneva revision", true},
		}},
		{"a partial draft that is silent is a gap carrying the last value", tlDraft, []models.Provision{
			tlProv(12, 1, "security-guarantee", "security_guarantee", "Term 10 years", `{"model":"article5_like","duration_years":10}`),
			tlProv(32, 3, "security-guarantee", "security_guarantee", "15 years", `{"model":"article5_like","duration_years":15}`),
		}, []tlRow{
			{"v1 28-point draft", TimelineStated, "Article 5-like, 10 years", "", false},
			{"v2 Geneva revision", TimelineNotReported, "", "v1 28-point draft", false},
			{"v3 20-point framework", TimelineStated, "Article 5-like, 15 years", "v1 28-point draft", true},
		}},
		{"a complete draft without the key removed it; before it appeared it was absent", monthlyDrafts("complete", "complete", "complete", "partial"), []models.Provision{tlProv(2, 2, "k", "other", "", `{}`)}, []tlRow{
			{"v1 a", TimelineAbsent, "", "", false},
			{"v2 b", TimelineStated, "k", "", false},
			{"v3 c", TimelineRemoved, "", "v2 b", false},
			{"v4 d", TimelineNotReported, "", "", false},
		}},
		{"withdrawn is shown, and not a change", monthlyDrafts("complete", "complete"), []models.Provision{tlProv(1, 1, "k", "amnesty", "", `{"scope":"full"}`),
			func() models.Provision {
				p := tlProv(2, 2, "k", "amnesty", "", `{"scope":"full"}`)
				p.Status = "withdrawn"
				return p
			}()},
			[]tlRow{
				{"v1 a", TimelineStated, "full", "", false},
				{"v2 b", TimelineWithdrawn, "full", "v1 a", false},
			}},
		{"a fork on the same day comes after its original, whatever the plans' titles", []models.Draft{
			{ID: 1, PlanID: 1, Number: 1, Label: "original", Date: "2025-01-01", Coverage: "complete"},
			{ID: 2, PlanID: 2, Number: 1, Label: "fork", Date: "2025-01-01", Coverage: "complete", ForkedFromID: new(int64(1))},
			{ID: 3, PlanID: 1, Number: 2, Label: "undated", Coverage: "complete"},
		}, []models.Provision{tlProv(1, 1, "k", "other", "", `{}`), tlProv(2, 2, "k", "other", "", `{}`), tlProv(3, 3, "k", "other", "", `{}`)},
			[]tlRow{
				{"v1 original", TimelineStated, "k", "", false},
				{"v1 fork", TimelineStated, "k", "v1 original", false},
				{"v2 undated", TimelineStated, "k", "v1 original", false},
			}},
		{"plans that never mention the key are left out", tlDraft, []models.Provision{tlProv(41, 4, "k", "other", "", `{}`)},
			[]tlRow{{"v1 E3 counter-proposal", TimelineStated, "k", "", false}}},
		{"no provision, no entries", tlDraft, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			titles := tlPlans
			if tt.name == "a fork on the same day comes after its original, whatever the plans' titles" {
				titles = []models.Plan{{ID: 1, Title: "Z plan"}, {ID: 2, Title: "A plan"}}
			}
			key := "k"
			if len(tt.provs) > 0 {
				key = tt.provs[0].Key
			}
			tl := NewTimeline(key, titles, append([]models.Draft(nil), tt.drafts...), tt.provs, nil)
			if got := tlRows(tl); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

func TestTimelineSeriesAndWording(t *testing.T) {
	provs := []models.Provision{
		tlProv(11, 1, "troop-cap", "troop_cap", "capped at 600,000", `{"party":"UA","limit":600000}`),
		tlProv(21, 2, "troop-cap", "troop_cap", "capped at 600,000", `{"party":"UA","limit":800000}`), // a stale wording
		tlProv(41, 4, "troop-cap", "troop_cap", "capped at 800,000", `{"party":"UA","limit":800000}`),
	}
	tl := NewTimeline("troop-cap", tlPlans, append([]models.Draft(nil), tlDraft...), provs, nil)
	if tl.Title != "troop-cap" || tl.Kind != "troop_cap" || tl.KindLabel != "Troop cap" {
		t.Errorf("named %q, %q, %q", tl.Title, tl.Kind, tl.KindLabel)
	}
	if len(tl.Plans) != 2 || tl.Plans[0].Title != "US peace framework" || tl.Plans[1].Title != "European counter-proposal" {
		t.Errorf("plans %+v", tl.Plans)
	}
	if len(tl.Series) != 1 || tl.Series[0].Field != "limit" || tl.Series[0].Unit != "people" {
		t.Fatalf("series %+v", tl.Series)
	}
	type pt struct {
		draft int64
		state TimelineState
		value float64 // -1 when none
	}
	var got [][]pt
	for _, line := range tl.Series[0].Plans {
		var ps []pt
		for _, p := range line.Points {
			v := -1.0
			if p.Value != nil {
				v = *p.Value
			}
			ps = append(ps, pt{p.DraftID, p.State, v})
		}
		got = append(got, ps)
	}
	want := [][]pt{
		{{1, TimelineStated, 600000}, {2, TimelineStated, 800000}, {3, TimelineNotReported, -1}},
		{{4, TimelineStated, 800000}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points\n got %v\nwant %v", got, want)
	}
	geneva := tl.Entries[2]
	if geneva.Draft.ID != 2 || len(geneva.Provision.WordingMismatches) != 1 ||
		geneva.Provision.WordingMismatches[0].Message != "wording still says 600,000" {
		t.Errorf("Geneva's stale wording is not flagged: %+v", geneva.Provision)
	}
	if tl.Entries[0].Provision.WordingMismatches == nil {
		t.Error("no mismatches should be an empty list, for JSON")
	}
	// Kinds without a numeric headline term have no series.
	tl = NewTimeline("k", tlPlans, append([]models.Draft(nil), tlDraft...), []models.Provision{tlProv(1, 1, "k", "amnesty", "", `{"scope":"full"}`)}, nil)
	if len(tl.Series) != 0 {
		t.Errorf("an amnesty has series %+v", tl.Series)
	}
}

// Issue 22, item 3: the elections' series draws a value only where a draft
// states a number; the 20-point framework says "as soon as possible" with
// none, so its point carries the words and no line leads into it; points
// join along lineage within the plan.
func TestTimelineSeriesDrawsOnlyWhatWasSaid(t *testing.T) {
	provs := []models.Provision{
		tlProv(11, 1, "elections", "elections", "elections within 100 days", `{"country":"UA","within_days":100}`),
		tlProv(31, 3, "elections", "elections", "elections as soon as possible", `{"country":"UA","timing":"as soon as possible"}`),
		tlProv(41, 4, "elections", "elections", "elections within 100 days", `{"country":"UA","within_days":100}`),
	}
	tl := NewTimeline("elections", tlPlans, append([]models.Draft(nil), tlDraft...), provs, nil)
	if len(tl.Series) != 1 || tl.Series[0].Field != "within_days" {
		t.Fatalf("series %+v", tl.Series)
	}
	us := tl.Series[0].Plans[0].Points
	if len(us) != 3 {
		t.Fatalf("points %+v", us)
	}
	gen, twenty := us[1], us[2]
	if gen.State != TimelineNotReported || gen.JoinsFrom == nil || *gen.JoinsFrom != 1 || gen.Carried == nil || *gen.Carried != 100 {
		t.Errorf("Geneva carries 100 days on from the 28 points: %+v", gen)
	}
	if twenty.State != TimelineStated || twenty.Value != nil || twenty.JoinsFrom != nil || twenty.Words != "as soon as possible" {
		t.Errorf("the 20 points: a line segment leads into it, or its words are lost: %+v", twenty)
	}
	for _, p := range us {
		if p.JoinsFrom != nil && *p.JoinsFrom == 3 {
			t.Errorf("a line leaves the 20 points: %+v", p)
		}
	}
	// Lineage, not date: a draft forked from the first joins it, though
	// another draft of the plan lies between them by date.
	fork := models.Draft{ID: 5, PlanID: 1, Number: 4, Label: "fork of v1", Date: "2025-12-30", Coverage: "complete", ForkedFromID: new(int64(1))}
	provs = append(provs, tlProv(51, 5, "elections", "elections", "elections within 90 days", `{"country":"UA","within_days":90}`))
	tl = NewTimeline("elections", tlPlans, append(append([]models.Draft(nil), tlDraft...), fork), provs, nil)
	last := tl.Series[0].Plans[0].Points[3]
	if last.DraftID != 5 || last.JoinsFrom == nil || *last.JoinsFrom != 1 {
		t.Errorf("the fork joins %v, want draft 1", last.JoinsFrom)
	}
}

// A scenario (standing "scenario") is not a proposal: its values stay off
// the series, its entry on the timeline.
func TestTimelineSeriesLeavesScenariosOut(t *testing.T) {
	scenario := models.Draft{ID: 5, PlanID: 1, Number: 4, Label: "what if", Date: "2025-12-30", Coverage: "complete",
		Standing: models.StandingScenario, ForkedFromID: new(int64(1))}
	provs := []models.Provision{
		tlProv(11, 1, "troop-cap", "troop_cap", "capped at 600,000", `{"party":"UA","limit":600000}`),
		tlProv(51, 5, "troop-cap", "troop_cap", "capped at 400,000", `{"party":"UA","limit":400000}`),
	}
	tl := NewTimeline("troop-cap", tlPlans, append(append([]models.Draft(nil), tlDraft...), scenario), provs, nil)
	for _, p := range tl.Series[0].Plans[0].Points {
		if p.DraftID == 5 {
			t.Errorf("the scenario is charted: %+v", p)
		}
	}
	if e := tl.Entries[len(tl.Entries)-1]; e.Draft.ID != 5 || !e.Draft.Scenario {
		t.Errorf("the scenario's entry: %+v", e.Draft)
	}
}
