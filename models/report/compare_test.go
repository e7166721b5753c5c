package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/worddiff"
)

// provision builds a valid provision of kind with terms, changed by edits.
func provision(t *testing.T, key, kind, terms string, edits ...func(*models.Provision)) models.Provision {
	t.Helper()
	p := models.Provision{Key: key, Point: "6", Kind: kind, Title: "Title of " + key,
		Text: "The armed forces of Ukraine are capped at 600,000 people.", Terms: json.RawMessage(terms),
		Status: "proposed", Sourcing: "reported", Sources: cite("Axios, 20 Nov 2025"),
		Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor", Stance: "opposes"}, {Party: "RU", Role: "signatory"}}}
	for _, edit := range edits {
		edit(&p)
	}
	mustValidate(t, &p)
	return p
}

func withTerms(terms string) func(*models.Provision) {
	return func(p *models.Provision) { p.Terms = json.RawMessage(terms) }
}

// fc is the part of a FieldChange a test states; nil lists are not checked.
type fc struct {
	Field, Before, After, Delta, Summary string
	Added, Removed                       []string
}

func checkChanges(t *testing.T, got []FieldChange, want []fc) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d:\n%s", len(got), len(want), summaries(got))
	}
	for i, w := range want {
		g := got[i]
		if g.Field != w.Field || g.Before != w.Before || g.After != w.After || g.Delta != w.Delta || g.Summary != w.Summary {
			t.Errorf("change %d:\n got %q %q → %q (%q) %q\nwant %q %q → %q (%q) %q", i,
				g.Field, g.Before, g.After, g.Delta, g.Summary, w.Field, w.Before, w.After, w.Delta, w.Summary)
		}
		if w.Added != nil && !reflect.DeepEqual(g.Added, w.Added) || w.Removed != nil && !reflect.DeepEqual(g.Removed, w.Removed) {
			t.Errorf("change %d: added %q removed %q, want %q %q", i, g.Added, g.Removed, w.Added, w.Removed)
		}
		if g.String() != g.Summary || g.Label == "" || g.Type == "" {
			t.Errorf("change %d lacks a label, type or String: %+v", i, g)
		}
	}
}

func summaries(changes []FieldChange) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString("  " + c.Field + ": " + c.Summary + "\n")
	}
	return b.String()
}

