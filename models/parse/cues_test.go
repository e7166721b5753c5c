package parse

import (
	"strings"
	"testing"

	"plantracker/models"
)

// TestCueMatching: the cue grammar, one feature a row.
func TestCueMatching(t *testing.T) {
	lex := newPartyLexicon(seedParties(t))
	for _, tc := range []struct {
		cue, text string
		want      string // the value; parties after "|"; "!" for negated; "-" for no match
	}{
		{"capped", "The army is capped at 600,000.", "capped"},
		{"recognized as russian", "recognised as Russian territory", "recognised as Russian"},
		{"no * troops", "No permanent NATO troops", "No permanent NATO troops"},
		{"no * troops", "No troops, not even NATO troops", "No troops"},
		{"no * troops", "no. NATO troops", "-"},
		{"START", "the START treaty", "START"},
		{"START", "talks will start", "-"},
		{"sanctions on {}", "sanctions on the Russian Federation", "sanctions on the Russian Federation|RU"},
		{"{} * ready to act", "France, the United Kingdom, Germany and Poland are ready to act", "France, the United Kingdom, Germany and Poland are ready to act|FR UK DE PL"},
		{"{} working group", "a US–Russia working group", "US–Russia working group|US RU"},
		{"region {place}", "region Crimea and Sevastopol", "Crimea and Sevastopol"},
		{"in {place}", "in Ukraine", "-"},
		{"in {name}", "in Ukraine", "Ukraine"},
		{"{name} is", "Sovereignty is reaffirmed", "-"},
		{"{name} is", "Crimea is recognised", "Crimea"},
		{"void if {text}", "void if Ukraine invades Russia; more", "Ukraine invades Russia"},
		{"[once {text}]", "takes effect once both sides withdraw.", "once both sides withdraw"},
		{"{text} becomes * zone", "the area becomes a buffer zone", "area"},
		{"[{ratio} between {name}]", "split 50:50 between Russia and Ukraine", "50:50 between Russia and Ukraine"},
		{"renewable", "the guarantee is not renewable", "renewable!"},
		{"renewable", "renewable, not binding", "renewable"},
		{"[{name} nuclear power plant]", "the Zaporizhzhia nuclear power plant", "Zaporizhzhia nuclear power plant"},
	} {
		c := compileCue("test", tc.cue)
		d := newPDoc(tc.text, lex)
		hits := d.find(&c)
		got := "-"
		if len(hits) > 0 {
			h := hits[0]
			got = d.value(h)
			if len(h.parties) > 0 {
				got += "|" + strings.Join(h.parties, " ")
			}
			if h.negated {
				got += "!"
			}
		}
		if got != tc.want {
			t.Errorf("%q in %q: %q, want %q", tc.cue, tc.text, got, tc.want)
		}
	}
}

// A mistake in a kind's words stops the program at start, like any other
// mistake in a kind's declaration.
func TestCompileCuesRefusesMistakes(t *testing.T) {
	k := &models.Kind{Name: "test", Fields: []models.Field{
		{Name: "limit", Type: models.FieldInteger},
		{Name: "party", Type: models.FieldParty},
		{Name: "mode", Type: models.FieldEnum, Options: []models.Term{{Value: "full"}}},
	}}
	for _, words := range []string{
		"ok ; nosuch = word",
		"ok ; mode.nosuch = word",
		"ok ; party = {all}",
		"ok ; party = {nosuch}",
		"ok ; party = {all} and more",
		"ok ; limit = x ; stray section",
		"{}",
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q was accepted", words)
				}
			}()
			compileCues(k, words)
		}()
	}
	// Booleans and options without words are found by their labels.
	kc := compileCues(&models.Kind{Name: "test", Fields: []models.Field{{Name: "peace", Label: "Peacetime only", Type: models.FieldBoolean}}}, "")
	if fc := kc.fields["peace"]; fc == nil || !fc.derived || len(fc.cues) != 1 || fc.cues[0].src != "peacetime" {
		t.Fatalf("the label's cue: %+v", fc)
	}
}

// Every kind's words compile, and every term with a cue names a term of
// its kind: checked at start, so this only proves they were read.
func TestEveryKindDeclaresWords(t *testing.T) {
	for _, k := range models.Kinds() {
		if k.Name != "other" && len(cuesOf(k).kind) == 0 {
			t.Errorf("kind %s declares no words", k.Name)
		}
	}
}
