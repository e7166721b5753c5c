package store

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// snippetWords is how many words of the wording a search hit shows.
const snippetWords = 16

// snippets makes the snippets of one search's hits: about snippetWords
// words of a hit's wording, plain text, around the words the search found
// ("…" where it is cut): from its text where they are in it, else from its
// translations' words where they are in those (a search in Ukrainian
// shows the Ukrainian words it found), else the text's first words (they
// were found in the title, key or terms). Without words there is no
// snippet.
//
// They are made here rather than by the database (FTS5's snippet,
// PostgreSQL's ts_headline) so that both give the same, and because FTS5
// tokenizes a hit's wording anew to make one: for Cyrillic wording that
// was 1.5 ms of a 2 ms search. A word is found as the search finds it: as
// a prefix of a word of the wording (whole where wholeWord says so), in
// any case, with or without diacritics.
//
// It holds the words sought, folded, and room to lay out a wording's
// words, used again for each hit.
type snippets struct {
	wanted [][]rune
	spans  []span
	hits   []int // for each of spans, the wanted word it is, or -1
}

// span is a word's place in a string: its bytes [start, end).
type span struct{ start, end int }

func newSnippets(words []string) *snippets {
	sn := &snippets{wanted: make([][]rune, len(words))}
	for i, w := range words {
		sn.wanted[i] = []rune(foldWord(w))
	}
	return sn
}

// of is the snippet of a hit's text and translations' words.
func (sn *snippets) of(text, translated string) string {
	if len(sn.wanted) == 0 {
		return ""
	}
	if s, found := sn.window(sn.wanted, text); found {
		return s
	}
	if s, found := sn.window(sn.wanted, translated); found {
		return s
	}
	s, _ := sn.window(nil, text)
	return s
}

// window is the snippetWords-word window of s with the most distinct
// wanted words (the earliest such), starting a few words before one of
// them, and whether any was found; without one, s's first words.
func (sn *snippets) window(wanted [][]rune, s string) (string, bool) {
	// The window's first word: a few words of context before the words
	// found, the window kept full near the end.
	const before = 3
	spans, hits := sn.spans[:0], sn.hits[:0]
	defer func() { sn.spans, sn.hits = spans, hits }()
	first := -1 // the first word found
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		// With one word sought (or none), its first window is the best:
		// stop once it is full and one more word shows that the wording
		// goes on.
		if len(wanted) <= 1 && (first >= 0 || len(wanted) == 0) && len(spans) > max(0, first-before)+snippetWords {
			break
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		h := wantedWord(wanted, s[start:i])
		if h >= 0 && first < 0 {
			first = len(spans)
		}
		spans = append(spans, span{start, i})
		hits = append(hits, h)
	}
	if len(spans) == 0 {
		return "", false
	}
	more := strings.IndexFunc(s[spans[len(spans)-1].end:], isWordRune) >= 0
	words := len(spans)
	if more {
		words++ // at least
	}
	best, bestScore := 0, 0
	for i, h := range hits {
		if h < 0 {
			continue
		}
		start := max(0, min(i-before, words-snippetWords))
		if score := distinctHits(hits[start:min(start+snippetWords, len(hits))]); score > bestScore {
			best, bestScore = start, score
		}
	}
	end := min(best+snippetWords, len(spans))
	from, to := spans[best].start, spans[end-1].end
	if best == 0 {
		from = 0
	}
	cut := end < len(spans) || more
	if !cut {
		to = len(s)
	}
	out := strings.TrimSpace(s[from:to])
	if best > 0 {
		out = "…" + out
	}
	if cut {
		out += "…"
	}
	return out, bestScore > 0
}

// distinctHits counts the distinct wanted words among a window's words.
func distinctHits(hits []int) int {
	var seen uint64 // searchWords keeps at most 16 words
	n := 0
	for _, h := range hits {
		if h >= 0 && seen&(1<<h) == 0 {
			seen |= 1 << h
			n++
		}
	}
	return n
}

// wantedWord is the index of the first wanted word (folded) that word is
// found by, or -1: the wanted word begins it (or is it, where wholeWord).
// It folds word a letter at a time, as far as it needs: most words differ
// from every wanted word at their first letter.
func wantedWord(wanted [][]rune, word string) int {
	for n, w := range wanted {
		i := 0
		matched := true
		for _, r := range word {
			if i == len(w) {
				matched = len(w) > 1 // a longer word: one letter is matched whole
				break
			}
			if foldRune(r) != w[i] {
				matched = false
				break
			}
			i++
		}
		if matched && i == len(w) {
			return n
		}
	}
	return -1
}

// isWordRune says whether r is part of a word, as searchWords splits them
// (ASCII and Cyrillic letters looked at first: they are most of the
// wording).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x400 <= r && r <= 0x481:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldWord is a word in lower case without diacritics ("Élysée" →
// "elysee"), as the full-text index compares words.
func foldWord(w string) string {
	out := make([]rune, 0, len(w))
	for _, r := range w {
		out = append(out, foldRune(r))
	}
	return string(out)
}

// foldedRunes folds the runes of the alphabets the tracker's wording is in
// (Latin, Greek, Cyrillic and their extensions: below U+0530) by a table,
// made once: a rune is lowered, decomposed, and its combining marks dropped.
var foldedRunes = sync.OnceValue(func() []rune {
	table := make([]rune, 0x530)
	for r := range table {
		table[r] = stripMarks(unicode.ToLower(rune(r)))
	}
	return table
})

// foldRune is r in lower case without diacritics.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if table := foldedRunes(); int(r) < len(table) {
		return table[r]
	}
	return stripMarks(unicode.ToLower(r))
}

// stripMarks is r without its combining marks ("é" → "e"), or r where it
// does not decompose into one rune and marks.
func stripMarks(r rune) rune {
	d := norm.NFD.String(string(r))
	base, size := utf8.DecodeRuneInString(d)
	for _, m := range d[size:] {
		if !unicode.Is(unicode.Mn, m) {
			return r
		}
	}
	return base
}