func TestCompareProvisions(t *testing.T) {
	const cap6 = `{"party":"UA","limit":600000}`
	const guarantee = `{"model":"article5_like","guarantors":["US","PL","UK"],"duration_years":10}`
	tests := []struct {
		name       string
		kind       string
		terms      string
		from, to   func(*models.Provision)
		want       []fc
		wantStatus DiffStatus
	}{
		{name: "number up", kind: "troop_cap", terms: cap6, to: withTerms(`{"party":"UA","limit":800000}`),
			want: []fc{{Field: "terms.limit", Before: "600,000 people", After: "800,000 people", Delta: "+33.3%",
				Summary: "Limit: 600,000 people → 800,000 people (+33.3%)"}}},
		{name: "number down", kind: "troop_cap", terms: `{"party":"UA","limit":800000}`, to: withTerms(cap6),
			want: []fc{{Field: "terms.limit", Before: "800,000 people", After: "600,000 people", Delta: "−25.0%",
				Summary: "Limit: 800,000 people → 600,000 people (−25.0%)"}}},
		{name: "number from zero has no percentage", kind: "assets",
			terms: `{"disposition":"joint_vehicle","profit_share_pct":0}`, to: withTerms(`{"disposition":"joint_vehicle","profit_share_pct":50}`),
			want: []fc{{Field: "terms.profit_share_pct", Before: "0%", After: "50%", Summary: "Share of profits: 0% → 50%"}}},
		{name: "absent to present", kind: "security_guarantee", terms: `{"model":"article5_like"}`,
			to:   withTerms(`{"model":"article5_like","duration_years":10}`),
			want: []fc{{Field: "terms.duration_years", Before: "—", After: "10 years", Summary: "Duration: — → 10 years"}}},
		{name: "present to absent", kind: "security_guarantee", terms: `{"model":"article5_like","duration_years":10}`,
			to:   withTerms(`{"model":"article5_like"}`),
			want: []fc{{Field: "terms.duration_years", Before: "10 years", After: "—", Summary: "Duration: 10 years → —"}}},
		{name: "boolean not stated to yes, and yes to no", kind: "troop_cap", terms: `{"party":"UA","limit":600000,"peacetime_only":true}`,
			from: withTerms(cap6), to: withTerms(`{"party":"UA","limit":600000,"peacetime_only":false}`),
			want: []fc{{Field: "terms.peacetime_only", Before: "—", After: "no", Summary: "Peacetime only: — → no"}}},
		{name: "boolean yes to no", kind: "troop_cap", terms: `{"party":"UA","limit":600000,"peacetime_only":true}`,
			to:   withTerms(`{"party":"UA","limit":600000,"peacetime_only":false}`),
			want: []fc{{Field: "terms.peacetime_only", Before: "yes", After: "no", Summary: "Peacetime only: yes → no"}}},
		{name: "enum by label", kind: "security_guarantee", terms: guarantee,
			to: withTerms(`{"model":"bilateral_commitment","guarantors":["US","PL","UK"],"duration_years":10}`),
			want: []fc{{Field: "terms.model", Before: "Article 5-like", After: "bilateral commitment",
				Summary: "Model: Article 5-like → bilateral commitment"}}},
		{name: "party list as a set", kind: "security_guarantee", terms: guarantee,
			to: withTerms(`{"model":"article5_like","guarantors":["UK","US","FR"],"duration_years":10}`),
			want: []fc{{Field: "terms.guarantors", Before: "US, PL, UK", After: "UK, US, FR", Delta: "+FR −PL",
				Summary: "Guarantors: +FR −PL", Added: []string{"FR"}, Removed: []string{"PL"}}}},
		{name: "party list reordered is no change", kind: "security_guarantee", terms: guarantee,
			to: withTerms(`{"model":"article5_like","guarantors":["UK","PL","US"],"duration_years":10}`), wantStatus: StatusUnchanged},
		{name: "party list from none", kind: "security_guarantee", terms: `{"model":"article5_like"}`,
			to: withTerms(`{"model":"article5_like","guarantors":["US"]}`),
			want: []fc{{Field: "terms.guarantors", Before: "—", After: "US", Delta: "+US", Summary: "Guarantors: +US",
				Added: []string{"US"}}}},
		{name: "single party and text terms", kind: "security_guarantee", terms: `{"model":"other","response_decided_by":"US","void_if":"Ukraine invades Russia"}`,
			to: withTerms(`{"model":"other","response_decided_by":"NATO","void_if":"Ukraine attacks Moscow"}`),
			want: []fc{
				{Field: "terms.response_decided_by", Before: "US", After: "NATO", Summary: "Response decided by: US → NATO"},
				{Field: "terms.void_if", Before: "Ukraine invades Russia", After: "Ukraine attacks Moscow", Summary: "Void if: Ukraine invades Russia → Ukraine attacks Moscow"}}},
		{name: "stance change", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) { p.Parties[1].Stance = "opposes" },
			want: []fc{{Field: "parties.RU.signatory", Before: "signatory, stance unknown", After: "signatory, stance opposes",
				Summary: "RU: signatory, stance unknown → opposes"}}},
		{name: "party added and removed", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) {
				p.Parties = []models.ProvisionParty{{Party: "RU", Role: "signatory"}, {Party: "US", Role: "guarantor", Stance: "supports"},
					{Party: "UA", Role: "obligor", Stance: "opposes"}, {Party: "FR", Role: "guarantor", Stance: "supports"}}
			},
			from: func(p *models.Provision) {
				p.Parties = append(p.Parties, models.ProvisionParty{Party: "PL", Role: "guarantor", Stance: "reserved"})
			},
			want: []fc{
				{Field: "parties.FR.guarantor", Before: "—", After: "guarantor, stance supports", Delta: "+FR",
					Summary: "FR: added as guarantor, stance supports", Added: []string{"FR"}},
				{Field: "parties.PL.guarantor", Before: "guarantor, stance reserved", After: "—", Delta: "−PL",
					Summary: "PL: removed as guarantor", Removed: []string{"PL"}},
				{Field: "parties.US.guarantor", Before: "—", After: "guarantor, stance supports", Delta: "+US",
					Summary: "US: added as guarantor, stance supports"}}},
		{name: "party moved to another role", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) { p.Parties[1].Role = "guarantor" },
			want: []fc{
				{Field: "parties.RU.guarantor", Before: "—", After: "guarantor, stance unknown", Delta: "+RU", Summary: "RU: added as guarantor, stance unknown"},
				{Field: "parties.RU.signatory", Before: "signatory, stance unknown", After: "—", Delta: "−RU", Summary: "RU: removed as signatory"}}},
		{name: "parties reordered is no change", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) { p.Parties[0], p.Parties[1] = p.Parties[1], p.Parties[0] }, wantStatus: StatusUnchanged},
		{name: "status", kind: "troop_cap", terms: cap6, to: func(p *models.Provision) { p.Status = "agreed" },
			want: []fc{{Field: "status", Before: "Proposed", After: "Agreed", Summary: "Status: Proposed → Agreed"}}},
		// Sourcing-only changes: the row stays unchanged in substance.
		{name: "sourcing and citation", kind: "troop_cap", terms: cap6, wantStatus: StatusUnchanged,
			to: func(p *models.Provision) { p.Sourcing, p.Sources = "official-text", cite("Official text, 3 Dec 2025") },
			want: []fc{
				{Field: "sourcing", Before: "Reported", After: "Official text", Summary: "Sourcing: Reported → Official text"},
				{Field: "sources", Before: "Axios, 20 Nov 2025", After: "Official text, 3 Dec 2025", Summary: "Sources: Axios, 20 Nov 2025 → Official text, 3 Dec 2025"}}},
		// Our labels for the point: not substance either.
		{name: "title, point and category", kind: "troop_cap", terms: cap6, wantStatus: StatusUnchanged,
			to: func(p *models.Provision) { p.Title, p.Point, p.Category = "Army size", "", "implementation" },
			want: []fc{
				{Field: "title", Before: "Title of k", After: "Army size", Summary: "Title: Title of k → Army size"},
				{Field: "point", Before: "6", After: "—", Summary: "Point: 6 → —"},
				{Field: "category", Before: "Security", After: "Implementation and guarantees", Summary: "Category: Security → Implementation and guarantees"}}},
		{name: "kind change shows terms whole", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) {
				p.Kind, p.Terms = "security_guarantee", json.RawMessage(`{"model":"article5_like","duration_years":10}`)
			},
			want: []fc{
				{Field: "kind", Before: "Troop cap", After: "Security guarantee", Summary: "Kind: Troop cap → Security guarantee"},
				{Field: "terms", Before: "Whose forces: UA; Limit: 600,000 people", After: "Model: Article 5-like; Duration: 10 years",
					Summary: "Terms: Whose forces: UA; Limit: 600,000 people → Model: Article 5-like; Duration: 10 years"}}},
		{name: "kind change from a kind with no terms", kind: "other", terms: `{}`,
			to: func(p *models.Provision) { p.Kind, p.Terms = "troop_cap", json.RawMessage(cap6) },
			want: []fc{
				{Field: "kind", Before: "Other", After: "Troop cap", Summary: "Kind: Other → Troop cap"},
				{Field: "terms", Before: "—", After: "Whose forces: UA; Limit: 600,000 people", Summary: "Terms: — → Whose forces: UA; Limit: 600,000 people"},
				{Field: "category", Before: "Governance", After: "Security", Summary: "Category: Governance → Security"}}},
		{name: "wording", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) {
				p.Text = "The armed forces of Ukraine are capped at 800,000 people in peacetime."
			},
			want: []fc{{Field: "text", Before: "The armed forces of Ukraine are capped at 600,000 people.",
				After:   "The armed forces of Ukraine are capped at 800,000 people in peacetime.",
				Summary: `Wording: −"600" +"800" +"in peacetime"`}}},
		{name: "Cyrillic wording", kind: "nuclear_facility", terms: `{"facility":"ЗАЕС","management":"iaea_supervised"}`,
			from: func(p *models.Provision) { p.Text = "Запорізька АЕС під наглядом МАГАТЕ" },
			to: func(p *models.Provision) {
				p.Text = "Запорізька АЕС під спільним управлінням США та Росії"
			},
			want: []fc{{Field: "text", Before: "Запорізька АЕС під наглядом МАГАТЕ", After: "Запорізька АЕС під спільним управлінням США та Росії",
				Summary: `Wording: −"наглядом МАГАТЕ" +"спільним управлінням США та Росії"`}}},
		{name: "identical", kind: "troop_cap", terms: cap6, wantStatus: StatusUnchanged},
		{name: "many changes come in a fixed order", kind: "troop_cap", terms: cap6,
			to: func(p *models.Provision) {
				p.Status, p.Text, p.Terms = "disputed", "Capped.", json.RawMessage(`{"party":"UA","limit":800000}`)
				p.Parties[0].Stance = "supports"
			},
			want: []fc{
				{Field: "terms.limit", Before: "600,000 people", After: "800,000 people", Delta: "+33.3%", Summary: "Limit: 600,000 people → 800,000 people (+33.3%)"},
				{Field: "parties.UA.obligor", Before: "obligor, stance opposes", After: "obligor, stance supports", Summary: "UA: obligor, stance opposes → supports"},
				{Field: "text", Before: "The armed forces of Ukraine are capped at 600,000 people.", After: "Capped.",
					Summary: `Wording: −"The armed forces of Ukraine are capped at 600,000 people" +"Capped"`},
				{Field: "status", Before: "Proposed", After: "Disputed", Summary: "Status: Proposed → Disputed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := provision(t, "k", tt.kind, tt.terms, orNoop(tt.from))
			to := provision(t, "k", tt.kind, tt.terms, orNoop(tt.from), orNoop(tt.to))
			checkChanges(t, CompareProvisions(from, to), tt.want)

			// The same through Compare, as one row: the substance in
			// Changes, the sourcing-only changes apart, each in order.
			c := Compare(DraftProvisions{models.Draft{ID: 1, Coverage: "complete"}, []models.Provision{from}}, DraftProvisions{models.Draft{ID: 2, Coverage: "complete"}, []models.Provision{to}})
			var substance, sourcing []fc
			for _, w := range tt.want {
				if IsSubstanceField(w.Field) {
					substance = append(substance, w)
				} else {
					sourcing = append(sourcing, w)
				}
			}
			want := tt.wantStatus
			if want == "" {
				want = StatusChanged
			}
			if len(c.Rows) != 1 || c.Rows[0].Status != want {
				t.Fatalf("Compare: rows %+v, want one %s", c.Rows, want)
			}
			checkChanges(t, c.Rows[0].Changes, substance)
			checkChanges(t, c.Rows[0].SourcingChanges, sourcing)
		})
	}
}

