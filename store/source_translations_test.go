package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// A source's quote in other languages is written, read back alone and in
// the list the same, replaced whole by a patch, and recorded in the
// source's history; a translation in the source's own language is refused
// at its field.
func TestSourceQuoteTranslations(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		src := models.Source{Key: "ukrinform-guarantees", Publisher: "Ukrinform", Title: "Гарантії безпеки", Language: "uk",
			Quote:        "Україна отримає гарантії безпеки.",
			Translations: []models.QuoteTranslation{{Language: "en", Quote: "Ukraine will receive security guarantees."}}}
		got, err := s.CreateSource(ctx, "tester", src)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Translations) != 1 || got.Translations[0] != src.Translations[0] {
			t.Fatalf("created with translations %+v", got.Translations)
		}
		sameValue(t, "the source read alone", got, must(s.Source(ctx, got.ID)))
		sameValue(t, "the source read by key", got, must(s.SourceByKey(ctx, got.Key)))
		for _, listed := range must(s.Sources(ctx)) {
			if listed.ID == got.ID {
				sameValue(t, "the source in the list", got, listed)
			}
		}

		ts := []models.QuoteTranslation{{Language: "en", Quote: "Ukraine will get security guarantees."}}
		up, err := s.UpdateSource(ctx, "tester", got.ID, 0, models.SourcePatch{Translations: &ts})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "the patched source read back", up, must(s.Source(ctx, got.ID)))
		if len(up.Translations) != 1 || up.Translations[0].Quote != ts[0].Quote || up.Quote != src.Quote {
			t.Fatalf("patched: quote %q, translations %+v", up.Quote, up.Translations)
		}
		if last := changesFor(t, s, models.EntitySource, got.ID)[0]; !strings.Contains(string(last.After), "will get") ||
			!strings.Contains(string(last.Before), "will receive") {
			t.Fatalf("the change does not show the translation replaced: before %s, after %s", last.Before, last.After)
		}

		ts = []models.QuoteTranslation{{Language: "uk", Quote: "Україна."}}
		_, err = s.UpdateSource(ctx, "tester", got.ID, 0, models.SourcePatch{Translations: &ts})
		var verr *models.ValidationError
		if !errors.As(err, &verr) || len(verr.Errors) != 1 || verr.Errors[0].Field != "translations[0].language" {
			t.Fatalf("a translation in the source's own language: %v, want a refusal at translations[0].language", err)
		}

		ts = []models.QuoteTranslation{}
		up, err = s.UpdateSource(ctx, "tester", got.ID, 0, models.SourcePatch{Translations: &ts})
		if err != nil || up.Translations == nil || len(up.Translations) != 0 {
			t.Fatalf("translations removed: %+v, %v; want an empty list", up.Translations, err)
		}
	})
}
