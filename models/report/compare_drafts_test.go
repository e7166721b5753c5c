package report

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"plantracker/models"
)

func rowKeys(c Comparison) []string {
	var out []string
	for _, r := range c.Rows {
		out = append(out, r.Key+":"+string(r.Status))
	}
	return out
}

func TestCompareDrafts(t *testing.T) {
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	cap8 := cap6
	cap8.Terms = json.RawMessage(`{"party":"UA","limit":800000}`)
	amnesty := provision(t, "amnesty", "amnesty", `{"scope":"full"}`, func(p *models.Provision) { p.Point = "26" })
	donbas := provision(t, "donbas", "territorial", `{"region":"Donetsk","disposition":"ceded"}`,
		func(p *models.Provision) { p.Point, p.Sources = "21", cite("Interfax-Ukraine, 21 Nov 2025") })
	nato := provision(t, "nato", "alliance_membership", `{"alliance":"NATO","membership":"renounced"}`,
		func(p *models.Provision) { p.Point = "7" })
	// In the later draft the NATO point moves to territory, point 2: the row follows it.
	natoMoved := nato
	natoMoved.Point, natoMoved.Category = "2", "territory"
	unnumbered := provision(t, "aaa-unnumbered", "other", `{}`, func(p *models.Provision) { p.Point, p.Category = "", "security" })
	ceasefire := provision(t, "ceasefire", "ceasefire", `{"trigger":"on signature"}`, func(p *models.Provision) { p.Point = "6" })

	from := DraftProvisions{models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "28 points", Status: "superseded", Coverage: "complete",
		Sources: cite("Axios, 20 Nov 2025")}, []models.Provision{amnesty, cap6, donbas, nato, unnumbered}}
	to := DraftProvisions{models.Draft{ID: 9, PlanID: 2, Number: 1, Label: "European counter-proposal", Status: "circulated", Coverage: "complete",
		Sources: cite("Reuters, 23 Nov 2025", "Axios, 20 Nov 2025")}, []models.Provision{natoMoved, ceasefire, unnumbered, cap8, donbas}}
	c := Compare(from, to)

	// The NATO point moved (point and category: not substance) is unchanged.
	want := []string{"ceasefire:added", "troop-cap:changed", "aaa-unnumbered:unchanged", "nato:unchanged", "donbas:unchanged", "amnesty:removed"}
	if got := rowKeys(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("rows %v\nwant %v", got, want)
	}
	if c.Counts != (Counts{Added: 1, Removed: 1, Changed: 1, Unchanged: 3, SourcingOnly: 1, Total: 6}) {
		t.Errorf("counts = %+v", c.Counts)
	}
	if c.From.Name != "v1 28 points" || c.To.PlanID != 2 || c.To.StatusLabel != "Circulated" {
		t.Errorf("draft refs = %+v / %+v", c.From, c.To)
	}

	added, changed, removed, nat := c.Rows[0], c.Rows[1], c.Rows[5], c.Rows[3]
	if added.From != nil || added.To == nil || added.To.Headline != "on signature" || len(added.Changes) != 0 || added.Changes == nil {
		t.Errorf("added row = %+v", added)
	}
	if removed.To != nil || removed.From == nil || removed.Title != "Title of amnesty" || removed.From.Headline != "full" {
		t.Errorf("removed row = %+v", removed)
	}
	if changed.From.Headline != "600,000 people" || changed.To.Headline != "800,000 people" || len(changed.Changes) != 1 {
		t.Errorf("changed row = %+v", changed)
	}
	if nat.Category != "territory" || nat.Point != "2" || nat.CategoryLabel != "Territory" {
		t.Errorf("a row takes its place from the later draft: %+v", nat)
	}
	// The point number and the category are labels, not substance.
	checkChanges(t, nat.Changes, nil)
	checkChanges(t, nat.SourcingChanges, []fc{
		{Field: "point", Before: "7", After: "2", Summary: "Point: 7 → 2"},
		{Field: "category", Before: "Security", After: "Territory", Summary: "Category: Security → Territory"}})
	if len(changed.From.Terms) != 2 || changed.From.Terms[1] != (FormattedTerm{"limit", "Limit", "600,000 people"}) {
		t.Errorf("brief terms = %+v", changed.From.Terms)
	}

	wantSources := []string{"Axios, 20 Nov 2025", "Reuters, 23 Nov 2025", "Interfax-Ukraine, 21 Nov 2025"}
	if !reflect.DeepEqual(c.Sources, wantSources) {
		t.Errorf("sources = %q, want %q", c.Sources, wantSources)
	}

	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"swapped":false`,
		`"counts":{"added":1,"removed":1,"withdrawn":0,"not_reported":0,"changed":1,"unchanged":3,"sourcing_only":1,"total":6}`,
		`"status":"added"`, `"from":null`, `"changes":[]`, `"sourcing_changes":[]`, `"coverage":"complete","coverage_label":"Complete text"`, `"field":"terms.limit"`, `"delta":"+33.3%"`,
		`"summary":"Limit: 600,000 people → 800,000 people (+33.3%)"`} {
		if !strings.Contains(string(raw), s) {
			t.Errorf("comparison JSON lacks %s", s)
		}
	}
}

func TestCompareIdenticalAndEmptyDrafts(t *testing.T) {
	ps := []models.Provision{
		provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`),
		provision(t, "zaes", "nuclear_facility", `{"facility":"ЗАЕС","management":"iaea_supervised"}`, func(p *models.Provision) { p.Point = "12" }),
	}
	d := func(id int64, ps []models.Provision) DraftProvisions {
		return DraftProvisions{models.Draft{ID: id, Label: "d", Status: "working", Coverage: "complete"}, ps}
	}
	tests := []struct {
		name     string
		from, to []models.Provision
		want     Counts
		rows     []string
	}{
		{"identical", ps, ps, Counts{Unchanged: 2, Total: 2}, []string{"troop-cap:unchanged", "zaes:unchanged"}},
		{"both empty", nil, nil, Counts{}, nil},
		{"earlier empty", nil, ps, Counts{Added: 2, Total: 2}, []string{"troop-cap:added", "zaes:added"}},
		{"later empty", ps, []models.Provision{}, Counts{Removed: 2, Total: 2}, []string{"troop-cap:removed", "zaes:removed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(d(1, tt.from), d(2, tt.to))
			if c.Counts != tt.want || !reflect.DeepEqual(rowKeys(c), tt.rows) {
				t.Errorf("counts %+v rows %v, want %+v %v", c.Counts, rowKeys(c), tt.want, tt.rows)
			}
			raw, _ := json.Marshal(c)
			if !strings.Contains(string(raw), `"rows":[`) || !strings.Contains(string(raw), `"sources":[`) {
				t.Errorf("rows and sources must be lists, even empty: %s", raw)
			}
		})
	}
}

