package ui

import (
	"plantracker/models"
)

// wordingInLanguage is a provision's title and text in one language, as
// its page shows them: the reader's language, or the original beside it.
// A source's quote in one language is shown the same way, without a title.
type wordingInLanguage struct {
	// ID is the element's id, unique on the page: "wording-uk".
	ID       string
	Language string
	Title    string
	Text     string
	// Original marks the words the reporting first gave.
	Original bool
	// Sources are a translation's own citations; none for the main
	// language's words, whose sources the page lists apart.
	Sources []models.Citation
}

// wordingFor is what the provision page shows of the provision's words to
// a reader of language: its words in that language where it has them (a
// translation), else in the main language; and, when those are not the
// original, the original words beside them. A provision with no
// translations, first reported in English, is shown as it always was: one
// text, not marked (nil).
func wordingFor(p models.Provision, language string) []wordingInLanguage {
	if len(p.Translations) == 0 && originalOf(p) == models.MainLanguage {
		return nil
	}
	inLanguage := func(lang string) (wordingInLanguage, bool) {
		w := wordingInLanguage{ID: "wording-" + lang, Language: lang, Original: lang == originalOf(p)}
		if lang == models.MainLanguage {
			w.Title, w.Text = p.Title, p.Text
			return w, true
		}
		t, ok := models.TranslationIn(p.Translations, lang)
		w.Title, w.Text, w.Sources = t.Title, t.Text, t.Sources
		return w, ok
	}
	shown, ok := inLanguage(language)
	if !ok {
		shown, _ = inLanguage(models.MainLanguage)
	}
	out := []wordingInLanguage{shown}
	if !shown.Original {
		if original, ok := inLanguage(originalOf(p)); ok {
			out = append(out, original)
		}
	}
	return out
}

// originalOf is the language of the provision's original words: the main
// language where none is recorded.
func originalOf(p models.Provision) string {
	if p.OriginalLanguage == "" {
		return models.MainLanguage
	}
	return p.OriginalLanguage
}

// titleFor is the provision's title in language where it has one, else
// its main title.
func titleFor(p models.Provision, language string) string {
	if t, ok := models.TranslationIn(p.Translations, language); ok && t.Title != "" {
		return t.Title
	}
	return p.Title
}

// eventIn is the event with its title and summary in language where it
// has them (a translation's text is the summary), for the chronology and
// the timelines.
func eventIn(e models.Event, language string) models.Event {
	if t, ok := models.TranslationIn(e.Translations, language); ok && language != models.MainLanguage {
		e.Title = t.Title
		if t.Text != "" {
			e.Summary = t.Text
		}
	}
	return e
}
