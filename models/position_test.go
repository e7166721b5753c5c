package models

import (
	"encoding/json"
	"strings"
	"testing"
)

func sourced() []Citation { return []Citation{{Source: "ukrinform-2025-12-24", Sourcing: "reported"}} }

func TestPositionValidate(t *testing.T) {
	tests := []struct {
		name  string
		p     Position
		field string // "" when valid
	}{
		{"troop cap at least", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`800000`), Date: "2025-12-23", Sources: sourced()}, ""},
		{"words only", Position{Party: "RU", Key: "donbas", Kind: "territorial", Words: "by Anchorage", Date: "2026-01-23", Sources: sourced()}, ""},
		{"no words, no term", Position{Party: "RU", Key: "donbas", Kind: "territorial", Date: "2026-01-23", Sources: sourced()}, "words"},
		{"term not on kind", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "duration_years", Op: ">=", Value: json.RawMessage(`30`), Date: "2025-12-23", Sources: sourced()}, "term"},
		{"unknown kind", Position{Party: "UA", Key: "troop-cap", Kind: "troops", Words: "x", Date: "2025-12-23", Sources: sourced()}, "kind"},
		{"limit not a number", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`"many"`), Date: "2025-12-23", Sources: sourced()}, "value"},
		{"limit out of bounds", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`0`), Date: "2025-12-23", Sources: sourced()}, "value"},
		{"years not whole", Position{Party: "UA", Key: "guarantee-term", Kind: "term", Term: "duration_years", Op: ">=", Value: json.RawMessage(`30.5`), Date: "2025-12-29", Sources: sourced()}, "value"},
		{">= on a boolean", Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "requires_referendum", Op: ">=", Value: json.RawMessage(`true`), Date: "2026-02-17", Sources: sourced()}, "op"},
		{">= on an enum", Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "disposition", Op: ">=", Value: json.RawMessage(`"ceded"`), Date: "2026-02-17", Sources: sourced()}, "op"},
		{"enum not an option", Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "disposition", Op: "not_in", Value: json.RawMessage(`["given away"]`), Date: "2026-02-17", Sources: sourced()}, "value"},
		{"in needs a list", Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "disposition", Op: "in", Value: json.RawMessage(`"ceded"`), Date: "2026-02-17", Sources: sourced()}, "value"},
		{"op without term", Position{Party: "UA", Key: "donbas", Kind: "territorial", Op: "==", Words: "x", Date: "2026-02-17", Sources: sourced()}, "op"},
		{"unknown op", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">", Value: json.RawMessage(`1`), Date: "2025-12-23", Sources: sourced()}, "op"},
		{"no source", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`800000`), Date: "2025-12-23"}, "sources"},
		{"no value", Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Date: "2025-12-23", Sources: sourced()}, "value"},
		{"guarantors include", Position{Party: "UA", Key: "security-guarantee", Kind: "security_guarantee", Term: "guarantors", Op: "in", Value: json.RawMessage(`"US"`), Date: "2025-12-23", Sources: sourced()}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if !contains(errorFields(t, err), tt.field) {
				t.Errorf("want an error on %s, got %v", tt.field, err)
			}
		})
	}
}

