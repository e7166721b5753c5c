package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"plantracker/models"
)

// matrixDrafts are three complete drafts in which keys change, vanish and
// return.
func matrixDrafts(t *testing.T) []DraftProvisions {
	troopCap := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	nato := provision(t, "nato", "alliance_membership", `{"alliance":"NATO","candidate":"UA","membership":"renounced"}`,
		func(p *models.Provision) { p.Point = "7" })
	zaes := provision(t, "zaes", "nuclear_facility", `{"facility":"ЗАЕС","management":"iaea_supervised"}`,
		func(p *models.Provision) {
			p.Point, p.Text, p.Sources = "12", "Запорізька АЕС під наглядом МАГАТЕ", cite("Interfax-Ukraine, 21 Nov 2025")
		})
	sanctions := provision(t, "sanctions", "sanctions", `{"target":"RU","action":"lifted_in_stages"}`,
		func(p *models.Provision) { p.Point = "20" })
	ceasefire := provision(t, "ceasefire", "ceasefire", `{"trigger":"on signature"}`, func(p *models.Provision) { p.Point = "1" })
	elections := provision(t, "elections", "elections", `{"country":"UA","within_days":100}`, func(p *models.Provision) { p.Point = "25" })

	troopCap2 := troopCap
	troopCap2.Terms = json.RawMessage(`{"party":"UA","limit":800000}`)
	zaes2 := zaes
	zaes2.Text = "Запорізька АЕС під спільним управлінням"
	nato3 := nato
	nato3.Parties = []models.ProvisionParty{{Party: "UA", Role: "obligor", Stance: "supports"}, {Party: "RU", Role: "signatory", Stance: "unknown"}}

	draft := func(id int64, label string, ps ...models.Provision) DraftProvisions {
		return DraftProvisions{models.Draft{ID: id, PlanID: 1, Number: int(id), Label: label, Status: "working", Coverage: "complete",
			Sources: cite("Axios, 20 Nov 2025", "Source of "+label)}, ps}
	}
	return []DraftProvisions{
		draft(1, "28 points", troopCap, nato, zaes, sanctions, ceasefire),
		draft(2, "Geneva", ceasefire, troopCap2, nato, zaes2, elections),
		draft(3, "20 points", sanctions, zaes2, nato3, troopCap2, ceasefire),
	}
}

