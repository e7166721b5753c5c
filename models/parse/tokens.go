package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The parser reads a draft's text as tokens: words, numbers, ratios and
// punctuation, each with its place in the text, so that every value it
// proposes can be shown beside the words it was read from.

type ptokKind uint8

const (
	ptWord ptokKind = iota
	ptNumber
	ptRatio // "50:50", "60/40": two shares that add up to 100
	ptPunct
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

// parseTokens splits text into tokens. Hyphens inside words separate them
// without a token of their own ("all-for-all" reads as "all for all");
// a possessive "'s" is dropped ("Ukraine's army" reads as "Ukraine army").
func parseTokens(text string) []ptoken {
	var out []ptoken
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r):
			i = readWordToken(text, i, &out)
		case r >= '0' && r <= '9':
			i = readNumberToken(text, i, &out)
		case isIntraWordHyphen(text, i, r, size):
			i += size
		default:
			out = append(out, ptoken{kind: ptPunct, text: text[i : i+size], norm: text[i : i+size], stem: text[i : i+size], start: i, end: i + size})
			i += size
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

// isIntraWordHyphen: a hyphen between two letters or digits ("non-nuclear",
// "10-year", "US-led") joins words; it is not punctuation of its own.
func isIntraWordHyphen(text string, i int, r rune, size int) bool {
	if r != '-' && r != '‐' && r != '‑' {
		return false
	}
	if i == 0 || i+size >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return (unicode.IsLetter(prev) || unicode.IsDigit(prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func readWordToken(text string, i int, out *[]ptoken) int {
	start := i
	// A dotted abbreviation of capitals: "U.S.", "U.K.", "U.S.A.".
	if end, abbr, ok := readDottedAbbreviation(text, i); ok {
		*out = append(*out, newWordToken(abbr, start, end))
		return end
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			i += size
			continue
		}
		if isApostrophe(r) && i+size < len(text) {
			next, nsize := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(next) {
				break
			}
			// A possessive: the word ends before it, and the "'s" is
			// skipped.
			after := i + size + nsize
			if (next == 's' || next == 'S') && (after >= len(text) || !isWordRune(text, after)) {
				*out = append(*out, newWordToken(text[start:i], start, i))
				return after
			}
			i += size
			continue
		}
		break
	}
	*out = append(*out, newWordToken(text[start:i], start, i))
	return i
}

func isWordRune(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// readDottedAbbreviation reads capitals each followed by a dot, at least
// two of them.
func readDottedAbbreviation(text string, i int) (int, string, bool) {
	var b strings.Builder
	j := i
	for j+1 < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsUpper(r) || j+size >= len(text) || text[j+size] != '.' {
			break
		}
		b.WriteRune(r)
		j += size + 1
	}
	if utf8.RuneCountInString(b.String()) < 2 {
		return 0, "", false
	}
	if j < len(text) && isWordRune(text, j) {
		return 0, "", false
	}
	return j, b.String(), true
}

// plainApostrophes writes typographic apostrophes as "'".
var plainApostrophes = strings.NewReplacer("’", "'", "ʼ", "'")

func newWordToken(word string, start, end int) ptoken {
	norm := strings.ToLower(word)
	if strings.ContainsAny(norm, "’ʼ") {
		norm = plainApostrophes.Replace(norm)
	}
	first, _ := utf8.DecodeRuneInString(word)
	return ptoken{kind: ptWord, text: word, norm: norm, stem: parseStem(norm), start: start, end: end, caps: unicode.IsUpper(first)}
}

// readNumberToken reads a number as drafts write it: "600,000", "600 000",
// "1.5", "1,5" (a decimal comma, as Ukrainian and Russian write it), and
// ratios "50:50", "60/40", "50-50".
func readNumberToken(text string, i int, out *[]ptoken) int {
	start := i
	i = skipDigits(text, i)
	whole := text[start:i]
	// Thousands in groups of three after a separator, when the first group
	// has at most three digits ("2025 100 days" is two numbers).
	grouped := false
	for (len(whole) <= 3 || grouped) && i < len(text) {
		sep, size := utf8.DecodeRuneInString(text[i:])
		if !isThousandsSeparator(sep) {
			break
		}
		j := i + size
		k := skipDigits(text, j)
		if k-j != 3 {
			break
		}
		whole += text[j:k]
		i, grouped = k, true
	}
	num := whole
	if i+1 < len(text) && (text[i] == '.' || text[i] == ',') && text[i+1] >= '0' && text[i+1] <= '9' {
		k := skipDigits(text, i+1)
		// A comma before three digits was a thousands separator, taken
		// above; one before one or two digits is a decimal comma ("1,5").
		if text[i] == '.' || k-(i+1) < 3 {
			num += "." + text[i+1:k]
			i = k
		}
	}
	v, _ := strconv.ParseFloat(num, 64)
	if end, ok := readRatioTail(text, i, v, num == whole); ok {
		*out = append(*out, ptoken{kind: ptRatio, text: text[start:end], norm: text[start:end], stem: text[start:end], start: start, end: end, num: v})
		return end
	}
	norm := strconv.FormatFloat(v, 'f', -1, 64)
	*out = append(*out, ptoken{kind: ptNumber, text: text[start:i], norm: norm, stem: norm, start: start, end: i, num: v})
	return i
}

func skipDigits(text string, j int) int {
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	return j
}

// readRatioTail reads the second share of a ratio ("50:50"): a whole
// number after ":", "/" or a dash, the two adding up to 100. Anything else
// ("15–20", "10:30") is not a ratio.
func readRatioTail(text string, i int, first float64, whole bool) (int, bool) {
	if !whole || first <= 0 || i >= len(text) {
		return 0, false
	}
	sep, size := utf8.DecodeRuneInString(text[i:])
	if !strings.ContainsRune(":/-–", sep) {
		return 0, false
	}
	j := i + size
	k := skipDigits(text, j)
	if k == j || (k < len(text) && (isWordRune(text, k) || text[k] == '.' && k+1 < len(text) && isWordRune(text, k+1))) {
		return 0, false
	}
	second, _ := strconv.ParseFloat(text[j:k], 64)
	if second <= 0 || first+second != 100 {
		return 0, false
	}
	return k, true
}

func isThousandsSeparator(r rune) bool {
	return r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\''
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
