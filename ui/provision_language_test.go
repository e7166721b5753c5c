package ui_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/i18n"
)

// translatedProvision gives the first seeded provision Ukrainian words,
// the original being language, and returns it.
func translatedProvision(t *testing.T, a *app, original string) models.Provision {
	t.Helper()
	list, err := a.store.Provisions(context.Background(), store.ProvisionFilter{Limit: 1})
	if err != nil || len(list.Items) == 0 {
		t.Fatalf("no seeded provision: %v", err)
	}
	return translate(t, a.store, list.Items[0].ID, original)
}

// translate gives provision id Ukrainian words (not a translation of its
// own: what a test reads), citing its own sources, the original being
// language.
func translate(t *testing.T, s *store.Store, id int64, original string) models.Provision {
	t.Helper()
	ctx := context.Background()
	p, err := s.Provision(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	ts := []models.Translation{{Language: "uk", Title: "Суверенітет України підтверджено",
		Text: "Суверенітет України буде підтверджено.", Sources: p.Sources}}
	p, err = s.UpdateProvision(ctx, "tester", p.ID, 0, models.ProvisionPatch{OriginalLanguage: &original, Translations: &ts})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A Ukrainian reader of a provision first reported in English reads its
// Ukrainian words, with the English original marked beside them; an
// English reader of one first reported in Ukrainian reads the English,
// with the Ukrainian original marked beside it.
func TestProvisionPageShowsTheReadersLanguageAndTheOriginal(t *testing.T) {
	tests := []struct {
		name, original, reader string
		first, second          string // the languages shown, in order
		firstOriginal          bool
	}{
		{"Ukrainian reader, English original", "en", i18n.Ukrainian, "uk", "en", false},
		{"English reader, Ukrainian original", "uk", i18n.English, "en", "uk", false},
		{"Ukrainian reader, Ukrainian original", "uk", i18n.Ukrainian, "uk", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApp(t)
			p := translatedProvision(t, a, tt.original)
			body := a.getIn(t, tt.reader, "/provisions/"+id(p.ID))
			first := strings.Index(body, `id="wording-`+tt.first+`"`)
			if first < 0 {
				t.Fatalf("the page does not show the words in %s:\n%s", tt.first, body)
			}
			words := map[string]string{"en": html.EscapeString(p.Text), "uk": p.Translations[0].Text}
			if !strings.Contains(body[first:], `lang="`+tt.first+`">`+words[tt.first]) {
				t.Errorf("the %s words are not shown, marked as %s", tt.first, tt.first)
			}
			originalMark := map[string]string{i18n.English: "Original", i18n.Ukrainian: "Оригінал"}[tt.reader]
			if tt.second == "" {
				if strings.Contains(body, `id="wording-en"`) || !strings.Contains(body[first:], originalMark) {
					t.Fatalf("want the original alone, marked %q:\n%s", originalMark, body[first:])
				}
				return
			}
			second := strings.Index(body, `id="wording-`+tt.second+`"`)
			if second < first {
				t.Fatalf("the original (%s) is not shown after the %s words", tt.second, tt.first)
			}
			if !strings.Contains(body[second:], originalMark) || strings.Contains(body[first:second], originalMark) {
				t.Errorf("the mark %q is not on the original (%s) alone", originalMark, tt.second)
			}
			if !strings.Contains(body[second:], `lang="`+tt.second+`">`+words[tt.second]) {
				t.Errorf("the original %s words are not shown", tt.second)
			}
			titles := map[string]string{"en": html.EscapeString(p.Title), "uk": p.Translations[0].Title}
			if h1 := body[strings.Index(body, "<h1>"):strings.Index(body, "</h1>")]; !strings.Contains(h1, titles[tt.first]) {
				t.Errorf("the heading %s is not in the reader's language (%s)", h1, tt.first)
			}
		})
	}
}

// The edit form adds Ukrainian words to a provision and marks them the
// original; a Ukrainian title without its source is refused beside the
// source's input, and nothing is saved.
func TestProvisionFormEditsTheUkrainianWords(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	p := a.provision(seeded.troopCap28)
	form := provisionValues(p)
	form.Set("original_language", "uk")
	form.Set("translation.title", "Обмеження чисельності ЗСУ")
	form.Set("translation.text", "Чисельність Збройних Сил України обмежується 600 000 осіб.")
	res, body := a.post("/provisions/"+id(p.ID), form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="translation-source-error"`) &&
		!strings.Contains(body, "translation-source") {
		t.Fatalf("a translation without its source: %d, want 422 naming the source input:\n%s", res.StatusCode, body)
	}
	if again, _ := a.store.Provision(ctx, p.ID); again.Version != p.Version {
		t.Fatal("a refused form saved something")
	}
	form.Set("translation.source", p.Sources[0].Source)
	if res, body := a.post("/provisions/"+id(p.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.StatusCode, body)
	}
	saved := a.provision(p.ID)
	if saved.OriginalLanguage != "uk" || len(saved.Translations) != 1 || saved.Translations[0].Sources[0].Sourcing != "reported" ||
		saved.Translations[0].Text != form.Get("translation.text") {
		t.Fatalf("saved %q %+v", saved.OriginalLanguage, saved.Translations)
	}
	// Opened again, the form shows the words; saved unchanged, it changes nothing.
	_, page := a.get("/provisions/" + id(p.ID) + "/edit")
	if !strings.Contains(page, "Обмеження чисельності ЗСУ") {
		t.Fatal("the edit form does not show the Ukrainian title")
	}
	if res, _ := a.post("/provisions/"+id(p.ID), provisionValues(saved)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("an unchanged save: %d", res.StatusCode)
	}
	if again, _ := a.store.Provision(ctx, p.ID); again.Version != saved.Version {
		t.Fatalf("an unchanged form changed the provision: version %d → %d", saved.Version, again.Version)
	}
}

// The chronology gives an event's title and summary in the reader's
// language where the event has them.
func TestChronologyEventInTheReadersLanguage(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	p := a.provision(seeded.troopCap28)
	in := models.EventInput{Key: "test-talks", Date: "2025-12-01", Kind: "meeting", Title: "Test talks in Riyadh",
		Summary: "Delegations met.", Sources: p.Sources, Translations: []models.Translation{{Language: "uk",
			Title: "Тестові переговори в Ер-Ріяді", Text: "Делегації зустрілися.", Sources: p.Sources}}}
	if _, err := a.store.CreateEvent(ctx, "tester", in.Event()); err != nil {
		t.Fatal(err)
	}
	uk := a.getIn(t, i18n.Ukrainian, "/chronology")
	if !strings.Contains(uk, "Тестові переговори в Ер-Ріяді") || !strings.Contains(uk, "Делегації зустрілися.") {
		t.Error("a Ukrainian reader does not read the event in Ukrainian")
	}
	en := a.getIn(t, i18n.English, "/chronology")
	if !strings.Contains(en, "Test talks in Riyadh") || strings.Contains(en, "Тестові переговори") {
		t.Error("an English reader does not read the event in English")
	}
}

// A draft's list of provisions gives a provision's title and wording in
// the reader's language where it has them, the original title below.
func TestDraftListsProvisionsInTheReadersLanguage(t *testing.T) {
	a := newApp(t)
	p := translate(t, a.store, seeded.troopCap28, "en")
	uk := a.getIn(t, i18n.Ukrainian, "/drafts/"+id(p.DraftID))
	if !strings.Contains(uk, `lang="uk">`+p.Translations[0].Title) || !strings.Contains(uk, `lang="uk">`+p.Translations[0].Text) {
		t.Error("a Ukrainian reader does not read the provision in Ukrainian")
	}
	if !strings.Contains(uk, `Оригінал:</span> <span lang="en">`+html.EscapeString(p.Title)) {
		t.Error("a Ukrainian reader does not read the English original title below the Ukrainian")
	}
	if en := a.getIn(t, i18n.English, "/drafts/"+id(p.DraftID)); strings.Contains(en, p.Translations[0].Title) {
		t.Error("an English reader reads the Ukrainian title")
	}
}
