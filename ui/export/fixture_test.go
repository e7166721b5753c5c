package export

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/models/report"
)

// The fixture: two real drafts built the way the store builds them
// (provisions validated, then report.Summarize and report.Compare), the
// later one partial, so that its comparison has every status (changed, an
// unchanged key whose citation alone changed, a withdrawal, a key not
// reported, an addition), with
// Cyrillic text, a troop cap raised from 600,000 to 800,000, and text that
// tries to break each format: Markdown markup, CSV quotes, commas and line
// breaks, a spreadsheet formula, an emoji the PDF fonts lack.

var fixtureParties = []models.Party{
	{ShortName: "UA", Name: "Ukraine"},
	{ShortName: "RU", Name: "Russia"},
	{ShortName: "US", Name: "United States"},
	{ShortName: "EU", Name: "European Union"},
	{ShortName: "IAEA", Name: "International Atomic Energy Agency"},
	{ShortName: "FR", Name: "France"},
	{ShortName: "PL", Name: "Poland"},
}

const (
	citeAxios  = "Axios and The Telegraph full text, 20–21 Nov 2025 [sources/reported-drafts.md §A]"
	citeReuter = "Reuters, 23 Nov 2025, \"E3 counter-proposal\", p. 2"
	// citeStance is cited by a party's stance alone: it reaches the
	// reference list only if stances are numbered like provisions.
	citeStance = "Kyiv Independent, 24 Nov 2025, \"Kyiv backs the E3 cap\""
)

func provision(t testing.TB, p models.Provision, terms string) models.Provision {
	t.Helper()
	p.Terms = json.RawMessage(terms)
	if err := p.Validate(); err != nil {
		t.Fatalf("fixture provision %s: %v", p.Key, err)
	}
	return p
}

