package models

import (
	"encoding/json"
	"testing"
)

func validTroopCap() Provision {
	return Provision{Key: "troop-cap", Point: "6", Kind: "troop_cap", Title: "Troop cap",
		Terms: json.RawMessage(`{"party":"UA","limit":600000}`), Sourcing: "reported", Sources: []Citation{{Source: "axios-20-nov-2025", Sourcing: "reported", Reference: "Axios, 20 Nov 2025"}},
		Parties: []ProvisionParty{{Party: "UA", Role: "obligor"}}}
}

func TestProvisionValidateFillsDefaults(t *testing.T) {
	p := validTroopCap()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.Category != "security" || p.Status != "proposed" || p.Parties[0].Stance != "unknown" {
		t.Fatalf("defaults not applied: %+v", p)
	}
}

func TestProvisionValidateReportsEveryField(t *testing.T) {
	checkBrokenCases(t, validTroopCap, (*Provision).Validate, []brokenCase[Provision]{
		{"bad key", func(p *Provision) { p.Key = "Troop Cap" }, []string{"key"}},
		{"unknown kind", func(p *Provision) { p.Kind = "teleport" }, []string{"kind"}},
		{"bad point", func(p *Provision) { p.Point = "six" }, []string{"point"}},
		{"point range ok, status bad", func(p *Provision) { p.Point = "15–20"; p.Status = "maybe" }, []string{"status"}},
		{"no sources", func(p *Provision) { p.Sources = nil }, []string{"sources"}},
		{"bad sourcing", func(p *Provision) { p.Sourcing = "rumour" }, []string{"sourcing"}},
		{"bad role and terms together", func(p *Provision) {
			p.Parties[0].Role = "bystander"
			p.Terms = json.RawMessage(`{"party":"UA","limit":-5}`)
		}, []string{"parties[0].role", "terms.limit"}},
		{"party twice in one role", func(p *Provision) {
			p.Parties = append(p.Parties, ProvisionParty{Party: "UA", Role: "obligor"})
		}, []string{"parties[1]"}},
	})
}

func TestSortKeyAndHeadline(t *testing.T) {
	p := validTroopCap()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.PointNumber() != 6 {
		t.Errorf("PointNumber = %d", p.PointNumber())
	}
	if h := p.Headline(); h != "600,000 people" {
		t.Errorf("Headline = %q", h)
	}
	six := p.SortKey()
	p.Point = "15–20"
	if p.PointNumber() != 15 || p.SortKey() <= six {
		t.Errorf("range: PointNumber = %d, SortKey = %d (point 6: %d)", p.PointNumber(), p.SortKey(), six)
	}
	p.Point = ""
	if p.SortKey() <= 1000*subPoints {
		t.Errorf("unnumbered provisions must sort after every point, got %d", p.SortKey())
	}
}

// Sub-points sort after their point and before the next one, in letter
// order; a range sorts where its first point does.
func TestSortKeyOrdersSubPoints(t *testing.T) {
	ordered := []string{"1", "1–5", "3", "10", "10a", "10a–c", "10b", "10c", "11–13", "21", "21a", "21c", "21z", "22", "999z", ""}
	for i := 1; i < len(ordered); i++ {
		a, b := Provision{Point: ordered[i-1]}, Provision{Point: ordered[i]}
		if a.SortKey() > b.SortKey() {
			t.Errorf("%q (sort key %d) sorts after %q (%d)", a.Point, a.SortKey(), b.Point, b.SortKey())
		}
	}
	for point, want := range map[string]struct {
		n      int
		letter rune
	}{"21c": {21, 'c'}, "10a–c": {10, 'a'}, "15–20": {15, 0}, "7": {7, 0}, "": {0, 0}} {
		p := Provision{Point: point}
		if p.PointNumber() != want.n || p.SubPoint() != want.letter {
			t.Errorf("%q: PointNumber %d, SubPoint %q; want %d, %q", point, p.PointNumber(), p.SubPoint(), want.n, want.letter)
		}
	}
	if (Provision{Point: "21"}).SortKey() == (Provision{Point: "21a"}).SortKey() {
		t.Error("21 and 21a share a sort key")
	}
}

func TestPointPattern(t *testing.T) {
	for point, ok := range map[string]bool{
		"6": true, "28": true, "21c": true, "10a": true, "15–20": true, "15-20": true, "10a–c": true, "10a–10c": true, "10–10c": true,
		"six": false, "21C": false, "21cc": false, "a": false, "10a–": false, "–5": false, "1234": false, "10 a": false, "10a–cd": false,
	} {
		p := validTroopCap()
		p.Point = point
		err := p.Validate()
		if got := err == nil; got != ok {
			t.Errorf("point %q: valid = %v, want %v (%v)", point, got, ok, err)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{"US peace framework": "us-peace-framework", "  E3 — counter-proposal!": "e3-counter-proposal", "Мирний план": "untitled"} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoneyReadsCurrencyFirst(t *testing.T) {
	k, _ := KindByName("assets")
	f, _ := k.Field("amount_usd_bn")
	if got := FormatValue(f, json.RawMessage(`100`)); got != "USD 100 bn" {
		t.Fatalf("amount = %q", got)
	}
	pct, _ := k.Field("profit_share_pct")
	if got := FormatValue(pct, json.RawMessage(`50`)); got != "50%" {
		t.Fatalf("share = %q", got)
	}
}

func TestPartyReferences(t *testing.T) {
	p := Provision{Kind: "security_guarantee", Terms: json.RawMessage(`{"model":"article5_like","guarantors":["US","FR"],"response_decided_by":"US"}`),
		Parties: []ProvisionParty{{Party: "UA", Role: "beneficiary"}}}
	got := p.PartyReferences()
	want := []PartyReference{{"parties[0].party", "UA"}, {"terms.guarantors[0]", "US"}, {"terms.guarantors[1]", "FR"}, {"terms.response_decided_by", "US"}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