func TestMatrix(t *testing.T) {
	m := NewMatrix(matrixDrafts(t), nil)
	if len(m.Drafts) != 3 || m.Drafts[1].Name != "v2 Geneva" {
		t.Fatalf("drafts = %+v", m.Drafts)
	}
	var keys []string
	for _, r := range m.Rows {
		keys = append(keys, r.Key)
		if len(r.Cells) != 3 {
			t.Fatalf("row %s has %d cells", r.Key, len(r.Cells))
		}
	}
	// Security by point, then governance, then economic.
	if want := []string{"ceasefire", "troop-cap", "nato", "zaes", "elections", "sanctions"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("rows %v, want %v", keys, want)
	}
	type cell struct {
		present  bool
		diff     DiffStatus
		changed  bool
		fields   []string
		headline string
	}
	want := map[string][]cell{
		"ceasefire": {{true, "", false, nil, "on signature"}, {true, StatusUnchanged, false, nil, "on signature"}, {true, StatusUnchanged, false, nil, "on signature"}},
		"troop-cap": {{true, "", false, nil, "600,000 people"}, {true, StatusChanged, true, []string{"Limit"}, "800,000 people"}, {true, StatusUnchanged, false, nil, "800,000 people"}},
		"nato":      {{true, "", false, nil, "renounced"}, {true, StatusUnchanged, false, nil, "renounced"}, {true, StatusChanged, true, []string{"Parties"}, "renounced"}},
		// The headline stays; the wording changed, and the marker says so.
		"zaes":      {{true, "", false, nil, "IAEA-supervised"}, {true, StatusChanged, true, []string{"Wording"}, "IAEA-supervised"}, {true, StatusUnchanged, false, nil, "IAEA-supervised"}},
		"elections": {{false, "", false, nil, ""}, {true, StatusAdded, true, nil, "100 days"}, {false, StatusRemoved, true, nil, ""}},
		"sanctions": {{true, "", false, nil, "lifted in stages"}, {false, StatusRemoved, true, nil, ""}, {true, StatusAdded, true, nil, "lifted in stages"}},
	}
	for _, r := range m.Rows {
		for i, w := range want[r.Key] {
			c := r.Cells[i]
			if c.Present != w.present || c.Diff != w.diff || c.Changed != w.changed || !reflect.DeepEqual(c.ChangedFields, w.fields) || c.Headline != w.headline {
				t.Errorf("%s, column %d: %+v\nwant %+v", r.Key, i+1, c, w)
			}
			if c.Present && (c.Status != "proposed" || c.StatusLabel != "Proposed" || c.Citation == "" || c.ProvisionID != 0) {
				t.Errorf("%s, column %d: status or citation missing: %+v", r.Key, i+1, c)
			}
		}
		if wantVaries := r.Key != "ceasefire"; r.Varies != wantVaries {
			t.Errorf("%s: varies = %v", r.Key, r.Varies)
		}
	}
	if m.Counts != (MatrixCounts{Rows: 6, Varies: 5, NotReported: 0}) {
		t.Errorf("counts = %+v", m.Counts)
	}
	// Rows take their category, kind and title from the last draft with the key.
	if r := m.Rows[4]; r.Key != "elections" || r.CategoryLabel != "Governance" || r.KindLabel != "Elections" {
		t.Errorf("elections row = %+v", r)
	}
	wantSources := []string{"Axios, 20 Nov 2025", "Source of 28 points", "Source of Geneva", "Source of 20 points", "Interfax-Ukraine, 21 Nov 2025"}
	if !reflect.DeepEqual(m.Sources, wantSources) {
		t.Errorf("sources = %q, want %q", m.Sources, wantSources)
	}

	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"drafts":[{"id":1`, `"cells":[{"present":false,"changed":false}`, `"diff":"removed","changed":true`, `"changed_fields":["Limit"]`} {
		if !strings.Contains(string(raw), s) {
			t.Errorf("matrix JSON lacks %s", s)
		}
	}
}

func TestMatrixOfOneAndNoDrafts(t *testing.T) {
	drafts := matrixDrafts(t)
	m := NewMatrix(drafts[:1], nil)
	if len(m.Rows) != 5 || m.Counts.Varies != 0 {
		t.Fatalf("one draft: %d rows, %d vary", len(m.Rows), m.Counts.Varies)
	}
	for _, r := range m.Rows {
		if c := r.Cells[0]; !c.Present || c.Changed || c.Diff != "" {
			t.Errorf("%s: a lone column has nothing to differ from: %+v", r.Key, c)
		}
	}
	empty := NewMatrix(nil, nil)
	raw, _ := json.Marshal(empty)
	if string(raw) != `{"drafts":[],"compared_with":[],"rows":[],"counts":{"rows":0,"varies":0,"not_reported":0},"sources":[]}` {
		t.Errorf("empty matrix = %s", raw)
	}
}

func TestMatrixOfTheSameDraftTwice(t *testing.T) {
	d := matrixDrafts(t)[0]
	m := NewMatrix([]DraftProvisions{d, d}, nil)
	for _, r := range m.Rows {
		if r.Varies || r.Cells[1].Diff != StatusUnchanged {
			t.Errorf("%s differs from itself: %+v", r.Key, r.Cells[1])
		}
	}
}

// TestMatrixCarriesKeysThroughPartialDrafts: a key a partial draft does
// not mention is carried over, muted, from its last known value; its
// return is compared with that value, so it never reads as removed and
// then added again. Only a complete draft removes, and a withdrawal does.
func TestMatrixCarriesKeysThroughPartialDrafts(t *testing.T) {
	guarantee := provision(t, "guarantee", "security_guarantee", `{"model":"article5_like","duration_years":10}`,
		func(p *models.Provision) { p.Point = "10" })
	guarantee15 := guarantee
	guarantee15.Terms, guarantee15.Point, guarantee15.Sources = json.RawMessage(`{"model":"article5_like","duration_years":15}`), "", cite("Kyiv Independent")
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	cap6renumbered := cap6
	cap6renumbered.Point = "" // the same cap, its point number not reported
	amnesty := provision(t, "amnesty", "amnesty", `{"scope":"full"}`, func(p *models.Provision) { p.Point = "26" })
	dropped := amnesty
	dropped.Status = "withdrawn"
	ceasefire := provision(t, "ceasefire", "ceasefire", `{"trigger":"on signature"}`, func(p *models.Provision) { p.Point = "28" })
	kinburn := provision(t, "kinburn", "demilitarized_zone", `{"area":"Kinburn Spit"}`, func(p *models.Provision) { p.Point = "" })
	leak := provision(t, "leak", "other", `{}`, func(p *models.Provision) { p.Point = "" })

	draft := func(id int64, label, coverage string, ps ...models.Provision) DraftProvisions {
		return DraftProvisions{models.Draft{ID: id, PlanID: 1, Number: int(id), Label: label, Status: "working", Coverage: coverage}, ps}
	}
	m := NewMatrix([]DraftProvisions{
		draft(1, "28 points", "complete", guarantee, cap6, amnesty, ceasefire),
		draft(2, "Geneva", "partial", cap6, dropped),
		draft(3, "Leak", "partial", leak),
		draft(4, "20 points", "partial", guarantee15, cap6renumbered, kinburn, leak),
		draft(5, "Final", "complete", guarantee15, cap6renumbered),
	}, nil)
	type cell struct {
		diff     DiffStatus
		changed  bool
		present  bool
		headline string
		note     string
	}
	carried := func(headline, from, in string) cell {
		return cell{StatusNotReported, false, false, headline, "carried over from " + from + ", not reported in " + in}
	}
	want := map[string][]cell{
		"guarantee": {{"", false, true, "Article 5-like, 10 years", ""}, carried("Article 5-like, 10 years", "v1 28 points", "v2 Geneva"),
			carried("Article 5-like, 10 years", "v1 28 points", "v3 Leak"), {StatusChanged, true, true, "Article 5-like, 15 years", ""},
			{StatusUnchanged, false, true, "Article 5-like, 15 years", ""}},
		"troop-cap": {{"", false, true, "600,000 people", ""}, {StatusUnchanged, false, true, "600,000 people", ""},
			carried("600,000 people", "v2 Geneva", "v3 Leak"), {StatusUnchanged, false, true, "600,000 people", ""},
			{StatusUnchanged, false, true, "600,000 people", ""}},
		"amnesty": {{"", false, true, "full", ""}, {StatusRemoved, true, true, "full", "withdrawn in v2 Geneva"},
			carried("full", "v2 Geneva", "v3 Leak"), carried("full", "v2 Geneva", "v4 20 points"),
			{StatusRemoved, true, false, "", ""}},
		"ceasefire": {{"", false, true, "on signature", ""}, carried("on signature", "v1 28 points", "v2 Geneva"),
			carried("on signature", "v1 28 points", "v3 Leak"), carried("on signature", "v1 28 points", "v4 20 points"),
			{StatusRemoved, true, false, "", ""}},
		// The complete first draft lacked it: added, and new.
		"kinburn": {{}, {}, {}, {StatusAdded, true, true, "Kinburn Spit", ""}, {StatusRemoved, true, false, "", ""}},
		// The complete first draft lacked it; the partial one between says
		// nothing: added.
		"leak": {{}, {}, {StatusAdded, true, true, "Title of leak", ""},
			{StatusUnchanged, false, true, "Title of leak", ""}, {StatusRemoved, true, false, "", ""}},
	}
	for _, r := range m.Rows {
		for i, w := range want[r.Key] {
			c := r.Cells[i]
			got := cell{c.Diff, c.Changed, c.Present, c.Headline, c.Note}
			if got != w {
				t.Errorf("%s, column %d: %+v\nwant %+v", r.Key, i+1, got, w)
			}
			if c.Diff == StatusNotReported && (c.CarriedFrom == "" || c.ProvisionID != 0 || c.Status == "") {
				t.Errorf("%s, column %d: a carried cell names its origin and shows its value: %+v", r.Key, i+1, c)
			}
		}
		for i := 1; i < len(r.Cells); i++ {
			if r.Cells[i-1].Diff == StatusRemoved && !r.Cells[i-1].Withdrawn && r.Cells[i].Diff == StatusAdded {
				t.Errorf("%s: removed in column %d and added again", r.Key, i)
			}
		}
	}
	// The guarantee's change in the 20 points is its duration (substance);
	// its citation and point number changed too (sourcing only).
	for _, r := range m.Rows {
		if r.Key == "guarantee" {
			if c := r.Cells[3]; !reflect.DeepEqual(c.ChangedFields, []string{"Duration"}) || !reflect.DeepEqual(c.SourcingFields, []string{"Sources", "Point"}) {
				t.Errorf("guarantee in the 20 points: changed %v, sourcing %v", c.ChangedFields, c.SourcingFields)
			}
		}
		if r.Key == "troop-cap" && (r.Varies || !reflect.DeepEqual(r.Cells[3].SourcingFields, []string{"Point"})) {
			t.Errorf("a troop cap that lost only its point number varies: %+v", r.Cells)
		}
	}
	if m.Counts.NotReported != 8 {
		t.Errorf("%d cells not reported, want 8", m.Counts.NotReported)
	}

	// With only partial drafts before it, a key that appears may only not
	// have been reported before, and the cell says so.
	m = NewMatrix([]DraftProvisions{draft(2, "Geneva", "partial", cap6), draft(4, "20 points", "partial", cap6, leak)}, nil)
	if c := m.Rows[1].Cells[1]; m.Rows[1].Key != "leak" || c.Diff != StatusAdded || c.Note != "not reported in v2 Geneva (partial): it may not be new" {
		t.Errorf("leak after a partial draft: %+v", m.Rows[1])
	}
}

// TestMatrixComparesEachDraftWithItsAncestor: the seed's four drafts in
// reading order put the E3 counter-proposal (forked from the 28-point
// draft) between the Geneva revision and the 20 points (forked from
// Geneva). E3 is compared with the 28-point draft, the 20 points with
// Geneva, and a key the 20 points do not mention carries Geneva's value
// (or the 28-point draft's), never E3's.
func TestMatrixComparesEachDraftWithItsAncestor(t *testing.T) {
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	cap8 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":800000}`)
	troops := provision(t, "nato-troops", "foreign_forces", `{"forces_of":["NATO"],"location":"Ukraine","presence":"prohibited"}`)
	troopsE3 := provision(t, "nato-troops", "foreign_forces", `{"forces_of":["NATO"],"location":"Ukraine","presence":"prohibited_in_peacetime"}`)
	drafts := []DraftProvisions{
		{draft28, []models.Provision{cap6, troops}},
		{draftGeneva, []models.Provision{cap8}},
		{draftE3, []models.Provision{cap8, troopsE3}},
		{draft20, []models.Provision{cap8}},
	}
	m := NewMatrix(drafts, NewLineage([]models.Draft{draft28, draftGeneva, draftE3, draft20}))
	if !reflect.DeepEqual(m.ComparedWith, []int{-1, 0, 0, 1}) {
		t.Fatalf("compared with %v", m.ComparedWith)
	}
	for _, r := range m.Rows {
		var got []string
		for _, c := range r.Cells {
			got = append(got, string(c.Diff)+" "+c.Headline+" "+c.CarriedFrom)
		}
		want := map[string][]string{
			// E3 raised the cap from the 28-point draft's, as Geneva did.
			"troop-cap": {" 600,000 people ", "changed 800,000 people ", "changed 800,000 people ", "unchanged 800,000 people "},
			"nato-troops": {" prohibited ", "not_reported prohibited v1 28-point draft", "changed prohibited in peacetime ",
				"not_reported prohibited v1 28-point draft"},
		}[r.Key]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q\nwant %q", r.Key, got, want)
		}
	}
}
