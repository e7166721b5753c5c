package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// In English the UI's verdict line is the API's (models.Verdict.Line),
// case by case; in Ukrainian none of it is English.
func TestVerdictLineEnglishIsTheAPIs(t *testing.T) {
	ua800 := models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "limit", Op: ">=", Value: json.RawMessage(`800000`)}
	notCeded := models.Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "disposition", Op: "not_in", Value: json.RawMessage(`["ceded","recognized_de_jure"]`)}
	usIn := models.Position{Party: "UA", Key: "security-guarantee", Kind: "security_guarantee", Term: "guarantors", Op: "in", Value: json.RawMessage(`"US"`)}
	ref := models.Position{Party: "UA", Key: "donbas", Kind: "territorial", Term: "requires_referendum", Op: "==", Value: json.RawMessage(`true`)}
	words := models.Position{Party: "RU", Key: "donbas", Kind: "territorial", Words: "by Anchorage"}
	noTerm := models.Position{Party: "UA", Key: "troop-cap", Kind: "troop_cap", Term: "no_such", Op: ">=", Value: json.RawMessage(`1`)}
	troopCap := func(terms string) models.Provision {
		return models.Provision{Key: "troop-cap", Kind: "troop_cap", Terms: json.RawMessage(terms)}
	}
	donbas := models.Provision{Key: "donbas", Kind: "territorial", Terms: json.RawMessage(`{"region":"Donbas","disposition":"ceded","requires_referendum":false}`)}
	verdicts := []models.Verdict{
		ua800.Check(troopCap(`{"party":"UA","limit":600000}`)),
		ua800.Check(troopCap(`{"party":"UA","limit":800000}`)),
		ua800.Check(troopCap(`{"party":"UA"}`)),
		ua800.Check(models.Provision{Key: "troop-cap", Kind: "other", Terms: json.RawMessage(`{}`)}),
		noTerm.Check(troopCap(`{}`)),
		notCeded.Check(donbas), ref.Check(donbas), words.Check(donbas),
		usIn.Check(models.Provision{Key: "security-guarantee", Kind: "security_guarantee", Terms: json.RawMessage(`{"guarantors":["FR"]}`)}),
	}
	for _, coverage := range []string{"complete", "partial"} {
		d := models.CheckDraft(models.PlanDraft{Coverage: coverage}, nil, []models.Position{ua800, words})
		for _, c := range d.Absent {
			verdicts = append(verdicts, c.Verdict)
		}
	}
	en, uk := i18n.For(i18n.English), i18n.For(i18n.Ukrainian)
	reasons := map[string]bool{}
	for _, v := range verdicts {
		reasons[v.Reason] = true
		if got := verdictLine(en, v); got != v.Line {
			t.Errorf("%s in English: %q, want the API's %q", v.Reason, got, v.Line)
		}
		got := verdictLine(uk, v)
		for _, w := range []string{"stated position", "asked", "silent", "one of", "none of", "includes", "words only", "verdict.line", "asked."} {
			if strings.Contains(got, w) {
				t.Errorf("%s in Ukrainian: %q has %q", v.Reason, got, w)
			}
		}
	}
	if len(reasons) != 6 {
		t.Errorf("the cases checked are %v, want all six", reasons)
	}
}
