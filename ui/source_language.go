package ui

import (
	"plantracker/models"
)

// sourceListed is a source as the sources page lists it, with its quote as
// the reader reads it (quotesFor).
type sourceListed struct {
	models.Source
	// Quotes are the quote in the reader's language and the original
	// beside it, where the quote has translations; nil shows the quote
	// alone, as it always was.
	Quotes []wordingInLanguage
}

// sourcesListedFor are the sources as a reader of language reads them.
func sourcesListedFor(sources []models.Source, language string) []sourceListed {
	rows := make([]sourceListed, len(sources))
	for i, s := range sources {
		rows[i] = sourceListed{Source: s, Quotes: quotesFor(s, language)}
	}
	return rows
}

// quotesFor is what the sources page shows of a source's quote to a
// reader of language, as a provision's words are shown (wordingFor): the
// quote in that language where it has it, else in the main language, with
// the original (the quote in the source's own language) beside it and
// marked; the original alone where neither is there, or it is the one in
// the reader's language. A quote without translations is nil.
func quotesFor(s models.Source, language string) []wordingInLanguage {
	if len(s.Translations) == 0 || s.Quote == "" {
		return nil
	}
	id := "source-" + s.Key + "-quote-"
	original := wordingInLanguage{ID: id + s.Language, Language: s.Language, Text: s.Quote, Original: true}
	for _, lang := range []string{language, models.MainLanguage} {
		quote, ok := s.QuoteIn(lang)
		if !ok {
			continue
		}
		if models.SameLanguage(s.Language, lang) {
			break
		}
		return []wordingInLanguage{{ID: id + lang, Language: lang, Text: quote}, original}
	}
	return []wordingInLanguage{original}
}
