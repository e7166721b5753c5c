package models

import (
	"encoding/json"
	"reflect"
	"testing"
)

func ukrainianTranslation() Translation {
	return Translation{Language: "uk", Title: "Обмеження чисельності військ", Text: "Чисельність ЗСУ обмежується 600 000 осіб.",
		Sources: []Citation{{Source: "ukrainska-pravda", Sourcing: "reported"}}}
}

func TestProvisionTranslationsDefaultAndValidate(t *testing.T) {
	p := validTroopCap()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.OriginalLanguage != "en" || p.Translations == nil {
		t.Fatalf("original language %q, translations %v: want en and an empty list", p.OriginalLanguage, p.Translations)
	}
	b, _ := json.Marshal(p)
	if got := string(mustField(t, b, "translations")); got != "[]" {
		t.Fatalf("translations encode as %s, want []", got)
	}
	p = translatedTroopCap()
	p.OriginalLanguage = "uk"
	if err := p.Validate(); err != nil {
		t.Fatalf("a Ukrainian original with its words: %v", err)
	}
}

func TestProvisionTranslationsReportEveryField(t *testing.T) {
	checkBrokenCases(t, translatedTroopCap, (*Provision).Validate, []brokenCase[Provision]{
		{"no title", func(p *Provision) { p.Translations[0].Title = " " }, []string{"translations[0].title"}},
		{"no sources", func(p *Provision) { p.Translations[0].Sources = nil }, []string{"translations[0].sources"}},
		{"bad citation", func(p *Provision) { p.Translations[0].Sources[0].Sourcing = "rumour" },
			[]string{"translations[0].sources[0].sourcing"}},
		{"unknown language", func(p *Provision) { p.Translations[0].Language = "xx" }, []string{"translations[0].language"}},
		{"the main language", func(p *Provision) { p.Translations[0].Language = "en" }, []string{"translations[0].language"}},
		{"twice in one language", func(p *Provision) { p.Translations = append(p.Translations, ukrainianTranslation()) },
			[]string{"translations[1].language"}},
		{"original without its words", func(p *Provision) { p.OriginalLanguage = "uk"; p.Translations = nil },
			[]string{"original_language"}},
		{"unknown original", func(p *Provision) { p.OriginalLanguage = "de" }, []string{"original_language"}},
	})
}

// translatedTroopCap is the valid troop cap with its Ukrainian words.
func translatedTroopCap() Provision {
	p := validTroopCap()
	p.Translations = []Translation{ukrainianTranslation()}
	return p
}

func TestProvisionTranslationSourcesAreReferences(t *testing.T) {
	p := translatedTroopCap()
	refs := p.SourceReferences()
	last := refs[len(refs)-1]
	if last != (SourceReference{"translations[0].sources[0].source", "ukrainska-pravda"}) {
		t.Fatalf("last reference %+v, want the translation's source", last)
	}
}

// A merge patch replaces the translations whole, as it does other lists,
// and null clears them.
func TestProvisionMergePatchTranslations(t *testing.T) {
	p := translatedTroopCap()
	patch, err := p.MergePatch(json.RawMessage(`{"original_language":"uk","translations":[{"language":"uk","title":"Нове","sources":[{"source":"x","sourcing":"reported"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := p
	patch.Apply(&got)
	if got.OriginalLanguage != "uk" || len(got.Translations) != 1 || got.Translations[0].Title != "Нове" {
		t.Fatalf("patched: %q %+v", got.OriginalLanguage, got.Translations)
	}
	patch, err = p.MergePatch(json.RawMessage(`{"translations":null}`))
	if err != nil {
		t.Fatal(err)
	}
	got = p
	patch.Apply(&got)
	if !reflect.DeepEqual(got.Translations, []Translation{}) {
		t.Fatalf("cleared translations: %#v", got.Translations)
	}
}

func TestSameTranslations(t *testing.T) {
	a := []Translation{ukrainianTranslation()}
	b := []Translation{ukrainianTranslation()}
	b[0].Sources[0].Reference = "read back"
	if !SameTranslations(a, b) {
		t.Fatal("a reference read back changed the translation")
	}
	b[0].Text += "!"
	if SameTranslations(a, b) {
		t.Fatal("a changed text went unnoticed")
	}
}

func mustField(t *testing.T, doc []byte, name string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

// An event holds its title and summary in other languages by the same
// rules as a provision's words.
func TestEventTranslationsValidate(t *testing.T) {
	e := EventInput{Key: "talks", Date: "2025-11-23", Kind: "meeting", Title: "Talks", OriginalLanguage: "uk"}.Event()
	if got := errorFields(t, e.Validate()); !contains(got, "original_language") {
		t.Fatalf("errors %v do not name original_language", got)
	}
	e.Translations = []Translation{ukrainianTranslation()}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if refs := e.SourceReferences(); len(refs) != 1 || refs[0].Field != "translations[0].sources[0].source" {
		t.Fatalf("references %+v", refs)
	}
}
