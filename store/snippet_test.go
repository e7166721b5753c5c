package store

import (
	"strings"
	"testing"
)

// TestHitSnippet: a snippet is some 16 words around the words found (the
// window with most of them), cut with "…"; found as the index finds them
// (a prefix, in any case, without diacritics; one letter whole); from the
// translations' words where only they have them; else the text's start.
func TestHitSnippet(t *testing.T) {
	filler := strings.Repeat("Filler words before the point. ", 10)
	long := filler + "The Élysée talks set a 600,000 cap, jointly run. " + strings.Repeat("More words after it. ", 10)
	cases := []struct {
		name, query, text, translated, want string
	}{
		{"a word in the middle, cut on both sides", "jointly", long, "",
			"…600,000 cap, jointly run. More words after it. More words after it. More words after…"},
		{"a prefix in another case, without its diacritics", "ELYS", long, "",
			"…the point. The Élysée talks set a 600,000 cap, jointly run. More words after it…"},
		{"the window with most of the words", "point jointly", long, "",
			"…words before the point. The Élysée talks set a 600,000 cap, jointly run. More words…"},
		{"one letter is a whole word", "a", "Armed forces and a cap.", "", "Armed forces and a cap."},
		{"a short text whole", "cap", "A cap of 600,000.", "", "A cap of 600,000."},
		{"the translation where only it has the word", "гарантії", "Security guarantees.", "Гарантії безпеки для України.",
			"Гарантії безпеки для України."},
		{"a Ukrainian prefix with ї and й", "гаранті", "Security guarantees.", "Надійні гарантії.", "Надійні гарантії."},
		{"found elsewhere: the text's first words", "donbas", long, "", strings.Repeat("Filler words before the point. ", 3) + "Filler…"},
		{"no words, no snippet", "", long, "", ""},
		{"no text", "cap", "", "", ""},
	}
	for _, c := range cases {
		if got := newSnippets(searchWords(c.query)).of(c.text, c.translated); got != c.want {
			t.Errorf("%s: %q\n got %q\nwant %q", c.name, c.query, got, c.want)
		}
	}
}

// TestFoldWord: lower case without diacritics, Cyrillic too, as FTS5's
// unicode61 tokenizer with remove_diacritics compares words.
func TestFoldWord(t *testing.T) {
	for in, want := range map[string]string{"Élysée": "elysee", "ZNPP": "znpp", "Гарантії": "гарантіі", "Київ": "киів", "Zaporizhzhia": "zaporizhzhia", "Ωμέγα": "ωμεγα"} {
		if got := foldWord(in); got != want {
			t.Errorf("foldWord(%q) = %q, want %q", in, got, want)
		}
	}
}
