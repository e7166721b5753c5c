package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"plantracker/models/numbers"
)

// The parser reads a draft's text as tokens: words, numbers, ratios and
// punctuation, each with its place in the text, so that every value it
// proposes can be shown beside the words it was read from.

// ptokKind is what a token is; the tokens themselves are read by
// models/numbers.
type ptokKind = numbers.TokenKind

const (
	ptWord   = numbers.Word
	ptNumber = numbers.Number
	ptRatio  = numbers.Ratio // "50:50", "60/40": two shares that add up to 100
	ptPunct  = numbers.Punct
)

// ptoken is one token of a text.
type ptoken struct {
	kind ptokKind
	// text is the token as written; a dotted abbreviation is written
	// without its dots ("U.S." is "US") so that short names match it.
	text string
	norm string // lower case, apostrophes made plain
	stem string // what cue words are compared on (parseStem)
	// stemID and exactID are the numbers of the stem and of the word as
	// written among the cues' words (cueWordID), 0 where no cue names it;
	// a piece of text fills them in.
	stemID, exactID int32
	start, end      int // byte offsets in the text
	num             float64
	caps            bool // a word that starts with a capital letter
	// sentence marks the first word of a sentence or clause (after . ; : ? !
	// or at the start), where a capital letter says nothing about a name.
	sentence bool
}

// isClauseEnd reports whether a punctuation token ends a sentence or a
// clause that a cue may not run across.
func (t ptoken) isClauseEnd() bool {
	return t.kind == ptPunct && strings.ContainsAny(t.text, ".;:!?")
}

// parseTokens splits text into tokens (numbers.Tokens says how) and adds
// what the cues compare on: stems, and where sentences start.
func parseTokens(text string) []ptoken { return parseTokensOf(numbers.Tokens(text)) }

// parseTokensOf are the parser's tokens of the tokens models/numbers read,
// one for one.
func parseTokensOf(toks []numbers.Token) []ptoken {
	out := make([]ptoken, len(toks))
	for j, t := range toks {
		out[j] = ptoken{kind: t.Kind, text: t.Text, norm: t.Norm, stem: t.Norm, start: t.Start, end: t.End, num: t.Num, caps: t.Caps}
		if t.Kind == numbers.Word {
			out[j].stem = parseStem(t.Norm)
		}
	}
	sentence := true
	for j := range out {
		if out[j].kind == ptPunct {
			if out[j].isClauseEnd() {
				sentence = true
			}
			continue
		}
		out[j].sentence = sentence
		sentence = false
	}
	return out
}

// parseStem reduces a lower-case word to what its inflections share, so
// that "capped", "caps" and "cap" are one cue word, and "recognised" and
// "recognized" too. It is deliberately small: cue lists name the forms a
// stem cannot join ("withdraw", "withdrawal"). Cyrillic words keep their
// first four letters, which is where Ukrainian and Russian inflect.
func parseStem(w string) string {
	if w == "" {
		return w
	}
	first, _ := utf8.DecodeRuneInString(w)
	if unicode.Is(unicode.Cyrillic, first) {
		r := []rune(w)
		if len(r) > 4 {
			r = r[:4]
		}
		return string(r)
	}
	if len(w) <= 3 {
		return w
	}
	if s, ok := irregularStems[w]; ok {
		return s
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "es") && len(w) > 4 && strings.ContainsRune("sxzh", rune(w[len(w)-3])):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed") && len(w) > 5:
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = undouble(w[:len(w)-3])
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && len(w) > 3 {
		w = w[:len(w)-1]
	}
	// British spellings: recognis- → recogniz-, favour → favor.
	if len(w) > 4 && strings.HasSuffix(w, "is") {
		w = w[:len(w)-1] + "z"
	}
	if len(w) > 5 && strings.HasSuffix(w, "our") {
		w = w[:len(w)-2] + "r"
	}
	return w
}

// irregularStems join irregular verb forms to their stem, which the
// suffix rules cannot: "written into law" is "writes into law".
var irregularStems = map[string]string{
	"written": "writ", "wrote": "writ", "write": "writ", "writes": "writ",
	"frozen": "freez", "froze": "freez",
	"held": "hold", "given": "giv", "gave": "giv", "taken": "tak", "took": "tak",
	"withdrawn": "withdraw", "withdrew": "withdraw", "drawn": "draw", "drew": "draw",
	"kept": "keep", "paid": "pay", "chosen": "chos", "chose": "chos", "sold": "sell",
	"struck": "strik", "broken": "brok", "broke": "brok", "bound": "bind", "begun": "begin", "began": "begin",
}

// undouble drops a doubled final consonant left by a suffix: "capp" →
// "cap", "barr" → "bar".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiousz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
