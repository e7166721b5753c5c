package form

import (
	"encoding/json"
	"net/url"
	"strings"

	"plantracker/models"
)

// The provision form edits the original language and the provision's words
// in Ukrainian, the one language besides the main one the tracker reads in:
// "original_language", and "translation.title", ".text", ".source",
// ".sourcing", the hidden ".locator" and ".more" (the first source's place
// and the further sources as JSON, kept as they were, as a stance's are).
const (
	TranslationPrefix = "translation."
	// TranslationLanguage is the language the form's translation is in.
	TranslationLanguage = "uk"
)

// TranslationRow is the provision's Ukrainian words as typed. A row
// without title, text or source is no translation.
type TranslationRow struct {
	Title, Text, Source, Sourcing, Locator, More string
}

// parseTranslation reads the original language and the translation row of
// a posted form.
func parseTranslation(v url.Values) (string, TranslationRow) {
	p := TranslationPrefix
	return v.Get("original_language"), TranslationRow{Title: strings.TrimSpace(v.Get(p + "title")),
		Text: strings.TrimSpace(v.Get(p + "text")), Source: v.Get(p + "source"), Sourcing: v.Get(p + "sourcing"),
		Locator: v.Get(p + "locator"), More: v.Get(p + "more")}
}

// translationRowOf fills the row from a stored provision's translation in
// the form's language; other languages' are kept as OtherTranslations.
func translationRowOf(p models.Provision) (TranslationRow, string) {
	var row TranslationRow
	var others []models.Translation
	for _, t := range p.Translations {
		if t.Language != TranslationLanguage {
			t.Sources = models.WithoutReferences(t.Sources)
			others = append(others, t)
			continue
		}
		row.Title, row.Text = t.Title, t.Text
		row.Source, row.Sourcing, row.Locator, row.More = splitCitations(t.Sources)
	}
	if len(others) == 0 {
		return row, ""
	}
	return row, string(mustJSON(others))
}

// empty reports whether nothing of the row was filled in.
func (r TranslationRow) empty() bool {
	return r.Title == "" && r.Text == "" && r.Source == "" && r.More == ""
}

// Translations are the form's translation row and the other languages'
// translations, as the domain's (the row's sources as joinCitations reads
// them).
func (f Provision) Translations() []models.Translation {
	var out []models.Translation
	if f.OtherTranslations != "" {
		_ = json.Unmarshal([]byte(f.OtherTranslations), &out) // written by translationRowOf
	}
	r := f.Translation
	if r.empty() {
		return models.TranslationsOf(out)
	}
	t := models.Translation{Language: TranslationLanguage, Title: r.Title, Text: r.Text,
		Sources: models.CitationsOf(joinCitations(r.Source, r.Sourcing, r.Locator, r.More))}
	return append([]models.Translation{t}, out...)
}
