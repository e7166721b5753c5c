package report

import (
	"strings"
	"testing"

	"plantracker/models"
)

// Read in Ukrainian, a key whose provisions both have Ukrainian words is
// compared in them; a key with Ukrainian words on one side only compares
// the English on both, never English against Ukrainian.
func TestCompareInLanguage(t *testing.T) {
	uk := func(title, text string) []models.Translation {
		return []models.Translation{{Language: "uk", Title: title, Text: text}}
	}
	prov := func(key, text string, ts []models.Translation) models.Provision {
		return models.Provision{Key: key, Kind: "other", Title: key, Text: text, Terms: []byte(`{}`),
			Status: "proposed", Sourcing: "reported", Translations: ts}
	}
	from := DraftProvisions{Draft: models.Draft{ID: 1, Number: 1, Coverage: "complete"}, Provisions: []models.Provision{
		prov("both", "Troops withdraw.", uk("обидва", "Війська відходять.")),
		prov("one-side", "Sanctions are lifted.", nil),
	}}
	to := DraftProvisions{Draft: models.Draft{ID: 2, Number: 2, Coverage: "complete"}, Provisions: []models.Provision{
		prov("both", "Troops withdraw.", uk("обидва", "Війська негайно відходять.")),
		prov("one-side", "Sanctions are lifted.", uk("одна", "Санкції скасовуються.")),
	}}
	a, b := InLanguage(from, to, "uk")
	cmp := Compare(a, b)
	byKey := map[string]ComparisonRow{}
	for _, r := range cmp.Rows {
		byKey[r.Key] = r
	}
	if r := byKey["both"]; r.Status != StatusChanged || len(r.Changes) != 1 || r.Changes[0].Field != "text" ||
		r.Changes[0].Before != "Війська відходять." {
		t.Fatalf("both sides in Ukrainian: %s %+v, want the Ukrainian wording changed", r.Status, r.Changes)
	}
	if r := byKey["one-side"]; r.Status != StatusUnchanged {
		t.Fatalf("Ukrainian on one side only: %s %+v, want the English compared (unchanged)", r.Status, r.Changes)
	}
	if from.Provisions[0].Text != "Troops withdraw." {
		t.Fatal("InLanguage changed the drafts it was given")
	}
	if a, _ := InLanguage(from, to, "en"); a.Provisions[0].Text != "Troops withdraw." {
		t.Fatal("read in English, the English is compared")
	}
}

// Two versions of one provision list a change of its Ukrainian words and
// of its original language, as its history shows them.
func TestCompareProvisionsListsTranslationChanges(t *testing.T) {
	from := models.Provision{Key: "cap", Kind: "other", Title: "Cap", Text: "Capped.", OriginalLanguage: "en",
		Translations: []models.Translation{}}
	to := from
	to.OriginalLanguage = "uk"
	to.Translations = []models.Translation{{Language: "uk", Title: "Обмеження", Text: "Обмежено.",
		Sources: []models.Citation{{Source: "x", Sourcing: "reported"}}}}
	var fields []string
	for _, fc := range CompareProvisions(from, to) {
		fields = append(fields, fc.Field)
	}
	want := []string{"original_language", "translations.uk.title", "translations.uk.text", "translations.uk.sources"}
	if strings.Join(fields, " ") != strings.Join(want, " ") {
		t.Fatalf("changes %v, want %v", fields, want)
	}
	if len(CompareProvisions(to, to)) != 0 {
		t.Fatal("a provision differs from itself")
	}
}