func orNoop(f func(*models.Provision)) func(*models.Provision) {
	if f == nil {
		return func(*models.Provision) {}
	}
	return f
}

func TestWordingChangeCarriesTheWordDiff(t *testing.T) {
	from := provision(t, "zaes", "nuclear_facility", `{"facility":"ЗАЕС","management":"iaea_supervised"}`,
		func(p *models.Provision) {
			p.Text = "Запорізька АЕС під наглядом МАГАТЕ."
		})
	to := from
	to.Text = "Запорізька АЕС працює під наглядом США та МАГАТЕ."
	changes := CompareProvisions(from, to)
	if len(changes) != 1 || changes[0].Type != "wording" {
		t.Fatalf("changes = %s", summaries(changes))
	}
	want := []worddiff.Run{{Op: worddiff.Equal, Text: "Запорізька АЕС "}, {Op: worddiff.Insert, Text: "працює "}, {Op: worddiff.Equal, Text: "під наглядом "},
		{Op: worddiff.Insert, Text: "США та "}, {Op: worddiff.Equal, Text: "МАГАТЕ."}}
	if !reflect.DeepEqual(changes[0].Words, want) {
		t.Errorf("words = %q, want %q", changes[0].Words, want)
	}
	if changes[0].Summary != `Wording: +"працює" +"США та"` {
		t.Errorf("summary = %q", changes[0].Summary)
	}
}

