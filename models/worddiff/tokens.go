package worddiff

import (
	"unicode"
	"unicode/utf8"
)

// Splitting text into the tokens a word diff compares.

// Token classes: whitespace runs, words, and everything else (punctuation,
// symbols), which is a token of one character.
const (
	classOther = iota
	classSpace
	classWord
)

func tokenClass(r rune) int {
	if r < utf8.RuneSelf {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return classSpace
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9':
			return classWord
		default:
			return classOther
		}
	}
	if 0x400 <= r && r <= 0x4ff { // Cyrillic, the other script of the texts
		if r == 0x482 { // ҂, the thousands sign
			return classOther
		}
		return classWord
	}
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return classWord
	default:
		return classOther
	}
}

// joinsWords reports whether r, between two word characters, belongs to the
// word: apostrophes (Ukrainian "п'ять", "м’який") and hyphens.
func joinsWords(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '-' || r == '‐'
}

func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// classAt returns the class and size of the character at s[i], quickly for
// ASCII and the Cyrillic letters U+0400–U+047F.
func classAt(s string, i int) (class, size int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return int(asciiClass[c]), 1
	}
	if (c == 0xd0 || c == 0xd1) && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		return classWord, 2
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return tokenClass(r), size
}

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		t[c] = uint8(tokenClass(rune(c)))
	}
	return t
}()

// tokenize appends the tokens of s to buf.
func tokenize(s string, buf []string) []string {
	for i := 0; i < len(s); {
		c, size := classAt(s, i)
		j := i + size
		switch c {
		case classSpace:
			for j < len(s) {
				c2, sz := classAt(s, j)
				if c2 != classSpace {
					break
				}
				j += sz
			}
		case classWord:
			for j < len(s) {
				c2, sz := classAt(s, j)
				if c2 == classWord {
					j += sz
					continue
				}
				if c2 == classOther && j+sz < len(s) {
					if r, _ := decodeRune(s, j); joinsWords(r) {
						if c3, sz3 := classAt(s, j+sz); c3 == classWord {
							j += sz + sz3
							continue
						}
					}
				}
				break
			}
		}
		buf = append(buf, s[i:j])
		i = j
	}
	return buf
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// prefixCut returns the largest cut at or before p where a run of
// whitespace starts (p is within the prefix both texts share): a token
// boundary in both texts whatever follows. 0 when there is none.
func prefixCut(a string, p int) int {
	for j := p - 1; j > 0; j-- {
		if !isASCIISpace(a[j]) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(a[:j]); tokenClass(r) != classSpace {
			return j
		}
	}
	return 0
}

// suffixCut returns the smallest cut at or after q where a run of
// whitespace ends (a[q:] is shared by both texts), or len(a) when there is
// none.
func suffixCut(a string, q int) int {
	for j := q + 1; j < len(a); j++ {
		if !isASCIISpace(a[j-1]) {
			continue
		}
		if r, _ := decodeRune(a, j); tokenClass(r) != classSpace {
			return j
		}
	}
	return len(a)
}

// CountWords counts the words of s as the diff splits them.
func CountWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c, size := classAt(s, i)
		if c == classWord && (i == 0 || !inWord(s, i)) {
			n++
		}
		i += size
	}
	return n
}

// inWord reports whether the word character at s[i] continues a word: the
// character before it is a word character, or a joiner after one.
func inWord(s string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(s[:i])
	if tokenClass(r) == classWord {
		return true
	}
	if !joinsWords(r) || i-size == 0 {
		return false
	}
	r2, _ := utf8.DecodeLastRuneInString(s[:i-size])
	return tokenClass(r2) == classWord
}

// IsSpace reports whether r is whitespace as the diff sees it: a rune of
// the runs the diff keeps apart from words and punctuation.
func IsSpace(r rune) bool { return tokenClass(r) == classSpace }
