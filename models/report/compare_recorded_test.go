package report

import (
	"testing"

	"plantracker/models"
)

// Issue 22, item 2: not recorded is not removed, and wording that changes
// only in case, punctuation or order is not a change of substance.

func compareOne(from, to models.Provision, toCoverage string) ComparisonRow {
	c := Compare(DraftProvisions{models.Draft{ID: 1, Label: "A", Coverage: "complete"}, []models.Provision{from}},
		DraftProvisions{models.Draft{ID: 2, Label: "B", Coverage: toCoverage}, []models.Provision{to}})
	return c.Rows[0]
}

func TestWordingOrderAndCaseOnlyIsNotChanged(t *testing.T) {
	const terms = `{"party":"UA","limit":600000}`
	from := provision(t, "cap", "troop_cap", terms, func(p *models.Provision) { p.Text = "A ceasefire between Russia and Ukraine." })
	for _, text := range []string{"A ceasefire between Ukraine and Russia.", "a ceasefire between russia and ukraine", "A ceasefire, between Russia and Ukraine!"} {
		to := from
		to.Text = text
		r := compareOne(from, to, "complete")
		if r.Status != StatusUnchanged {
			t.Errorf("%q → %q: %s, want unchanged: %s", from.Text, text, r.Status, summaries(r.Changes))
		}
		if len(r.Changes) != 1 || !r.Changes[0].FormOnly || r.Changes[0].Summary != "Wording: order/case only" {
			t.Errorf("%q: the change of form is not shown as such: %s", text, summaries(r.Changes))
		}
	}
	to := from
	to.Text = "A ceasefire between Russia and Ukraine and Belarus."
	if r := compareOne(from, to, "complete"); r.Status != StatusChanged || r.Changes[0].FormOnly {
		t.Errorf("a new word is a change: %s %s", r.Status, summaries(r.Changes))
	}
}

func TestNotRecordedIsNotRemoved(t *testing.T) {
	const terms = `{"party":"UA","limit":600000,"peacetime_only":true}`
	from := provision(t, "cap", "troop_cap", terms)
	// A partial draft that names no parties and leaves "peacetime only" out.
	to := provision(t, "cap", "troop_cap", `{"party":"UA","limit":600000}`, func(p *models.Provision) { p.Parties = nil })
	r := compareOne(from, to, "partial")
	if r.Status != StatusUnchanged {
		t.Errorf("status %s, want unchanged: %s", r.Status, summaries(r.Changes))
	}
	for _, fc := range r.Changes {
		if !fc.NotRecorded || len(fc.Removed) > 0 || fc.After != NotRecordedValue {
			t.Errorf("%s: %+v", fc.Field, fc)
		}
	}
	if len(r.Changes) != 3 { // peacetime only, UA and RU
		t.Errorf("want 3 not recorded changes: %s", summaries(r.Changes))
	}
	// A complete draft whose provision records no parties removes none.
	if r := compareOne(from, to, "complete"); r.Status != StatusChanged { // peacetime only is removed
		t.Errorf("complete: %s", r.Status)
	} else {
		for _, fc := range r.Changes {
			if fc.Type == "party_role" && !fc.NotRecorded {
				t.Errorf("complete, no parties recorded: %s", fc.Summary)
			}
		}
	}
	// A party recorded in another role is a report: its old role is removed.
	to.Parties = []models.ProvisionParty{{Party: "UA", Role: "signatory"}}
	r = compareOne(from, to, "complete")
	removedUA := false
	for _, fc := range r.Changes {
		if fc.Field == "parties.UA.obligor" && len(fc.Removed) == 1 && !fc.NotRecorded {
			removedUA = true
		}
	}
	if !removedUA || r.Status != StatusChanged {
		t.Errorf("UA's changed role is not a removal: %s", summaries(r.Changes))
	}
	// Versions of one provision: removing the parties removes them.
	for _, fc := range CompareProvisions(from, provision(t, "cap", "troop_cap", terms, func(p *models.Provision) { p.Parties = nil })) {
		if fc.NotRecorded {
			t.Errorf("an edit's change is not recorded: %s", fc.Summary)
		}
	}
}

// A partial draft that lists fewer members of a list of parties does not
// record the others: "Parties: RU, UA, EUROPE → RU, UA" removes nobody,
// and a member it adds is news.
func TestPartialListLeavesMembersUnrecorded(t *testing.T) {
	from := provision(t, "na", "non_aggression", `{"parties":["RU","UA","EUROPE"]}`)
	to := provision(t, "na", "non_aggression", `{"parties":["RU","UA","NATO"]}`)
	r := compareOne(from, to, "partial")
	var added, unrecorded bool
	for _, fc := range r.Changes {
		switch {
		case fc.Field == "terms.parties" && fc.NotRecorded:
			unrecorded = fc.Summary == "Parties: EUROPE not recorded (last known: RU, UA, EUROPE)"
		case fc.Field == "terms.parties":
			added = fc.Delta == "+NATO" && len(fc.Removed) == 0
		}
	}
	if !added || !unrecorded || r.Status != StatusChanged {
		t.Errorf("%s: %s", r.Status, summaries(r.Changes))
	}
	if r := compareOne(from, to, "complete"); r.Changes[0].Delta != "+NATO −EUROPE" {
		t.Errorf("complete: %s", summaries(r.Changes))
	}
}
