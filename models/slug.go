package models

import (
	"strings"
	"unicode"
)

// Slugify turns a title into a lower-case, hyphenated ASCII slug for file
// names ("US peace framework" → "us-peace-framework"). Letters outside ASCII
// are dropped rather than transliterated; an empty result becomes "untitled".
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "untitled"
	}
	return b.String()
}
