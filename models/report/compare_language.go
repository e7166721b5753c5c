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
