package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// Source is the source form as typed.
type Source struct {
	Key, Publisher, Title, Date, URL, Language, Quote, Note string
	// Translation is the quote in one other language, and
	// OtherTranslations any further ones as JSON (quote_translation.go).
	Translation       models.QuoteTranslation
	OtherTranslations string
	Version           int
}

// ParseSource reads a posted source form.
func ParseSource(v url.Values) Source {
	f := Source{Key: strings.TrimSpace(v.Get("key")), Publisher: strings.TrimSpace(v.Get("publisher")),
		Title: strings.TrimSpace(v.Get("title")), Date: strings.TrimSpace(v.Get("date")),
		URL: strings.TrimSpace(v.Get("url")), Language: strings.TrimSpace(v.Get("language")),
		Quote: strings.TrimSpace(v.Get("quote")), Note: strings.TrimSpace(v.Get("note"))}
	f.Translation, f.OtherTranslations = parseQuoteTranslation(v)
	f.Version, _ = strconv.Atoi(v.Get("version"))
	return f
}

// FromSource fills the form from a stored source.
func FromSource(s models.Source) Source {
	f := Source{Key: s.Key, Publisher: s.Publisher, Title: s.Title, Date: s.Date, URL: s.URL,
		Language: s.Language, Quote: s.Quote, Note: s.Note, Version: s.Version}
	f.Translation, f.OtherTranslations = quoteTranslationRowOf(s)
	return f
}

// Model is the new source the form describes.
func (f Source) Model() models.Source {
	return models.SourceInput{Key: f.Key, Publisher: f.Publisher, Title: f.Title, Date: f.Date, URL: f.URL,
		Language: f.Language, Quote: f.Quote, Note: f.Note, Translations: f.Translations()}.Source()
}

// Patch is the change the form makes to a stored source; its key stays.
func (f Source) Patch() models.SourcePatch {
	translations := f.Translations()
	return models.SourcePatch{Publisher: &f.Publisher, Title: &f.Title, Date: &f.Date, URL: &f.URL,
		Language: &f.Language, Quote: &f.Quote, Note: &f.Note, Translations: &translations}
}
