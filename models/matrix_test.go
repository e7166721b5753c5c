package models

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// matrixDrafts are three drafts in which keys change, vanish and return.
func matrixDrafts(t *testing.T) []DraftProvisions {
	troopCap := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	nato := provision(t, "nato", "alliance_membership", `{"alliance":"NATO","candidate":"UA","membership":"renounced"}`,
		func(p *Provision) { p.Point = "7" })
	zaes := provision(t, "zaes", "nuclear_facility", `{"facility":"ЗАЕС","management":"iaea_supervised"}`,
		func(p *Provision) {
			p.Point, p.Text, p.Sources = "12", "Запорізька АЕС під наглядом МАГАТЕ", cite("Interfax-Ukraine, 21 Nov 2025")
		})
	sanctions := provision(t, "sanctions", "sanctions", `{"target":"RU","action":"lifted_in_stages"}`,
		func(p *Provision) { p.Point = "20" })
	ceasefire := provision(t, "ceasefire", "ceasefire", `{"trigger":"on signature"}`, func(p *Provision) { p.Point = "1" })
	elections := provision(t, "elections", "elections", `{"country":"UA","within_days":100}`, func(p *Provision) { p.Point = "25" })

	troopCap2 := troopCap
	troopCap2.Terms = json.RawMessage(`{"party":"UA","limit":800000}`)
	zaes2 := zaes
	zaes2.Text = "Запорізька АЕС під спільним управлінням"
	nato3 := nato
	nato3.Parties = []ProvisionParty{{Party: "UA", Role: "obligor", Stance: "supports"}, {Party: "RU", Role: "signatory", Stance: "unknown"}}

	draft := func(id int64, label string, ps ...Provision) DraftProvisions {
		return DraftProvisions{Draft{ID: id, PlanID: 1, Number: int(id), Label: label, Status: "working",
			Sources: cite("Axios, 20 Nov 2025", "Source of "+label)}, ps}
	}
	return []DraftProvisions{
		draft(1, "28 points", troopCap, nato, zaes, sanctions, ceasefire),
		draft(2, "Geneva", ceasefire, troopCap2, nato, zaes2, elections),
		draft(3, "20 points", sanctions, zaes2, nato3, troopCap2, ceasefire),
	}
}

func TestMatrix(t *testing.T) {
	m := NewMatrix(matrixDrafts(t))
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
	if m.Counts != (MatrixCounts{Rows: 6, Varies: 5}) {
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
	m := NewMatrix(drafts[:1])
	if len(m.Rows) != 5 || m.Counts.Varies != 0 {
		t.Fatalf("one draft: %d rows, %d vary", len(m.Rows), m.Counts.Varies)
	}
	for _, r := range m.Rows {
		if c := r.Cells[0]; !c.Present || c.Changed || c.Diff != "" {
			t.Errorf("%s: a lone column has nothing to differ from: %+v", r.Key, c)
		}
	}
	empty := NewMatrix(nil)
	raw, _ := json.Marshal(empty)
	if string(raw) != `{"drafts":[],"rows":[],"counts":{"rows":0,"varies":0},"sources":[]}` {
		t.Errorf("empty matrix = %s", raw)
	}
}

func TestMatrixOfTheSameDraftTwice(t *testing.T) {
	d := matrixDrafts(t)[0]
	m := NewMatrix([]DraftProvisions{d, d})
	for _, r := range m.Rows {
		if r.Varies || r.Cells[1].Diff != StatusUnchanged {
			t.Errorf("%s differs from itself: %+v", r.Key, r.Cells[1])
		}
	}
}
