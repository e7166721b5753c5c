package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// guaranteeInUkrainian is the fixture's security guarantee in its original
// Ukrainian words, cited to the Interfax source.
var guaranteeInUkrainian = models.Translation{Language: "uk", Title: "Гарантії безпеки",
	Text: "Напад на Україну є нападом на трансатлантичну спільноту.", Sources: cites("interfax-2025-11-21")}

// A provision's words in Ukrainian are written, read back alone and in its
// draft's list the same, with their citations' references; a change to
// them is recorded; and a search finds the provision by a word of either
// language, the snippet showing the words it found.
func TestProvisionTranslations(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		lang, ts := "uk", []models.Translation{guaranteeInUkrainian}
		got, err := s.UpdateProvision(ctx, "tester", f.guarantee.ID, 0, models.ProvisionPatch{OriginalLanguage: &lang, Translations: &ts})
		if err != nil {
			t.Fatal(err)
		}
		if got.OriginalLanguage != "uk" || len(got.Translations) != 1 || got.Translations[0].Text != guaranteeInUkrainian.Text {
			t.Fatalf("written: %q %+v", got.OriginalLanguage, got.Translations)
		}
		if ref := got.Translations[0].Sources[0].Reference; !strings.HasPrefix(ref, "Interfax-Ukraine") {
			t.Fatalf("the translation's citation reads back as %q, want Interfax's reference", ref)
		}
		alone := must(s.Provision(ctx, f.guarantee.ID))
		sameValue(t, "the provision read alone", got, alone)
		for _, p := range must(s.DraftProvisions(ctx, f.draft.ID)) {
			if p.ID == got.ID {
				sameValue(t, "the provision in its draft's list", got, p)
			}
		}
		changes := changesFor(t, s, models.EntityProvision, got.ID) // newest first
		if last := changes[0]; !strings.Contains(string(last.After), "трансатлантичну") ||
			strings.Contains(string(last.Before), "трансатлантичну") {
			t.Fatalf("the change does not show the translation added: before %s, after %s", last.Before, last.After)
		}
		for _, q := range []string{"transatlantic", "трансатлантичну", "Гарантії"} {
			page, err := s.Search(ctx, ProvisionFilter{Query: q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 1 || page.Items[0].ID != got.ID {
				t.Fatalf("search %q found %+v, want the guarantee alone", q, page.Items)
			}
			if q == "трансатлантичну" && !strings.Contains(page.Items[0].Snippet, "трансатлантичну") {
				t.Errorf("search %q: snippet %q does not show the Ukrainian words", q, page.Items[0].Snippet)
			}
			listed, err := s.Provisions(ctx, ProvisionFilter{Query: q, Limit: 10})
			if err != nil || len(listed.Items) != 1 {
				t.Fatalf("the list filtered by %q: %d provisions, %v", q, len(listed.Items), err)
			}
		}
		// Removed, the Ukrainian words are no longer found.
		lang, ts = "en", []models.Translation{}
		if _, err := s.UpdateProvision(ctx, "tester", got.ID, 0, models.ProvisionPatch{OriginalLanguage: &lang, Translations: &ts}); err != nil {
			t.Fatal(err)
		}
		if page := must(s.Search(ctx, ProvisionFilter{Query: "трансатлантичну", Limit: 10})); len(page.Items) != 0 {
			t.Fatalf("a removed translation is still found: %+v", page.Items)
		}
	})
}

// A translation citing a source that does not exist is refused, naming the
// citation.
func TestProvisionTranslationCitesUnknownSource(t *testing.T) {
	s := openTest(t)
	f := newFixture(t, s)
	tr := guaranteeInUkrainian
	tr.Sources = cites("no-such-source")
	ts := []models.Translation{tr}
	_, err := s.UpdateProvision(context.Background(), "tester", f.guarantee.ID, 0, models.ProvisionPatch{Translations: &ts})
	if err == nil || !strings.Contains(err.Error(), "translations[0].sources[0].source") {
		t.Fatalf("err = %v, want a refusal naming translations[0].sources[0].source", err)
	}
}

// A database whose full-text index was made before translations were
// indexed gets the new index on opening, filled from its rows: what was
// found before is found, and translations written after are found too.
func TestOldSearchIndexIsRemade(t *testing.T) {
	dsn := TestSupport.SQLiteDSN(t)
	s := openDSN(t, dsn)
	f := newFixture(t, s)
	for _, stmt := range []string{
		`DROP TRIGGER provisions_fts_insert`, `DROP TRIGGER provisions_fts_delete`, `DROP TRIGGER provisions_fts_update`,
		`DROP TABLE provisions_fts`,
		`CREATE VIRTUAL TABLE provisions_fts USING fts5(key, title, text, terms, content='provisions', content_rowid='id',
			tokenize='unicode61 remove_diacritics 2')`,
		`INSERT INTO provisions_fts(provisions_fts) VALUES ('rebuild')`,
	} {
		if err := s.write.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openDSN(t, dsn)
	ctx := context.Background()
	if page := must(s.Search(ctx, ProvisionFilter{Query: "transatlantic", Limit: 10})); len(page.Items) != 1 {
		t.Fatalf("after the upgrade, the guarantee is not found: %+v", page.Items)
	}
	ts := []models.Translation{guaranteeInUkrainian}
	if _, err := s.UpdateProvision(ctx, "tester", f.guarantee.ID, 0, models.ProvisionPatch{Translations: &ts}); err != nil {
		t.Fatal(err)
	}
	if page := must(s.Search(ctx, ProvisionFilter{Query: "трансатлантичну", Limit: 10})); len(page.Items) != 1 {
		t.Fatalf("after the upgrade, a translation is not found: %+v", page.Items)
	}
}

// An event's title and summary in Ukrainian are written and read back,
// changed by a patch, and a translation citing no known source is refused
// at its field.
func TestEventTranslations(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		in := models.EventInput{Key: "geneva-talks", Date: "2025-11-23", Kind: "meeting", Title: "Geneva talks",
			Summary: "Talks in Geneva.", Sources: cites("interfax-2025-11-21"), OriginalLanguage: "uk",
			Translations: []models.Translation{{Language: "uk", Title: "Переговори в Женеві", Text: "Переговори в Женеві.",
				Sources: cites("interfax-2025-11-21")}}}
		e, err := s.CreateEvent(ctx, "ed", in.Event())
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "event", e, must(s.Event(ctx, e.ID)))
		if e.OriginalLanguage != "uk" || len(e.Translations) != 1 || e.Translations[0].Title != "Переговори в Женеві" {
			t.Fatalf("created %q %+v", e.OriginalLanguage, e.Translations)
		}
		ts := []models.Translation{{Language: "uk", Title: "Женевські переговори", Sources: cites("axios-2025-11-20")}}
		up, err := s.UpdateEvent(ctx, "ed", e.ID, 0, models.EventPatch{Translations: &ts})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "patched event", up, must(s.Event(ctx, e.ID)))
		ts[0].Sources = cites("no-such-source")
		if _, err := s.UpdateEvent(ctx, "ed", e.ID, 0, models.EventPatch{Translations: &ts}); err == nil ||
			!strings.Contains(err.Error(), "translations[0].sources[0].source") {
			t.Fatalf("an unknown source: %v", err)
		}
	})
}

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
