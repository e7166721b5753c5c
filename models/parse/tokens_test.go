package parse

import (
	"strings"
	"testing"
)

func TestParseTokens(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // tokens as kind:text, space-separated
	}{
		{"600,000 personnel", "n:600,000 w:personnel"},
		{"600 000 troops", "n:600 000 w:troops"},
		{"in 2025 100 days", "w:in n:2025 n:100 w:days"},
		{"1.5 million, 1,5 млрд", "n:1.5 w:million p:, n:1,5 w:млрд"},
		{"split 50:50, 60/40 or 50-50", "w:split r:50:50 p:, r:60/40 w:or r:50-50"},
		{"points 15–20", "w:points n:15 p:– n:20"},
		{"the U.S. and U.K. agree", "w:the w:US w:and w:UK w:agree"},
		{"Ukraine's army", "w:Ukraine w:army"},
		{"all-for-all, non-nuclear", "w:all w:for w:all p:, w:non w:nuclear"},
		{"$100bn; 50%", "p:$ n:100 w:bn p:; n:50 p:%"},
		{"G8 and F-16s", "w:G8 w:and w:F n:16 w:s"},
	} {
		if g := joinEach(parseTokens(tc.text), " ", func(tok ptoken) string { return string("wnrp"[tok.kind]) + ":" + tok.text }); g != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, g, tc.want)
		}
	}
}

func TestParseTokenNumbers(t *testing.T) {
	for text, want := range map[string]float64{"600,000": 600000, "600 000": 600000, "1.5": 1.5, "1,5": 1.5, "1,500,000": 1500000, "50:50": 50} {
		toks := parseTokens(text)
		if len(toks) != 1 || toks[0].num != want {
			t.Errorf("%q: %+v, want one token of %v", text, toks, want)
		}
	}
}

func TestParseStem(t *testing.T) {
	for _, group := range [][]string{
		{"cap", "caps", "capped", "capping"},
		{"recognised", "recognized", "recognise", "recognizes"},
		{"renounce", "renounces", "renounced"},
		{"guarantee", "guarantees", "guaranteed"},
		{"force", "forces"},
		{"state", "states", "stated"},
		{"party", "parties"},
		{"demilitarised", "demilitarized"},
		{"favour", "favor"},
		{"вибори", "виборів"},
		{"України", "Україна"},
	} {
		want := parseStem(strings.ToLower(group[0]))
		for _, w := range group[1:] {
			if got := parseStem(strings.ToLower(w)); got != want {
				t.Errorf("stem of %q is %q, of %q %q: want one stem", group[0], want, w, got)
			}
		}
	}
	if parseStem("lift") == parseStem("lifetime") {
		t.Error("lift and lifetime share a stem")
	}
}
