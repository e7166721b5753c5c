package form

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"testing"

	"plantracker/models"
)

func TestTermsJSON(t *testing.T) {
	tests := []struct {
		name  string
		kind  string
		terms map[string][]string
		want  string
	}{
		{"numbers as numbers", "troop_cap", map[string][]string{"party": {"UA"}, "limit": {"600000"}}, `{"limit":600000,"party":"UA"}`},
		{"blank terms are not stated", "troop_cap", map[string][]string{"party": {"UA"}, "limit": {" "}, "force": {""}, "peacetime_only": {""}}, `{"party":"UA"}`},
		{"tri-state booleans", "troop_cap", map[string][]string{"peacetime_only": {"false"}}, `{"peacetime_only":false}`},
		{"a number that is not one goes on as text", "troop_cap", map[string][]string{"limit": {"1,000"}}, `{"limit":"1,000"}`},
		{"not a JSON number", "troop_cap", map[string][]string{"limit": {"0x10"}}, `{"limit":"0x10"}`},
		{"a boolean that is not one goes on as text", "troop_cap", map[string][]string{"peacetime_only": {"maybe"}}, `{"peacetime_only":"maybe"}`},
		{"party lists as lists", "security_guarantee", map[string][]string{"model": {"article5_like"}, "guarantors": {"US", "", "FR"}}, `{"guarantors":["US","FR"],"model":"article5_like"}`},
		{"terms of another kind are left out", "troop_cap", map[string][]string{"limit": {"5"}, "model": {"article5_like"}}, `{"limit":5}`},
		{"unknown kind", "nope", map[string][]string{"limit": {"5"}}, `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Provision{Kind: tt.kind, Terms: tt.terms}.TermsJSON()
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTermsJSONErrorsComeFromTheKind(t *testing.T) {
	k, _ := models.KindByName("troop_cap")
	f := Provision{Kind: "troop_cap", Terms: map[string][]string{"party": {"UA"}, "limit": {"lots"}}}
	_, _, err := k.DecodeTerms(f.TermsJSON())
	verr, ok := err.(*models.ValidationError)
	if !ok || ErrorsFrom(verr).For("terms.limit") != "must be a whole number" {
		t.Errorf("got %v", err)
	}
}

func TestParseProvision(t *testing.T) {
	v := url.Values{
		"key": {" troop-cap "}, "kind": {"troop_cap"}, "title": {" Cap "}, "version": {"3"},
		"terms.limit": {"5"}, "terms.model": {"article5_like"},
		"parties.0.party": {"UA"}, "parties.0.role": {"obligor"}, "parties.0.stance": {"opposes"},
		"parties.1.party": {""}, "parties.1.role": {"guarantor"}, "parties.1.stance": {"unknown"},
		"parties.2.party": {"RU"}, "parties.2.role": {"signatory"},
		"parties.999.party": {"US"},
	}
	f := ParseProvision(v)
	if f.Key != "troop-cap" || f.Title != "Cap" || f.Version != 3 || f.Term("limit") != "5" || f.Term("model") != "article5_like" {
		t.Errorf("got %+v", f)
	}
	want := []PartyRow{{Party: "UA", Role: "obligor", Stance: "opposes"}, {Party: "RU", Role: "signatory"}}
	if !reflect.DeepEqual(f.Parties, want) {
		t.Errorf("parties %+v, want %+v (blank rows dropped, rows past the cap ignored)", f.Parties, want)
	}
}

// TestFormRoundTrip: a stored provision shown in the form and posted back
// unchanged gives the same terms and parties.
func TestFormRoundTrip(t *testing.T) {
	p := models.Provision{Kind: "security_guarantee", Terms: json.RawMessage(`{"model":"article5_like","guarantors":["US","FR"],"duration_years":10,"renewable":false}`),
		Sources: []models.Citation{{Source: "axios", Sourcing: "reported", Locator: "point 10"}, {Source: "ap", Sourcing: "unconfirmed"}},
		Parties: []models.ProvisionParty{{Party: "UA", Role: "beneficiary", Stance: "supports", StanceDate: "2025-11-24",
			StanceSources: []models.Citation{{Source: "dw", Sourcing: "reported", Locator: "para 3"}, {Source: "ap", Sourcing: "unconfirmed"}}},
			{Party: "US", Role: "guarantor", Stance: "unknown"}}}
	f := FromProvision(p)
	k, _ := models.KindByName(p.Kind)
	_, canonical, err := k.DecodeTerms(f.TermsJSON())
	if err != nil || string(canonical) != string(p.Terms) {
		t.Errorf("terms %s (%v), want %s", canonical, err, p.Terms)
	}
	if !slices.EqualFunc(f.PartyLinks(), p.Parties, models.ProvisionParty.Equal) {
		t.Errorf("parties %+v", f.PartyLinks())
	}
	if !models.SameCitations(f.Citations(), p.Sources) {
		t.Errorf("sources %+v", f.Citations())
	}
}

func TestErrorsFrom(t *testing.T) {
	verr := &models.ValidationError{Errors: []models.FieldError{
		{Field: "terms.limit", Message: "a"},
		{Field: "terms.guarantors[1]", Message: "b"},
		{Field: "parties[0].role", Message: "c"},
		{Field: "parties[2]", Message: "d"},
		{Field: "key", Message: "e"},
		{Field: "terms.limit", Message: "f"},
		{Field: "sources[1].sourcing", Message: "g"},
		{Field: "parties[3].stance_sources[0].source", Message: "h"},
	}}
	e := ErrorsFrom(verr)
	for input, want := range map[string]string{
		"terms.limit": "a; f", "terms.guarantors": "b", "parties.0.role": "c", "parties.2.party": "d", "key": "e", "title": "",
		"sources.1.sourcing": "g", "parties.3.stance_source": "h",
	} {
		if got := e.For(input); got != want {
			t.Errorf("For(%q) = %q, want %q", input, got, want)
		}
	}
	if len(e.All()) != 8 || !e.Any() {
		t.Errorf("All() = %v", e.All())
	}
}
