package ui

import (
	"plantracker/models"
)

// hitWords is a provision's title and wording as a list of provisions (the
// search results, a draft's list) shows them to a reader: the title in the
// reader's language where the provision has it, the title in the other
// language on a line of its own below, and the wording in the language
// whose words the search found.
type hitWords struct {
	ProvisionID int64
	// Query is the words searched for, which the list marks.
	Query string
	// Title is in the reader's language where the provision has it, else
	// in the main one (TitleLanguage).
	Title, TitleLanguage string
	// Text is the wording in TextLanguage: the title's language where the
	// words searched for are in it (or nothing was searched for), else
	// the other language's where they are there.
	Text, TextLanguage string
	// Other is the title in another language, with its wording: the
	// original where the title is not, else the English, else (for an
	// English reader) the translation the search found the words in; nil
	// for a provision with words in one language only.
	Other *wordingInLanguage
}

// hitWordsFor is what a list of provisions shows of p to a reader of
// language who searched for (or filtered by) q. It reads the words as the provision page
// does (wordingFor): the reader's language first, the original beside;
// a hit in the reader's own original language gets the English title
// beside it, the language the tracker compares in.
func hitWordsFor(p models.Provision, language, q string) hitWords {
	lines := wordingFor(p, language)
	if len(lines) == 0 {
		return hitWords{ProvisionID: p.ID, Query: q, Title: p.Title, TitleLanguage: models.MainLanguage,
			Text: p.Text, TextLanguage: models.MainLanguage}
	}
	shown := lines[0]
	w := hitWords{ProvisionID: p.ID, Query: q, Title: shown.Title, TitleLanguage: shown.Language,
		Text: shown.Text, TextLanguage: shown.Language}
	switch {
	case len(lines) > 1:
		w.Other = &lines[1]
	case shown.Language != models.MainLanguage:
		w.Other = &wordingInLanguage{Language: models.MainLanguage, Title: p.Title, Text: p.Text,
			Original: originalOf(p) == models.MainLanguage}
	case q != "" && !matchesWords(p.Title+"\n"+p.Text, q):
		// Found by its words in another language only: those beside it.
		for _, t := range p.Translations {
			if matchesWords(t.Title+"\n"+t.Text, q) {
				w.Other = &wordingInLanguage{Language: t.Language, Title: t.Title, Text: t.Text,
					Original: originalOf(p) == t.Language}
				break
			}
		}
	}
	if o := w.Other; o != nil && o.Text != "" &&
		(w.Text == "" || q != "" && !matchesWords(w.Text, q) && matchesWords(o.Text, q)) {
		w.Text, w.TextLanguage = o.Text, o.Language
	}
	return w
}