func fromDraft(t testing.TB) report.DraftProvisions {
	d := models.Draft{ID: 1, PlanID: 1, Number: 1, Label: "28-point draft", Date: "2025-11-20", Status: "superseded", Coverage: "complete",
		Description: "The US 28-point draft as reported on 20–21 Nov 2025.",
		Sources:     cite("Interfax-Ukraine, 21 Nov 2025, citing Axios", citeAxios),
		Signatories: []string{"UA", "US", "RU"}}
	return report.DraftProvisions{Draft: d, Provisions: []models.Provision{
		provision(t, models.Provision{ID: 11, Key: "troop-cap", Point: "6", Kind: "troop_cap",
			Title: "Cap on Ukraine's armed forces", Text: "Ukraine's armed forces are capped at 600,000 personnel.",
			Sourcing: "reported", Sources: cite(citeAxios),
			Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor", Stance: "opposes", StanceSources: cite(citeAxios)}}},
			`{"party":"UA","limit":600000,"peacetime_only":true}`),
		provision(t, models.Provision{ID: 12, Key: "security-guarantee", Point: "10", Kind: "security_guarantee",
			Title: "Security guarantee", Text: "The US provides a guarantee, void if Ukraine invades Russia.",
			Sourcing: "reported", Sources: cite(citeAxios),
			Parties: []models.ProvisionParty{{Party: "US", Role: "guarantor", Stance: "supports", StanceSources: cite(citeAxios)}, {Party: "UA", Role: "beneficiary"}}},
			`{"model":"article5_like","guarantors":["US","PL"],"duration_years":10}`),
		provision(t, models.Provision{ID: 13, Key: "zaporizhzhia-npp", Point: "19", Kind: "nuclear_facility",
			Title: "Запорізька АЕС", Text: "Запорізька АЕС is restarted under Russian control; electricity is split 50/50.",
			Sourcing: "reported", Sources: cite(citeAxios),
			Parties: []models.ProvisionParty{{Party: "IAEA", Role: "monitor"}}},
			`{"facility":"Запорізька АЕС","management":"joint","output_split":"50/50"}`),
		provision(t, models.Provision{ID: 14, Key: "amnesty", Point: "26", Kind: "amnesty",
			Title: "Full amnesty", Text: "All parties receive full amnesty for their actions during the war.",
			Sourcing: "reported", Sources: cite(citeAxios)},
			`{"scope":"full","waives_claims":true}`),
		provision(t, models.Provision{ID: 15, Key: "elections", Point: "25", Kind: "elections",
			Title: "Elections in 100 days", Text: "Ukraine holds elections in 100 days.",
			Sourcing: "reported", Sources: cite(citeAxios)},
			`{"country":"UA","within_days":100}`),
	}}
}

func toDraft(t testing.TB) report.DraftProvisions {
	d := models.Draft{ID: 5, PlanID: 2, Number: 1, Label: "E3 counter-proposal", Date: "2025-11-23", Status: "circulated", Coverage: "partial",
		Sources: cite(citeReuter), Signatories: []string{"UA", "EU", "RU"}}
	return report.DraftProvisions{Draft: d, Provisions: []models.Provision{
		provision(t, models.Provision{ID: 51, Key: "troop-cap", Point: "6", Kind: "troop_cap",
			Title: "Cap on Ukraine's armed forces", Text: "Ukraine's armed forces are capped at 800,000 personnel in peacetime.",
			Sourcing: "reported", Sources: cite(citeReuter),
			Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor", Stance: "supports", StanceDate: "2025-11-24", StanceSources: cite(citeStance)}}},
			`{"party":"UA","limit":800000,"peacetime_only":true}`),
		provision(t, models.Provision{ID: 52, Key: "security-guarantee", Point: "10", Kind: "security_guarantee",
			Title: "Security guarantee", Text: "The US provides a guarantee, void if Ukraine invades Russia.",
			Sourcing: "reported", Sources: cite(citeReuter), // changed in sourcing only
			Parties: []models.ProvisionParty{{Party: "US", Role: "guarantor", Stance: "supports", StanceSources: cite(citeAxios)}, {Party: "UA", Role: "beneficiary"}}},
			`{"model":"article5_like","guarantors":["US","PL"],"duration_years":10}`),
		provision(t, models.Provision{ID: 53, Key: "zaporizhzhia-npp", Point: "19", Kind: "nuclear_facility",
			Title: "Запорізька АЕС", Text: "Запорізька АЕС is restarted under IAEA supervision; electricity is split 50/50.",
			Sourcing: "reported", Sources: cite(citeReuter),
			Parties: []models.ProvisionParty{{Party: "IAEA", Role: "monitor", Stance: "supports", StanceSources: cite(citeAxios)}}},
			`{"facility":"Запорізька АЕС","management":"iaea_supervised","supervised_by":["IAEA"],"output_split":"50/50"}`),
		provision(t, models.Provision{ID: 54, Key: "elections", Point: "25", Kind: "elections",
			Title: "Elections in 100 days", Text: "Ukraine holds elections in 100 days.",
			Status: "withdrawn", Sourcing: "reported", Sources: cite(citeAxios)},
			`{"country":"UA","within_days":100}`),
		provision(t, models.Provision{ID: 55, Key: "reconstruction-fund", Kind: "reconstruction",
			Title:    `Fund *A* | "B", and <C>`,
			Text:     "=SUM(A1:A2) is not a formula here.\n- Not a list item either, but a line of its own 🚀.\n\n1. Nor a numbered list.",
			Sourcing: "unconfirmed", Sources: cite("Unnamed E3 diplomat, \"quoted\", Brussels")},
			`{"fund":"Ukraine Development Fund","amount_usd_bn":100,"managed_by":["EU","FR"]}`),
	}}
}

var fixturePlan = models.Plan{ID: 1, Title: "US peace framework", Origin: "US"}

func testSummary(t testing.TB) report.Summary {
	d := fromDraft(t)
	return report.Summarize(fixturePlan, d.Draft, d.Provisions, fixtureParties)
}

// testSummaryTo is the later draft's summary: it holds the awkward text.
func testSummaryTo(t testing.TB) report.Summary {
	d := toDraft(t)
	return report.Summarize(models.Plan{ID: 2, Title: "European counter-proposal", Origin: "EU"}, d.Draft, d.Provisions, fixtureParties)
}

func testComparison(t testing.TB) report.Comparison {
	return report.Compare(fromDraft(t), toDraft(t))
}

// cite makes citations of sources known only by their reference, which
// exports print as given.
func cite(refs ...string) []models.Citation {
	out := make([]models.Citation, len(refs))
	for i, ref := range refs {
		out[i] = models.Citation{Source: models.Slugify(ref), Sourcing: "reported", Reference: ref}
	}
	return out
}

// testProvenance is the fixture's history: exported at a fixed time by a
// named analyst, as of a recorded change, with the records of two of the
// sources cited (the rest are known only by their citation's reference),
// and the E3 text forked from the 28-point draft.
var testProvenance = Provenance{
	AsOf:       time.Date(2025, 11, 24, 9, 30, 0, 0, time.UTC),
	ExportedAt: time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC),
	ExportedBy: "analyst",
	Sources: []models.Source{
		{Key: models.Slugify(citeAxios), Publisher: "Axios", Title: "The 28-point plan, full text", Date: "2025-11-20",
			URL: "https://www.axios.com/2025/11/20/ukraine-peace-plan-full-text"},
		{Key: models.Slugify(citeReuter), Publisher: "Reuters", Title: "E3 counter-proposal", Date: "2025-11-23"},
	},
	ForkedFrom: map[int64]string{5: "v1 28-point draft (US peace framework)"},
}

// exported writes doc (a summary, a comparison) in format with
// testProvenance, as Summary or Comparison does, failing the test on an
// error: exported(t, Summary, s, "csv").
func exported[T any](t testing.TB, write func(io.Writer, T, Provenance, string) error, doc T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, doc, testProvenance, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
