package models

import (
	"encoding/json"
	"testing"
)

func TestRenameParty(t *testing.T) {
	tests := []struct {
		name        string
		p           Provision
		wantTerms   string
		wantParties []ProvisionParty
		wantRenamed bool
	}{
		{"a troop cap's party", Provision{Kind: "troop_cap", Terms: json.RawMessage(`{"party":"RENX","limit":5}`)},
			`{"party":"NEWX","limit":5}`, nil, true},
		{"a guarantor among others, and a link", Provision{Kind: "security_guarantee",
			Terms:   json.RawMessage(`{"model":"article5_like","guarantors":["US","RENX","FR"]}`),
			Parties: []ProvisionParty{{Party: "UA", Role: "beneficiary"}, {Party: "RENX", Role: "guarantor"}}},
			`{"model":"article5_like","guarantors":["US","NEWX","FR"]}`,
			[]ProvisionParty{{Party: "UA", Role: "beneficiary"}, {Party: "NEWX", Role: "guarantor"}}, true},
		{"another party's provision", Provision{Kind: "troop_cap", Terms: json.RawMessage(`{"party":"UA","limit":5}`)},
			`{"party":"UA","limit":5}`, nil, false},
		{"a name in free text is not a reference", Provision{Kind: "other", Title: "RENX", Terms: json.RawMessage(`{}`)},
			`{}`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, renamed := tt.p.RenameParty("RENX", "NEWX")
			if renamed != tt.wantRenamed || string(got.Terms) != tt.wantTerms {
				t.Fatalf("renamed %v, terms %s; want %v, %s", renamed, got.Terms, tt.wantRenamed, tt.wantTerms)
			}
			for i, pp := range tt.wantParties {
				if !got.Parties[i].Equal(pp) {
					t.Fatalf("parties %+v, want %+v", got.Parties, tt.wantParties)
				}
			}
			if len(tt.p.Parties) > 1 && tt.p.Parties[1].Party != "RENX" {
				t.Fatal("the original provision's links were changed")
			}
		})
	}
}
