package models

import (
	"slices"
	"strconv"
	"strings"
)

// MainLanguage is the language of a record's own title and text: English,
// the language the tracker's analysts write and compare in. A record's
// words in any other language are a Translation beside them.
//
// OriginalLanguage says which language the reporting first published the
// words in. When it is the main language, the record's title and text are
// the original; otherwise a translation in that language holds the original
// words, and the title and text are the English rendering of them.
const MainLanguage = "en"

// TextLanguages: the languages a record's words may be held in. The
// validate tags of OriginalLanguage and Translation.Language repeat them.
var TextLanguages = Vocabulary{
	{"en", "English"},
	{"uk", "Ukrainian"},
}

// Translation is a record's title and text in a language other than the
// main one, with the sources that give the words in that language.
type Translation struct {
	Language string     `json:"language" validate:"required,oneof=en uk"`
	Title    string     `json:"title" validate:"required,max=300"`
	Text     string     `json:"text" validate:"max=20000"`
	Sources  []Citation `json:"sources" validate:"min=1,max=50,dive"`
}

// Same reports whether two translations say the same in the same language,
// citing the same sources.
func (t Translation) Same(o Translation) bool {
	return t.Language == o.Language && t.Title == o.Title && t.Text == o.Text &&
		SameCitations(t.Sources, o.Sources)
}

// SameTranslations reports whether two lists hold the same translations in
// the same order.
func SameTranslations(a, b []Translation) bool {
	return slices.EqualFunc(a, b, Translation.Same)
}

// TranslationIn returns the translation in language, if the list has one.
func TranslationIn(ts []Translation, language string) (Translation, bool) {
	for _, t := range ts {
		if t.Language == language {
			return t, true
		}
	}
	return Translation{}, false
}

// TranslationsOf is ts, never nil: a JSON list, not null.
func TranslationsOf(ts []Translation) []Translation {
	if ts == nil {
		return []Translation{}
	}
	return ts
}

// normalizeTranslations trims the titles and makes every list non-nil.
func normalizeTranslations(ts []Translation) []Translation {
	ts = TranslationsOf(ts)
	for i := range ts {
		ts[i].Title = strings.TrimSpace(ts[i].Title)
		ts[i].Sources = CitationsOf(ts[i].Sources)
	}
	return ts
}

// checkTranslations holds a record's words in other languages to their
// rules, field by field: none in the main language, one per language, and
// a translation in the original language when that is not the main one.
// (How many, and each translation's own fields, are checked by the validate
// tags with the record's.)
func checkTranslations(verr *ValidationError, original string, ts []Translation) {
	languages := make([]string, len(ts))
	for i, t := range ts {
		languages[i] = t.Language
	}
	seen := checkTranslationLanguages(verr, languages, func(l string) bool { return l == MainLanguage },
		"must not be %s: the title and text themselves are in "+TextLanguages.Label(MainLanguage))
	if original != "" && original != MainLanguage && TextLanguages.Has(original) && !seen[original] {
		verr.Add("original_language", "is %s, so a translation in %s must hold the original words", original, original)
	}
}

// checkTranslationLanguages holds the languages of a record's translations,
// in order, to the rules every record's share: none in the record's own
// language (own; ownMessage names it by %s), one per language. Each error
// is at translations[i].language; it returns the languages seen.
func checkTranslationLanguages(verr *ValidationError, languages []string, own func(string) bool, ownMessage string) map[string]bool {
	seen := map[string]bool{}
	for i, l := range languages {
		field := "translations[" + strconv.Itoa(i) + "].language"
		switch {
		case own(l):
			verr.Add(field, ownMessage, l)
		case seen[l] && l != "":
			verr.Add(field, "repeats %s: one translation per language", l)
		}
		seen[l] = true
	}
	return seen
}

// translationReferences are the sources the translations cite, each with
// the path of its citation: translations[i].sources[j].source.
func translationReferences(ts []Translation) []SourceReference {
	var refs []SourceReference
	for i, t := range ts {
		refs = append(refs, citationReferences("translations["+strconv.Itoa(i)+"].sources", t.Sources)...)
	}
	return refs
}