func TestWordingSummaryCountsLongChanges(t *testing.T) {
	long := strings.Repeat("word ", 40)
	got := wordingSummary([]worddiff.Run{{Op: worddiff.Equal, Text: "Keep "}, {Op: worddiff.Delete, Text: long + "п'ять"}, {Op: worddiff.Insert, Text: "one"}})
	if got != "Wording: 41 words deleted, 1 inserted" {
		t.Errorf("summary = %q", got)
	}
	if got := wordingSummary([]worddiff.Run{{Op: worddiff.Equal, Text: "a"}, {Op: worddiff.Delete, Text: "  "}, {Op: worddiff.Insert, Text: " "}, {Op: worddiff.Equal, Text: "b"}}); got != `Wording: −"(whitespace)" +"(whitespace)"` {
		t.Errorf("whitespace summary = %q", got)
	}
}

// TestOnlyKeepsTheRowsOfItsStatuses: Only keeps the rows of the statuses
// given, in order, with the counts of every key and the sources of what
// it keeps; given none, it keeps the comparison as it is.
func TestOnlyKeepsTheRowsOfItsStatuses(t *testing.T) {
	c := Comparison{
		From: DraftRef{Sources: []string{"draft A"}},
		Rows: []ComparisonRow{
			{Key: "a", Status: StatusChanged, To: &ProvisionBrief{Citation: "cites a"}},
			{Key: "b", Status: StatusUnchanged, To: &ProvisionBrief{Citation: "cites b"}},
			{Key: "c", Status: StatusAdded, To: &ProvisionBrief{Citation: "cites c"}},
		},
		Counts: Counts{Changed: 1, Unchanged: 1, Added: 1, Total: 3},
	}
	c.Sources = c.sourcesShown()
	if got := c.Only(); !reflect.DeepEqual(got, c) {
		t.Errorf("Only() gave %+v", got)
	}
	got := c.Only(StatusAdded, StatusChanged)
	if len(got.Rows) != 2 || got.Rows[0].Key != "a" || got.Rows[1].Key != "c" {
		t.Fatalf("rows %+v", got.Rows)
	}
	if got.Counts != c.Counts {
		t.Errorf("counts %+v, want every key's %+v", got.Counts, c.Counts)
	}
	if want := []string{"draft A", "cites a", "cites c"}; !reflect.DeepEqual(got.Sources, want) {
		t.Errorf("sources %q, want %q", got.Sources, want)
	}
	if len(c.Rows) != 3 || len(c.Sources) != 4 {
		t.Errorf("Only changed the comparison it was given: %d rows, %d sources", len(c.Rows), len(c.Sources))
	}
}
