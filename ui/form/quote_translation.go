package form

import (
	"encoding/json"
	"net/url"
	"strings"

	"plantracker/models"
)

// The source form edits one translation of the quote: "translation.language"
// and "translation.quote"; any further translations ride along hidden as
// JSON ("other_translations"), kept as they were.

// parseQuoteTranslation reads the translation row and the further
// translations of a posted source form.
func parseQuoteTranslation(v url.Values) (models.QuoteTranslation, string) {
	p := TranslationPrefix
	return models.QuoteTranslation{Language: strings.TrimSpace(v.Get(p + "language")), Quote: strings.TrimSpace(v.Get(p + "quote"))},
		v.Get("other_translations")
}

// quoteTranslationRowOf fills the row from a stored source's first
// translation; the others are kept as JSON.
func quoteTranslationRowOf(s models.Source) (models.QuoteTranslation, string) {
	if len(s.Translations) == 0 {
		return models.QuoteTranslation{}, ""
	}
	if len(s.Translations) == 1 {
		return s.Translations[0], ""
	}
	return s.Translations[0], string(mustJSON(s.Translations[1:]))
}

// Translations are the form's translation row, where anything of it was
// typed, and the further translations.
func (f Source) Translations() []models.QuoteTranslation {
	var out []models.QuoteTranslation
	if f.OtherTranslations != "" {
		_ = json.Unmarshal([]byte(f.OtherTranslations), &out) // written by quoteTranslationRowOf
	}
	if f.Translation == (models.QuoteTranslation{}) {
		return models.QuoteTranslationsOf(out)
	}
	return append([]models.QuoteTranslation{f.Translation}, out...)
}

// SourceErrorsFrom maps the store's field paths onto the source form's
// inputs: a translation's language and quote onto the form's one row's
// (translations[1].language → translation.language), the rest as
// ErrorsFrom does.
func SourceErrorsFrom(verr *models.ValidationError) Errors {
	return errorsNamed(verr, func(path string) string {
		if !strings.HasPrefix(path, "translations[") {
			return inputName(path)
		}
		if strings.HasSuffix(path, ".quote") {
			return TranslationPrefix + "quote"
		}
		return TranslationPrefix + "language"
	})
}