func TestCompareTakesTheFirstOfADuplicatedKey(t *testing.T) {
	a := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`)
	b := a
	b.Terms = json.RawMessage(`{"party":"UA","limit":900000}`)
	c := Compare(DraftProvisions{models.Draft{ID: 1}, []models.Provision{a, b}}, DraftProvisions{models.Draft{ID: 2}, []models.Provision{a, b}})
	if len(c.Rows) != 1 || c.Rows[0].Status != StatusUnchanged || c.Rows[0].To.Headline != "600,000 people" {
		t.Errorf("rows = %+v", c.Rows)
	}
}

// TestCompareIsDeterministic compares the generated drafts twice (the rows
// are built in parallel above parallelRows) and against a sequential build.
func TestCompareIsDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 20,000 provisions")
	}
	benchData(t)
	first, err := json.Marshal(Compare(benchFrom, benchTo))
	if err != nil {
		t.Fatal(err)
	}
	second, _ := json.Marshal(Compare(benchFrom, benchTo))
	if string(first) != string(second) {
		t.Fatal("two comparisons of the same drafts differ")
	}
	// Row by row through CompareProvisions, which shares nothing.
	c := Compare(benchFrom, benchTo)
	rows := map[string]ComparisonRow{}
	for _, r := range c.Rows {
		rows[r.Key] = r
	}
	from := map[string]models.Provision{}
	for _, p := range benchFrom.Provisions {
		from[p.Key] = p
	}
	checked := 0
	for _, q := range benchTo.Provisions {
		p, ok := from[q.Key]
		if !ok {
			continue
		}
		row := rows[q.Key]
		if row.Withdrawn {
			continue // removed: a withdrawn provision lists no changes
		}
		substance, sourcing := splitSourcing(CompareProvisions(p, q))
		// What the later draft does not record, Compare says so; between
		// versions of one provision it is a change (TestNotRecordedIsNotRemoved).
		unrecorded := map[string]bool{}
		var got []FieldChange
		for _, fc := range row.Changes {
			if fc.NotRecorded {
				unrecorded[fc.Field] = true
			}
		}
		for _, fc := range row.Changes {
			if !unrecorded[fc.Field] {
				got = append(got, fc)
			}
		}
		row.Changes = got
		substance = slices.DeleteFunc(substance, func(fc FieldChange) bool { return unrecorded[fc.Field] })
		for _, side := range []struct{ got, want []FieldChange }{{row.Changes, substance}, {row.SourcingChanges, sourcing}} {
			if len(side.want)+len(side.got) > 0 && !reflect.DeepEqual(side.got, side.want) {
				t.Fatalf("%s: Compare says\n%s\nCompareProvisions says\n%s", q.Key, summaries(side.got), summaries(side.want))
			}
		}
		checked++
	}
	if checked < 9000 {
		t.Errorf("only %d rows checked", checked)
	}
}
