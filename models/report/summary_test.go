package report

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"plantracker/models"
)

func TestSummarize(t *testing.T) {
	plan := models.Plan{ID: 3, Title: "US peace framework", Origin: "US"}
	draft := models.Draft{ID: 7, PlanID: 3, Number: 2, Label: "Geneva revision", Date: "2025-11-23", Status: "circulated",
		Description: "After the Geneva talks.", Sources: cite("Axios, 20 Nov 2025", "AP, 26 Nov 2025"),
		Signatories: []string{"UA", "US", "XX"}}
	parties := []models.Party{{ShortName: "UA", Name: "Ukraine"}, {ShortName: "US", Name: "United States"}, {ShortName: "RU", Name: "Russia"}}
	provisions := []models.Provision{
		provision(t, "sanctions", "sanctions", `{"target":"RU","action":"lifted_in_stages"}`,
			func(p *models.Provision) { p.Point, p.Sources = "14", cite("Reuters, 22 Nov 2025") }),
		provision(t, "no-number", "other", `{}`, func(p *models.Provision) { p.Point, p.Category, p.Title = "", "security", "Unnumbered" }),
		provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":800000,"peacetime_only":true}`,
			func(p *models.Provision) {
				p.Parties[0].StanceDate, p.Parties[0].StanceSources = "2025-11-24", cite("Kyiv Independent, 24 Nov 2025")
				p.Parties[1].Stance = "unknown" // cites nothing
			}),
		provision(t, "donbas", "territorial", `{"region":"Donetsk","disposition":"frozen_at_line_of_contact"}`,
			func(p *models.Provision) { p.Point, p.Status = "21", "disputed" }),
		provision(t, "guarantee", "security_guarantee", `{"model":"article5_like","duration_years":10}`,
			func(p *models.Provision) { p.Point, p.Key = "10", "guarantee" }),
	}
	s := Summarize(plan, draft, provisions, parties)

	if s.Plan != (PlanRef{ID: 3, Title: "US peace framework", Origin: "US", OriginName: "United States"}) {
		t.Errorf("plan = %+v", s.Plan)
	}
	if s.Draft.Name != "v2 Geneva revision" || s.Draft.StatusLabel != "Circulated" || s.Description != "After the Geneva talks." {
		t.Errorf("draft = %+v", s.Draft)
	}
	wantSignatories := []PartyRef{{"UA", "Ukraine"}, {"US", "United States"}, {"XX", "XX"}}
	if !reflect.DeepEqual(s.Signatories, wantSignatories) {
		t.Errorf("signatories = %+v", s.Signatories)
	}

	// Groups in Categories order, empty ones left out; within a group by
	// point, the unnumbered last.
	var got []string
	for _, g := range s.Groups {
		var keys []string
		for _, p := range g.Provisions {
			keys = append(keys, p.Key)
		}
		got = append(got, g.Label+": "+strings.Join(keys, " "))
	}
	want := []string{"Security: troop-cap guarantee no-number", "Territory: donbas", "Economic: sanctions"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %q, want %q", got, want)
	}
	if s.Count != 5 {
		t.Errorf("count = %d", s.Count)
	}

	cap := s.Groups[0].Provisions[0]
	if cap.Headline != "800,000 people" || cap.KindLabel != "Troop cap" || cap.Point != "6" || cap.StatusLabel != "Proposed" ||
		cap.SourcingLabel != "Reported" || cap.Citation != "Axios, 20 Nov 2025" || cap.Text == "" {
		t.Errorf("troop cap = %+v", cap)
	}
	wantTerms := []FormattedTerm{{"party", "Whose forces", "UA"}, {"limit", "Limit", "800,000 people"}, {"peacetime_only", "Peacetime only", "yes"}}
	if !reflect.DeepEqual(cap.Terms, wantTerms) {
		t.Errorf("terms = %+v", cap.Terms)
	}
	wantParties := []SummaryParty{
		{PartyRef{"UA", "Ukraine"}, "obligor", "Obligor", "opposes", "Opposes", "2025-11-24", cite("Kyiv Independent, 24 Nov 2025")},
		{PartyRef{"RU", "Russia"}, "signatory", "Signatory", "unknown", "Unknown", "", []models.Citation{}},
	}
	if !reflect.DeepEqual(cap.Parties, wantParties) {
		t.Errorf("parties = %+v", cap.Parties)
	}
	if g := s.Groups[0].Provisions[1]; g.Headline != "Article 5-like, 10 years" {
		t.Errorf("guarantee headline = %q", g.Headline)
	}
	if o := s.Groups[0].Provisions[2]; o.Headline != "Unnumbered" || o.Terms == nil || len(o.Terms) != 0 {
		t.Errorf("a provision without terms falls back to its title: %+v", o)
	}
	if d := s.Groups[1].Provisions[0]; d.Headline != "frozen at the line of contact" || d.StatusLabel != "Disputed" {
		t.Errorf("donbas = %+v", d)
	}

	// A stance's source is cited like a provision's, after it.
	wantSources := []string{"Axios, 20 Nov 2025", "AP, 26 Nov 2025", "Kyiv Independent, 24 Nov 2025", "Generated stance source", "Reuters, 22 Nov 2025"}
	if !reflect.DeepEqual(s.Sources, wantSources) {
		t.Errorf("sources = %q, want %q", s.Sources, wantSources)
	}
}

func TestSummarizeAnEmptyDraft(t *testing.T) {
	s := Summarize(models.Plan{Title: "Empty"}, models.Draft{Label: "blank", Status: "working"}, nil, nil)
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{`"signatories":[]`, `"groups":[]`, `"count":0`, `"sources":[]`} {
		if !strings.Contains(string(raw), part) {
			t.Errorf("%s lacks %s", raw, part)
		}
	}
}
