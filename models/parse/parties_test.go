package parse

import (
	"testing"

	"plantracker/models"
)

func TestFindParties(t *testing.T) {
	lex := newPartyLexicon(seedParties(t))
	for _, tc := range []struct {
		text string
		want string // short names, space-separated
	}{
		{"the United States and the US", "US US"},
		{"the U.S. guarantee", "US"},
		{"let us agree", ""},
		{"the Russian Federation", "RU"},
		{"frozen Russian assets", "RU"},
		{"Ukraine's army", "UA"},
		{"no NATO troops", "NATO"},
		{"under International Atomic Energy Agency supervision, the IAEA", "IAEA IAEA"},
		{"a Peace Council chaired by the US president", "PEACE-COUNCIL US"},
		{"the European Union, not European jets", "EU"},
		{"strikes Moscow or St Petersburg", ""},
		{"Збройних сил України; з Росією", "UA RU"},
		{"членства в НАТО", "NATO"},
		{"the E3 and the World Bank", "E3 WB"},
	} {
		if g := joinEach(lex.find(parseTokens(tc.text)), " ", func(m pmention) string { return m.party }); g != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, g, tc.want)
		}
	}
}

// An alias of a party the table does not hold finds nothing.
func TestFindPartiesOnlyOfTheTable(t *testing.T) {
	lex := newPartyLexicon([]models.Party{{Name: "Ukraine", ShortName: "UA"}})
	if ms := lex.find(parseTokens("Russia and the United States")); len(ms) != 0 {
		t.Fatalf("found %+v", ms)
	}
}
