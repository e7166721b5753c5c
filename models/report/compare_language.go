package report

import "plantracker/models"

// InLanguage readies two drafts for a comparison read in language: a key
// whose provisions both have their words in that language (a translation)
// is compared in those words, title and wording; every other key in the
// main language's. A wording is never diffed against one in another
// language: where only one side has the words in language, both sides
// keep their main-language words. The drafts given are not changed.
func InLanguage(a, b DraftProvisions, language string) (DraftProvisions, DraftProvisions) {
	if language == models.MainLanguage {
		return a, b
	}
	inA := translationsByKey(a.Provisions, language)
	inB := translationsByKey(b.Provisions, language)
	both := map[string]bool{}
	for key := range inA {
		if _, ok := inB[key]; ok {
			both[key] = true
		}
	}
	if len(both) == 0 {
		return a, b
	}
	return withWordsIn(a, inA, both), withWordsIn(b, inB, both)
}

// translationsByKey are the provisions' translations in language, by key.
func translationsByKey(ps []models.Provision, language string) map[string]models.Translation {
	out := map[string]models.Translation{}
	for _, p := range ps {
		if t, ok := models.TranslationIn(p.Translations, language); ok {
			out[p.Key] = t
		}
	}
	return out
}

// withWordsIn is dp with the provisions of the keys in both given the
// title and wording of their translation, on a copy of the list.
func withWordsIn(dp DraftProvisions, ts map[string]models.Translation, both map[string]bool) DraftProvisions {
	ps := make([]models.Provision, len(dp.Provisions))
	for i, p := range dp.Provisions {
		if both[p.Key] {
			p.Title, p.Text = ts[p.Key].Title, ts[p.Key].Text
		}
		ps[i] = p
	}
	dp.Provisions = ps
	return dp
}

// translationChanges lists what differs between two versions of one
// provision's words in other languages: the original language, and each
// language's title, wording (a word diff) and sources, named by field
// ("translations.uk.text"). Comparisons of drafts leave them out: those
// compare one language's words (InLanguage).
func (c *comparer) translationChanges(a, b models.Provision) []FieldChange {
	var out []FieldChange
	if a.OriginalLanguage != b.OriginalLanguage {
		out = append(out, newChange("original_language", "Original language", "enum",
			models.TextLanguages.Label(a.OriginalLanguage), models.TextLanguages.Label(b.OriginalLanguage)).summarize())
	}
	languages := models.DistinctKeys(append(append([]models.Translation(nil), a.Translations...), b.Translations...),
		func(t models.Translation) string { return t.Language })
	for _, lang := range languages {
		ta, _ := models.TranslationIn(a.Translations, lang)
		tb, _ := models.TranslationIn(b.Translations, lang)
		field, in := "translations."+lang+".", " in "+models.TextLanguages.Label(lang)
		if ta.Title != tb.Title {
			out = append(out, newChange(field+"title", "Title"+in, "text", ta.Title, tb.Title).summarize())
		}
		if ta.Text != tb.Text {
			fc := newChange(field+"text", "Wording"+in, "wording", ta.Text, tb.Text)
			fc.Words = c.wd.Diff(ta.Text, tb.Text)
			fc.Summary = wordingSummary(fc.Words)
			out = append(out, fc)
		}
		if !models.SameCitations(ta.Sources, tb.Sources) {
			out = append(out, newChange(field+"sources", "Sources"+in, "text",
				models.CitationText(ta.Sources), models.CitationText(tb.Sources)).summarize())
		}
	}
	return out
}