func TestPositionCheck(t *testing.T) {
	ua800 := Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`800000`)}
	ua30 := Position{Party: "UA", Key: "guarantee-term", Kind: "term", Term: "duration_years", Op: ">=", Value: json.RawMessage(`30`)}
	ref := Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "requires_referendum", Op: "==", Value: json.RawMessage(`true`)}
	notCeded := Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "disposition", Op: "not_in", Value: json.RawMessage(`["ceded","recognized_de_jure"]`)}
	usIn := Position{Party: "UA", Key: "security-guarantee", Kind: "security_guarantee", Term: "guarantors", Op: "in", Value: json.RawMessage(`"US"`)}
	words := Position{Party: "RU", Key: "donbas", Kind: "territorial", Words: "by Anchorage"}
	cap := func(limit string) Provision {
		return Provision{Key: "troop-cap", Kind: "troop_cap", Terms: json.RawMessage(`{"party":"UA","limit":` + limit + `}`)}
	}
	tests := []struct {
		name     string
		pos      Position
		p        Provision
		verdict  string
		contains string
		reason   string
	}{
		{"28 points: 600,000 crosses ≥ 800,000", ua800, cap("600000"), VerdictCrosses, "crosses UA's stated position: limit 600,000 people, asked ≥ 800,000", ReasonCompared},
		{"20 points: 800,000 meets", ua800, cap("800000"), VerdictMeets, "meets UA's stated position", ReasonCompared},
		{"850,000 meets", ua800, cap("850000"), VerdictMeets, "850,000", ReasonCompared},
		{"15 years crosses ≥ 30", ua30, Provision{Key: "guarantee-term", Kind: "term", Terms: json.RawMessage(`{"applies_to":"security-guarantee","duration_years":15}`)}, VerdictCrosses, "15 years, asked ≥ 30", ReasonCompared},
		{"term unstated is silent", ua30, Provision{Key: "guarantee-term", Kind: "term", Terms: json.RawMessage(`{"applies_to":"security-guarantee"}`)}, VerdictSilent, "does not state the duration", ReasonNotStated},
		{"another kind is silent", ua800, Provision{Key: "troop-cap", Kind: "other", Terms: json.RawMessage(`{}`)}, VerdictSilent, "not a Troop cap", ReasonOtherKey},
		{"referendum unstated", ref, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"withdrawal"}`)}, VerdictSilent, "", ReasonNotStated},
		{"referendum stated false", ref, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"withdrawal","requires_referendum":false}`)}, VerdictCrosses, "", ReasonCompared},
		{"referendum stated true", ref, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"withdrawal","requires_referendum":true}`)}, VerdictMeets, "", ReasonCompared},
		{"ceded is not_in", notCeded, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"ceded"}`)}, VerdictCrosses, "none of", ReasonCompared},
		{"frozen is fine", notCeded, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"frozen_at_line_of_contact"}`)}, VerdictMeets, "", ReasonCompared},
		{"US among guarantors", usIn, Provision{Key: "security-guarantee", Kind: "security_guarantee", Terms: json.RawMessage(`{"guarantors":["US","FR"]}`)}, VerdictMeets, "includes US", ReasonCompared},
		{"US not among guarantors", usIn, Provision{Key: "security-guarantee", Kind: "security_guarantee", Terms: json.RawMessage(`{"guarantors":["FR"]}`)}, VerdictCrosses, "", ReasonCompared},
		{"words are unchecked", words, Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"ceded"}`)}, VerdictUnchecked, "by Anchorage", ReasonUnchecked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.pos.validateForTest(); err != nil && tt.pos.Term != "" {
				t.Fatalf("position invalid: %v", err)
			}
			v := tt.pos.Check(tt.p)
			if v.Verdict != tt.verdict || !strings.Contains(v.Line, tt.contains) {
				t.Errorf("got %s %q, want %s containing %q", v.Verdict, v.Line, tt.verdict, tt.contains)
			}
			// The parts a reader's language says the line from.
			if v.Reason != tt.reason || v.Party != tt.pos.Party || v.Term != tt.pos.Term || v.Asked != tt.pos.Asked() {
				t.Errorf("parts: reason %q party %q term %q asked %q; want %q and the position's", v.Reason, v.Party, v.Term, v.Asked, tt.reason)
			}
		})
	}
}

// validateForTest validates a copy with the fields a check does not need
// filled in.
func (p Position) validateForTest() error {
	p.Date, p.Sources = "2025-12-01", sourced()
	return p.Validate()
}

func TestImplementationStepValidate(t *testing.T) {
	ok := ImplementationStep{Event: "2026-02-05-prisoner-exchange", Date: "2026-02-05", Score: 3, Evidence: "157 for 157", Sources: sourced()}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	if ok.ScoreLabel() != "Full" {
		t.Errorf("score label %q", ok.ScoreLabel())
	}
	for name, s := range map[string]ImplementationStep{
		"score 4":  {Event: "e", Date: "2026-02-05", Score: 4, Evidence: "x", Sources: sourced()},
		"neither":  {Date: "2026-02-05", Score: 1, Evidence: "x", Sources: sourced()},
		"both":     {Event: "e", DraftID: 1, Key: "k", Date: "2026-02-05", Score: 1, Evidence: "x", Sources: sourced()},
		"no draft": {Key: "k", Date: "2026-02-05", Score: 1, Evidence: "x", Sources: sourced()},
		"no date":  {Event: "e", Score: 1, Evidence: "x", Sources: sourced()},
	} {
		if err := s.Validate(); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func TestPositionPatchToWords(t *testing.T) {
	p := Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`800000`), Date: "2025-12-23", Sources: sourced()}
	empty, words := "", "as large as it is"
	PositionPatch{Term: &empty, Words: &words}.Apply(&p)
	if err := p.Validate(); err != nil || p.Op != "" || p.Value != nil {
		t.Fatalf("%+v %v", p, err)
	}
	if v := p.Check(Provision{Key: "troop-cap", Kind: "troop_cap", Terms: json.RawMessage(`{"party":"UA","limit":1}`)}); v.Verdict != VerdictUnchecked {
		t.Errorf("%+v", v)
	}
}
