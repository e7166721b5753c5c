package models

import (
	"strconv"
	"strings"
)

// QuoteTranslation is a source's quote in a language other than the
// source's own. The source's Language is the language of its title and
// quote as published: the original, which a translation never replaces.
type QuoteTranslation struct {
	Language string `json:"language" validate:"required,oneof=en uk"`
	Quote    string `json:"quote" validate:"required,max=10000"`
}

// QuoteIn returns the source's quote in language, if it has one: the quote
// itself when the source is in that language, else its translation there.
func (s Source) QuoteIn(language string) (string, bool) {
	if s.Quote != "" && SameLanguage(s.Language, language) {
		return s.Quote, true
	}
	for _, t := range s.Translations {
		if t.Language == language {
			return t.Quote, true
		}
	}
	return "", false
}

// SameLanguage reports whether two BCP 47 tags name the same language,
// whatever the region or script: "en-GB" is English as "en" is.
func SameLanguage(a, b string) bool {
	primary := func(tag string) string {
		p, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		return p
	}
	return a != "" && primary(a) == primary(b)
}

// QuoteTranslationsOf is ts, never nil: a JSON list, not null.
func QuoteTranslationsOf(ts []QuoteTranslation) []QuoteTranslation {
	if ts == nil {
		return []QuoteTranslation{}
	}
	return ts
}

// checkQuoteTranslations holds a source's quote in other languages to
// their rules, field by field: there is a quote to translate and its
// language is known (it is the original), none is in that language, one per
// language, and none is blank. (How many, and each one's own fields, are
// checked by the validate tags with the source's.)
func checkQuoteTranslations(verr *ValidationError, s *Source) {
	if len(s.Translations) == 0 {
		return
	}
	if strings.TrimSpace(s.Quote) == "" {
		verr.Add("quote", "is required when the quote has translations: they translate it")
	}
	if strings.TrimSpace(s.Language) == "" {
		verr.Add("language", "is required when the quote has translations: it marks the original")
	}
	languages := make([]string, len(s.Translations))
	for i, t := range s.Translations {
		languages[i] = t.Language
		if t.Quote != "" && strings.TrimSpace(t.Quote) == "" {
			verr.Add("translations["+strconv.Itoa(i)+"].quote", "is required")
		}
	}
	checkTranslationLanguages(verr, languages, func(l string) bool { return SameLanguage(s.Language, l) },
		"must not be %s: the quote itself is in the source's language")
}
