package parse

import (
	"strings"
	"testing"

	"plantracker/models"
)

// TestReadTerms reads one kind's terms from one sentence, a row per rule.
func TestReadTerms(t *testing.T) {
	lex := newPartyLexicon(seedParties(t))
	for _, tc := range []struct {
		name, kind, text string
		want             string // the canonical terms
		low              string // a term that must be marked unsure, or ""
	}{
		{"number with its unit", "troop_cap", "The Armed Forces of Ukraine are capped at 600,000 personnel.",
			`{"party":"UA","force":"Armed Forces of Ukraine","limit":600000}`, "force"},
		{"bare number, unsure", "troop_cap", "Ukraine's army is capped at 600,000.",
			`{"party":"UA","force":"Ukraine's army","limit":600000}`, "limit"},
		{"boolean said", "troop_cap", "The Armed Forces of Ukraine are capped at 800,000 in peacetime.",
			`{"party":"UA","force":"Armed Forces of Ukraine","limit":800000,"peacetime_only":true}`, ""},
		{"boolean negated", "security_guarantee", "The US guarantee does not oblige anyone to intervene.",
			`{"guarantors":["US"],"obliges_intervention":false}`, ""},
		{"two amounts of one unit", "assets", "USD 100 billion of frozen Russian assets; Europe adds another $100bn.",
			`{"owner":"RU","amount_usd_bn":100,"matching_usd_bn":100,"matched_by":"EUROPE"}`, "disposition"},
		{"percent and party", "assets", "Frozen Russian assets go into a reconstruction vehicle, 50% of the profits to the US.",
			`{"owner":"RU","disposition":"reconstruction_vehicle","vehicle":"reconstruction vehicle","profit_share_pct":50,"profit_beneficiary":"US"}`, ""},
		{"enum by most cue words", "sanctions", "Sanctions on Russia are lifted in stages, case by case.",
			`{"target":"RU","action":"lifted_in_stages","conditions":"case by case"}`, ""},
		{"ratio", "nuclear_facility", "The Zaporizhzhia nuclear power plant under IAEA supervision, its power split 50:50 between Russia and Ukraine.",
			`{"facility":"Zaporizhzhia nuclear power plant","management":"iaea_supervised","supervised_by":["IAEA"],"output_split":"50:50 between Russia and Ukraine"}`, ""},
		{"the only party, unsure", "elections", "Elections are held in 100 days; Ukraine decides the date.",
			`{"country":"UA","within_days":100}`, "country"},
		{"required and missing", "territorial", "The line of contact is frozen.",
			`{"disposition":"frozen_at_line_of_contact"}`, "region"},
		{"a value the kind refuses is left out", "non_aggression", "Russia will not invade its neighbours.",
			`{}`, "parties"},
		{"years in words", "term", "The agreement runs for ten years, extendable by mutual agreement.",
			`{"duration_years":10,"extension":"mutual_agreement"}`, ""},
		{"nothing invented", "troop_cap", "The army is capped.",
			`{}`, "limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, _ := models.KindByName(tc.kind)
			terms, notes := encodeTerms(k, readTerms(k, newPDoc(tc.text, lex)))
			if string(terms) != tc.want {
				t.Errorf("terms %s, want %s", terms, tc.want)
			}
			for name, n := range notes {
				if _, ok := models.TermValues(terms)[name]; ok && n.Evidence == "" {
					t.Errorf("%s has no evidence: %+v", name, n)
				}
			}
			if tc.low != "" {
				if n, ok := notes[tc.low]; !ok || !n.LowConfidence() || n.Note == "" {
					t.Errorf("%s is not marked unsure: %+v", tc.low, notes)
				}
			}
		})
	}
}

// Every number a term takes is one the text states, with its unit.
func TestReadTermsTakesOnlyStatedNumbers(t *testing.T) {
	lex := newPartyLexicon(seedParties(t))
	k, _ := models.KindByName("troop_cap")
	for _, text := range []string{"Point 6 caps the army.", "The army is capped, as agreed on 20 November 2025.", "The army of 2025 is capped."} {
		terms, _ := encodeTerms(k, readTerms(k, newPDoc(text, lex)))
		if strings.Contains(string(terms), "limit") {
			t.Errorf("%q: %s", text, terms)
		}
	}
}
