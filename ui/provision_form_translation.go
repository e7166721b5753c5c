package ui

import (
	"plantracker/models"
	"plantracker/ui/form"
)

// translationFields are the provision form's inputs for its words in
// another language: the original language, and the Ukrainian title,
// wording and source; what the form does not edit (the first source's
// place, further sources, other languages' words) rides along hidden.
func translationFields(s *fieldSet, page *provisionFormPage, f form.Provision, sources []models.Source) {
	original := s.choice("original_language", "Original language", f.OriginalLanguage, "", models.TextLanguages)
	original.Help = "The language the reporting first gave the words in. Where it is Ukrainian, the Ukrainian words below are the original."
	page.Fields["original_language"] = original
	r, p := f.Translation, form.TranslationPrefix
	page.Fields[p+"title"] = s.text(p+"title", "Title in Ukrainian", r.Title)
	page.Fields[p+"text"] = s.textarea(p+"text", "Wording in Ukrainian", r.Text, min(4+len(r.Text)/120, 14))
	page.Fields[p+"source"] = s.choice(p+"source", "Source of the Ukrainian words", r.Source, "—", sourceTerms(sources, r.Source))
	page.Fields[p+"sourcing"] = s.choice(p+"sourcing", "Sourcing of the Ukrainian words", r.Sourcing, "", models.Sourcings)
	for _, h := range []hiddenInput{{p + "locator", r.Locator}, {p + "more", r.More}, {"other_translations", f.OtherTranslations}} {
		if h.Value != "" {
			page.TranslationHidden = append(page.TranslationHidden, h)
		}
	}
}
