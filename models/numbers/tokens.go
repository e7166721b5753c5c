package numbers

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A text is read as tokens: words, numbers, ratios and punctuation, each
// with its place in the text. The parser (models/parse) reads the same
// tokens, adding what its cues compare on, so that a number is read one
// way wherever it is read.

// TokenKind is what a token is.
type TokenKind uint8

// The kinds of token.
const (
	Word TokenKind = iota
	Number
	Ratio // "50:50", "60/40": two shares that add up to 100
	Punct
)

// Token is one token of a text.
type Token struct {
	Kind TokenKind
	// Text is the token as written; a dotted abbreviation is written
	// without its dots ("U.S." is "US") so that short names match it.
	Text string
	// Norm is a word in lower case with its apostrophes made plain, a
	// number as Go writes it ("600000"), anything else as written.
	Norm       string
	Start, End int     // byte offsets in the text
	Num        float64 // a number's value; a ratio's first share
	Caps       bool    // a word that starts with a capital letter
}

// Tokens splits text into tokens. Hyphens inside words separate them
// without a token of their own ("all-for-all" reads as "all for all", and
// "10-year" as "10 year"); a possessive "'s" is dropped ("Ukraine's army"
// reads as "Ukraine army").
func Tokens(text string) []Token {
	var out []Token
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
			out = append(out, Token{Kind: Punct, Text: text[i : i+size], Norm: text[i : i+size], Start: i, End: i + size})
			i += size
		}
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

func readWordToken(text string, i int, out *[]Token) int {
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

func newWordToken(word string, start, end int) Token {
	norm := strings.ToLower(word)
	if strings.ContainsAny(norm, "’ʼ") {
		norm = plainApostrophes.Replace(norm)
	}
	first, _ := utf8.DecodeRuneInString(word)
	return Token{Kind: Word, Text: word, Norm: norm, Start: start, End: end, Caps: unicode.IsUpper(first)}
}

// readNumberToken reads a number as drafts write it: "600,000", "600 000",
// "1.5", "1,5" (a decimal comma, as Ukrainian and Russian write it), and
// ratios "50:50", "60/40", "50-50".
func readNumberToken(text string, i int, out *[]Token) int {
	start := i
	i = skipDigits(text, i)
	whole := text[start:i]
	// Thousands in groups of three after a separator, when the first group
	// has at most three digits ("2025 100 days" is two numbers). The groups
	// are gathered in one buffer: "123,456 123,456 …" over 190 KB is one
	// long number, which adding group to string read in quadratic time.
	var groups []byte
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
		if groups == nil {
			groups = append(groups, whole...)
		}
		groups = append(groups, text[j:k]...)
		i, grouped = k, true
	}
	if grouped {
		whole = string(groups)
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
		*out = append(*out, Token{Kind: Ratio, Text: text[start:end], Norm: text[start:end], Start: start, End: end, Num: v})
		return end
	}
	norm := strconv.FormatFloat(v, 'f', -1, 64)
	*out = append(*out, Token{Kind: Number, Text: text[start:i], Norm: norm, Start: start, End: i, Num: v})
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
