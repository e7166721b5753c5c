package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// ukrainianQuoteSource is a source first published in English whose quote
// has a Ukrainian translation.
var ukrainianQuoteSource = models.Source{Key: "reuters-guarantees", Publisher: "Reuters", Title: "Security guarantees",
	Language: "en", Quote: "Ukraine will receive security guarantees.",
	Translations: []models.QuoteTranslation{{Language: "uk", Quote: "Україна отримає гарантії безпеки."}}}

// ukrainianOriginalSource is a source first published in Ukrainian whose
// quote has an English translation.
var ukrainianOriginalSource = models.Source{Key: "ukrinform-guarantees", Publisher: "Ukrinform", Title: "Гарантії безпеки",
	Language: "uk", Quote: "Україна отримає гарантії.",
	Translations: []models.QuoteTranslation{{Language: "en", Quote: "Ukraine will get guarantees."}}}

// A Ukrainian reader of the sources reads a quote in Ukrainian, with the
// English original marked beside it; an English reader reads the English
// original alone, marked; and a source first published in Ukrainian shows
// an English reader the English translation with the Ukrainian original
// marked beside it.
func TestSourcesPageShowsTheQuoteInTheReadersLanguageAndTheOriginal(t *testing.T) {
	tests := []struct {
		name   string
		source models.Source
		reader string
		first  models.QuoteTranslation // the quote shown first
		second string                  // the original's language shown beside it; "" when the first is the original
	}{
		{"Ukrainian reader, English original", ukrainianQuoteSource, i18n.Ukrainian, ukrainianQuoteSource.Translations[0], "en"},
		{"English reader, English original", ukrainianQuoteSource, i18n.English, models.QuoteTranslation{Language: "en", Quote: ukrainianQuoteSource.Quote}, ""},
		{"English reader, Ukrainian original", ukrainianOriginalSource, i18n.English, ukrainianOriginalSource.Translations[0], "uk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApp(t)
			if _, err := a.store.CreateSource(context.Background(), "tester", tt.source); err != nil {
				t.Fatal(err)
			}
			body := a.getIn(t, tt.reader, "/sources")
			idOf := func(lang string) string { return `id="source-` + tt.source.Key + `-quote-` + lang + `"` }
			originalMark := map[string]string{i18n.English: "Original", i18n.Ukrainian: "Оригінал"}[tt.reader]
			first := strings.Index(body, idOf(tt.first.Language))
			if first < 0 {
				t.Fatalf("the page does not show the quote in %s:\n%s", tt.first.Language, body)
			}
			if !strings.Contains(body[first:], `lang="`+tt.first.Language+`">`+tt.first.Quote) {
				t.Errorf("the quote in %s is not shown, marked as %s", tt.first.Language, tt.first.Language)
			}
			if tt.second == "" {
				end := first + strings.Index(body[first:], "</div>")
				if !strings.Contains(body[first:end], originalMark) || strings.Contains(body, idOf(tt.source.Translations[0].Language)) {
					t.Fatalf("want the original alone, marked %q:\n%s", originalMark, body[first:])
				}
				return
			}
			second := strings.Index(body, idOf(tt.second))
			if second < first {
				t.Fatalf("the original (%s) is not shown after the quote in %s", tt.second, tt.first.Language)
			}
			if !strings.Contains(body[second:], originalMark) || strings.Contains(body[first:second], originalMark) {
				t.Errorf("the mark %q is not on the original (%s) alone", originalMark, tt.second)
			}
			if !strings.Contains(body[second:], `lang="`+tt.second+`">`+tt.source.Quote) {
				t.Errorf("the original quote in %s is not shown", tt.second)
			}
		})
	}
}

// sourceValues is the source form as the edit page fills it.
func sourceValues(s models.Source) url.Values {
	return url.Values{"version": {id(int64(s.Version))}, "publisher": {s.Publisher}, "title": {s.Title}, "date": {s.Date},
		"url": {s.URL}, "language": {s.Language}, "quote": {s.Quote}, "note": {s.Note}}
}

// The source form adds a translation of the quote: a translated passage
// without its language is refused beside the language's input, and
// nothing is saved; with it, it is saved, shown again by the form, and an
// unchanged save changes nothing.
func TestSourceFormEditsTheQuotesTranslation(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	plain := ukrainianQuoteSource
	plain.Translations = nil
	src, err := a.store.CreateSource(ctx, "tester", plain)
	if err != nil {
		t.Fatal(err)
	}
	form := sourceValues(src)
	form.Set("translation.quote", ukrainianQuoteSource.Translations[0].Quote)
	res, body := a.post("/sources/"+id(src.ID), form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="translation-language-error"`) {
		t.Fatalf("a translation without its language: %d, want 422 naming the language's input:\n%s", res.StatusCode, body)
	}
	if again, _ := a.store.Source(ctx, src.ID); again.Version != src.Version {
		t.Fatal("a refused form saved something")
	}
	form.Set("translation.language", "uk")
	if res, body := a.post("/sources/"+id(src.ID), form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.StatusCode, body)
	}
	saved, err := a.store.Source(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Translations) != 1 || saved.Translations[0] != ukrainianQuoteSource.Translations[0] || saved.Quote != src.Quote {
		t.Fatalf("saved quote %q, translations %+v", saved.Quote, saved.Translations)
	}
	_, page := a.get("/sources/" + id(src.ID) + "/edit")
	if !strings.Contains(page, ukrainianQuoteSource.Translations[0].Quote) {
		t.Fatal("the edit form does not show the translated passage")
	}
	again := sourceValues(saved)
	again.Set("translation.language", "uk")
	again.Set("translation.quote", saved.Translations[0].Quote)
	if res, _ := a.post("/sources/"+id(src.ID), again); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("an unchanged save: %d", res.StatusCode)
	}
	if after, _ := a.store.Source(ctx, src.ID); after.Version != saved.Version {
		t.Fatalf("an unchanged form changed the source: version %d → %d", saved.Version, after.Version)
	}
}
