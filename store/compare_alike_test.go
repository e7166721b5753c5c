package store

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"plantracker/models"
	"plantracker/models/report"
)

// TestBriefComparisonLeavesOutOnlyWhatIsAlike: a draft of copies of one
// provision, and its fork in which each copy but one differs from its
// original in one thing: a word, a term, a party's role, a stance's date or
// sources, the parties' order, a translation, a citation, a title. Only
// the untouched copies and those whose citation or title changed (their
// sourcing and labels, not their substance) are found alike in SQL, and
// the brief answers, in either order and language, exactly what the full
// comparison's brief does (the citation and the title listed as sourcing
// changes); on both databases.
func TestBriefComparisonLeavesOutOnlyWhatIsAlike(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		ukTitle := "Гарантія безпеки"
		copyOf := func(key string) models.Provision {
			p := f.guarantee
			p.ID, p.Key, p.Version = 0, key, 0
			p.Translations = []models.Translation{{Language: "uk", Title: ukTitle,
				Text: "Напад на Україну є нападом на трансатлантичну спільноту.", Sources: cites("interfax-2025-11-21")}}
			return p
		}
		parties := func(edit func(pp []models.ProvisionParty)) *[]models.ProvisionParty {
			pp := slices.Clone(f.guarantee.Parties)
			edit(pp)
			return &pp
		}
		terms := json.RawMessage(`{"model":"article5_like","guarantors":["US","FR","UK"],"duration_years":15,"renewable":true}`)
		variants := map[string]models.ProvisionPatch{
			"same":           {},
			"text":           {Text: new("An attack on Ukraine is an attack on all of us.")},
			"terms":          {Terms: &terms},
			"role":           {Parties: parties(func(pp []models.ProvisionParty) { pp[1].Role = "monitor" })},
			"stance-date":    {Parties: parties(func(pp []models.ProvisionParty) { pp[1].StanceDate = "2025-11-22" })},
			"stance-sources": {Parties: parties(func(pp []models.ProvisionParty) { pp[1].StanceSources = cites("axios-2025-11-20") })},
			"party-order":    {Parties: parties(slices.Reverse[[]models.ProvisionParty])},
			"translation": {Translations: &[]models.Translation{{Language: "uk", Title: ukTitle,
				Text: "Напад на Україну є нападом на всіх нас.", Sources: cites("interfax-2025-11-21")}}},
			"citation": {Sources: new(cites("axios-2025-11-20"))},
			"title":    {Title: new("Article 5-like guarantee")},
		}
		for key := range variants {
			must(s.CreateProvision(ctx, "tester", copyOf(key)))
		}
		fork := must(s.ForkDraft(ctx, "tester", f.draft.ID, models.ForkInput{Label: "revision", Date: "2025-11-23"}))
		for _, p := range must(s.DraftProvisions(ctx, fork.ID)) {
			if patch, ok := variants[p.Key]; ok && patch != (models.ProvisionPatch{}) {
				must(s.UpdateProvision(ctx, "tester", p.ID, 0, patch))
			}
		}

		alike := must(loadAlike(s.reader(ctx), f.draft.ID, fork.ID, models.MainLanguage))
		var keys []string
		for _, k := range alike {
			keys = append(keys, k.key)
		}
		slices.Sort(keys)
		if want := []string{"citation", "same", "security-guarantee", "title", "troop-cap"}; !slices.Equal(keys, want) {
			t.Errorf("alike in SQL: %v, want %v", keys, want)
		}

		for _, lang := range models.TextLanguages.Values() {
			for _, ids := range [][2]int64{{f.draft.ID, fork.ID}, {fork.ID, f.draft.ID}} {
				brief := must(s.BriefComparisonIn(ctx, ids[0], ids[1], lang))
				full := must(s.ComparisonIn(ctx, ids[0], ids[1], lang)).Brief()
				got, want := must(json.Marshal(brief)), must(json.Marshal(full))
				if string(got) != string(want) {
					t.Errorf("%s, drafts %v: the brief read apart differs from the full comparison's:\n%s\nwant\n%s", lang, ids, got, want)
				}
				// Which differences count is the engine's to say; that some
				// do, and some do not, is what makes the comparison a test.
				if c := brief.Counts; c.Total != 12 || c.Changed == 0 || c.SourcingOnly == 0 {
					t.Errorf("%s, drafts %v: counts %+v, want 12 keys, some changed, some in sourcing only", lang, ids, c)
				}
				if i := slices.IndexFunc(brief.Unchanged, func(r report.UnchangedRow) bool { return r.Key == "same" }); i < 0 {
					t.Errorf("%s: the untouched copy is not listed unchanged", lang)
				} else if title := brief.Unchanged[i].Title; (lang == "uk") != (title == ukTitle) {
					t.Errorf("%s: the untouched copy is titled %q", lang, title)
				}
			}
		}
	})
}
