package models

import (
	"encoding/json"
	"testing"
)

func validTroopCap() Provision {
	return Provision{Key: "troop-cap", Point: "6", Kind: "troop_cap", Title: "Troop cap",
		Terms: json.RawMessage(`{"party":"UA","limit":600000}`), Sourcing: "reported", Sources: cite("Axios, 20 Nov 2025"),
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
	tests := []struct {
		name   string
		mutate func(*Provision)
		fields []string
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validTroopCap()
			tt.mutate(&p)
			err := p.Validate()
			verr, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("want ValidationError, got %v", err)
			}
			var got []string
			for _, fe := range verr.Errors {
				got = append(got, fe.Field)
			}
			for _, f := range tt.fields {
				if !contains(got, f) {
					t.Errorf("errors %v do not name %s", got, f)
				}
			}
		})
	}
}

func TestSortKeyAndHeadline(t *testing.T) {
	p := validTroopCap()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.SortKey() != 6 {
		t.Errorf("SortKey = %d", p.SortKey())
	}
	if h := p.Headline(); h != "600,000 people" {
		t.Errorf("Headline = %q", h)
	}
	p.Point = "15–20"
	if p.SortKey() != 15 {
		t.Errorf("range SortKey = %d", p.SortKey())
	}
	p.Point = ""
	if p.SortKey() <= 1000 {
		t.Errorf("unnumbered provisions must sort last, got %d", p.SortKey())
	}
}

func TestFormatNumber(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 600000: "600,000", 1234567.891: "1,234,567.89", -1500: "-1,500", 12.5: "12.5", 100: "100"} {
		if got := FormatNumber(in); got != want {
			t.Errorf("FormatNumber(%v) = %q, want %q", in, got, want)
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
