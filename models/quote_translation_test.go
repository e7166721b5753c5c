package models

import (
	"encoding/json"
	"strings"
	"testing"
)

// guaranteeQuote is a Ukrainian source whose quote has an English
// translation.
func guaranteeQuote() Source {
	return Source{Key: "ukrinform-guarantees", Publisher: "Ukrinform", Title: "Гарантії безпеки",
		Language: "uk", Quote: "Україна отримає гарантії безпеки.",
		Translations: []QuoteTranslation{{Language: "en", Quote: "Ukraine will receive security guarantees."}}}
}

func TestSourceQuoteTranslationsValidateAndEncode(t *testing.T) {
	s := guaranteeQuote()
	if err := s.Validate(); err != nil {
		t.Fatalf("a Ukrainian quote with its English translation: %v", err)
	}
	plain := Source{Key: "k", Publisher: "P", Title: "T"}
	if err := plain.Validate(); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(plain)
	if got := string(mustField(t, b, "translations")); got != "[]" {
		t.Fatalf("a source without translations encodes them as %s, want []", got)
	}
	if q, ok := s.QuoteIn("en"); !ok || q != s.Translations[0].Quote {
		t.Errorf("QuoteIn(en) = %q, %v: want the translation", q, ok)
	}
	if q, ok := s.QuoteIn("uk"); !ok || q != s.Quote {
		t.Errorf("QuoteIn(uk) = %q, %v: want the quote itself", q, ok)
	}
	s.Language = "uk-UA"
	if q, ok := s.QuoteIn("uk"); !ok || q != s.Quote {
		t.Errorf("a uk-UA source: QuoteIn(uk) = %q, %v: want the quote itself", q, ok)
	}
}

func TestSourceQuoteTranslationsReportEveryField(t *testing.T) {
	checkBrokenCases(t, guaranteeQuote, (*Source).Validate, []brokenCase[Source]{
		{"no quote", func(s *Source) { s.Translations[0].Quote = "" }, []string{"translations[0].quote"}},
		{"blank quote", func(s *Source) { s.Translations[0].Quote = "  " }, []string{"translations[0].quote"}},
		{"too long", func(s *Source) { s.Translations[0].Quote = strings.Repeat("a", 10001) }, []string{"translations[0].quote"}},
		{"no language", func(s *Source) { s.Translations[0].Language = "" }, []string{"translations[0].language"}},
		{"unknown language", func(s *Source) { s.Translations[0].Language = "de" }, []string{"translations[0].language"}},
		{"the source's own language", func(s *Source) { s.Translations[0].Language = "uk" }, []string{"translations[0].language"}},
		{"the source's language with a region", func(s *Source) { s.Language = "en-GB" }, []string{"translations[0].language"}},
		{"twice in one language", func(s *Source) { s.Translations = append(s.Translations, s.Translations[0]) },
			[]string{"translations[1].language"}},
		{"nothing to translate", func(s *Source) { s.Quote = "" }, []string{"quote"}},
		{"original not marked", func(s *Source) { s.Language = "" }, []string{"language"}},
	})
}

// A patch's translations replace the source's whole.
func TestSourcePatchReplacesQuoteTranslations(t *testing.T) {
	s := guaranteeQuote()
	ts := []QuoteTranslation{}
	SourcePatch{Translations: &ts}.Apply(&s)
	if len(s.Translations) != 0 {
		t.Fatalf("translations %+v after patching them empty", s.Translations)
	}
}
