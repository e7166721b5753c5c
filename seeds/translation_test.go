package seeds

import (
	"encoding/json"
	"strings"
	"testing"
)

// A seed provision and a seed event may hold their words in Ukrainian in
// the shape the data files use; the strict decoder of the files takes it.
func TestSeedTranslationsDecode(t *testing.T) {
	const translations = `"original_language": "uk", "translations": [{"language": "uk", "title": "Обмеження",
		"text": "Чисельність обмежується.", "sources": [{"source": "axios", "sourcing": "reported"}]}]`
	var draft DraftSeed
	dec := json.NewDecoder(strings.NewReader(`{"label": "x", "number": 1, "provisions": [{"key": "troop-cap", ` + translations + `}]}`))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&draft); err != nil {
		t.Fatal(err)
	}
	p := draft.Provisions[0].Provision(1)
	if p.OriginalLanguage != "uk" || len(p.Translations) != 1 || p.Translations[0].Sources[0].Source != "axios" {
		t.Fatalf("provision: %q %+v", p.OriginalLanguage, p.Translations)
	}
	var event EventSeed
	dec = json.NewDecoder(strings.NewReader(`{"key": "talks", ` + translations + `}`))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&event); err != nil {
		t.Fatal(err)
	}
	if e := event.Event(); e.OriginalLanguage != "uk" || len(e.Translations) != 1 {
		t.Fatalf("event: %q %+v", e.OriginalLanguage, e.Translations)
	}
}
