package parse

import "testing"

func TestGuessKind(t *testing.T) {
	lex := newPartyLexicon(seedParties(t))
	for _, tc := range []struct{ text, want string }{
		{"The Armed Forces of Ukraine are limited to 800,000 personnel.", "troop_cap"},
		{"A ceasefire takes effect once both sides withdraw to agreed points.", "ceasefire"},
		{"Russian forces withdraw from the Sumy and Kharkiv regions.", "troop_withdrawal"},
		{"Ukraine holds elections within 100 days.", "elections"},
		{"A full amnesty for acts during the war.", "amnesty"},
		{"Sanctions on Russia are lifted in stages.", "sanctions"},
		{"USD 100 billion of frozen Russian assets go to rebuilding.", "assets"},
		{"Crimea is recognised de facto as Russian.", "territorial"},
		{"The Kinburn Spit is demilitarised.", "demilitarized_zone"},
		{"No NATO troops are stationed in Ukraine.", "foreign_forces"},
		{"Ukraine renounces NATO membership.", "alliance_membership"},
		{"The US gives a security guarantee modelled on Article 5.", "security_guarantee"},
		{"The Zaporizhzhia nuclear power plant is restarted.", "nuclear_facility"},
		{"An all-for-all exchange of prisoners.", "humanitarian"},
		{"Russia returns to the G8.", "international_body"},
		{"A US–Ukraine free-trade agreement.", "trade"},
		{"Grain shipments across the Black Sea.", "navigation"},
		{"Arms-control treaties, including START, are extended.", "arms_control"},
		{"Ukraine remains a non-nuclear state.", "arms_control"},
		{"The sovereignty of Ukraine is reaffirmed.", "sovereignty"},
		{"The agreement is legally binding.", "implementation"},
		{"A referendum in Ukraine approves the agreement.", "ratification"},
		{"Україна проводить вибори протягом 100 днів.", "elections"},
		{"Повна амністія для всіх сторін.", "amnesty"},
		{"The parties will meet again in spring.", "other"},
	} {
		g := guessKind(newPDoc(tc.text, lex), "")
		if g.kind.Name != tc.want {
			t.Errorf("%q: %s, want %s (%v)", tc.text, g.kind.Name, tc.want, g.notes)
		}
		if g.confidence <= 0 || g.confidence > 0.95 || len(g.notes) == 0 {
			t.Errorf("%q: confidence %v, notes %v", tc.text, g.confidence, g.notes)
		}
	}
}

// A point whose words speak for no kind is other, unsure, and says so.
func TestGuessKindOtherIsUnsure(t *testing.T) {
	g := guessKind(newPDoc("The parties will meet again.", newPartyLexicon(nil)), "")
	if g.kind.Name != "other" || g.confidence > 0.3 {
		t.Fatalf("%+v", g)
	}
}
