// Package i18n holds the UI's message catalog and the per-request
// localizer: English (the default and the fallback) and Ukrainian.
//
// The catalog is two TOML files embedded here, active.en.toml and
// active.uk.toml, read by github.com/nicksnyder/go-i18n/v2, whose plural
// rules follow CLDR: Ukrainian has one/few/many/other ("1 положення",
// "2 положення", "5 положень"). Messages are keyed by a stable id: page
// strings by page ("home.title"), the closed vocabularies by their stored
// value ("category.security", "kind.troop_cap", "field.troop_cap.limit"),
// so that the English labels in models stay the API's and the catalog adds
// the reader's language on top.
//
// TestCatalogComplete fails when a key lacks its Ukrainian translation.
package i18n

import (
	"cmp"
	"embed"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"plantracker/models/numbers"
)

// The languages the UI speaks, the default first.
const (
	English   = "en"
	Ukrainian = "uk"
)

// Languages are the UI's languages in the order the switch offers them,
// each named in itself.
var Languages = []struct{ Code, Name string }{
	{English, "English"},
	{Ukrainian, "Українська"},
}

// CookieName keeps the reader's choice of language.
const CookieName = "plantracker_lang"

//go:embed *.toml
var catalogFS embed.FS

var (
	bundle  = newBundle()
	matcher = language.NewMatcher([]language.Tag{language.English, language.Ukrainian})
	cache   sync.Map // language code → *Localizer
)

func newBundle() *goi18n.Bundle {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range files("") {
		if _, err := b.LoadMessageFileFS(catalogFS, name); err != nil {
			panic(fmt.Sprintf("i18n: catalog %s: %v", name, err))
		}
	}
	return b
}

// Supported reports whether code is one of the UI's languages.
func Supported(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// Choose picks the page's language: the reader's choice (the cookie)
// when it names a language the UI speaks, else the best match of
// Accept-Language, else English.
func Choose(choice, acceptLanguage string) string {
	if Supported(choice) {
		return choice
	}
	if acceptLanguage != "" {
		tag, _ := language.MatchStrings(matcher, acceptLanguage)
		if base, _ := tag.Base(); base.String() == Ukrainian {
			return Ukrainian
		}
	}
	return English
}

// FromRequest is Choose for an HTTP request.
func FromRequest(r *http.Request) string {
	choice := ""
	if c, err := r.Cookie(CookieName); err == nil {
		choice = c.Value
	}
	return Choose(choice, r.Header.Get("Accept-Language"))
}

// Localizer writes messages, numbers and dates in one language.
type Localizer struct {
	Lang string
	l    *goi18n.Localizer
}

// For returns the localizer of a language (English for one the UI does
// not speak).
func For(lang string) *Localizer {
	if !Supported(lang) {
		lang = English
	}
	if l, ok := cache.Load(lang); ok {
		return l.(*Localizer)
	}
	l := &Localizer{Lang: lang, l: goi18n.NewLocalizer(bundle, lang, English)}
	cache.Store(lang, l)
	return l
}

// T is the message id in the localizer's language; args are name/value
// pairs filling its {{.Name}} placeholders. A missing id is shown as the
// id itself, which TestCatalogComplete and the template tests catch.
func (l *Localizer) T(id string, args ...any) string {
	return l.localize(id, nil, args)
}

// N is the plural message id for count n: its {{.Count}} is n, written
// as a number of the language.
func (l *Localizer) N(id string, n int, args ...any) string {
	return l.localize(id, n, args)
}

// Has reports whether the catalog has id (in any language).
func (l *Localizer) Has(id string) bool {
	_, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// Or is id's message, or fallback when the catalog has no such id: the
// vocabulary's labels fall back to their English label in models.
func (l *Localizer) Or(id, fallback string) string {
	s, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id})
	if err != nil || s == "" {
		return fallback
	}
	return s
}

// Text is a string the Go code writes in English (a form's field label,
// an option of a select) in the localizer's language. Such strings are
// keyed by their English, as gettext keys its messages: the message whose
// English is exactly the text (a vocabulary's label such as "Proposed",
// a kind's term such as "Limit", or the forms' own words in
// forms.<lang>.toml), else the text as it is. Where two messages share
// their English, the forms' own wins, then the vocabularies', then the
// first id in order.
//
// A label numbered by its row ("Party 2", a table's cell for assistive
// technology) is its words translated and the same number; one with a
// detail in brackets ("Default (Security)"), each part translated.
func (l *Localizer) Text(english string) string {
	if l.Lang == English || english == "" {
		return english
	}
	if id, ok := englishIndex()[english]; ok {
		return l.Or(id, english)
	}
	if head, detail, ok := strings.Cut(english, " ("); ok && strings.HasSuffix(detail, ")") {
		if _, known := englishIndex()[head]; known {
			return l.Text(head) + " (" + l.Text(strings.TrimSuffix(detail, ")")) + ")"
		}
	}
	if i := strings.LastIndexByte(english, ' '); i > 0 && isNumber(english[i+1:]) {
		if id, ok := englishIndex()[english[:i]]; ok {
			return l.Or(id, english[:i]) + english[i:]
		}
	}
	return english
}

func isNumber(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// englishIndex maps each plain English message to its id, once.
var englishIndex = sync.OnceValue(func() map[string]string {
	msgs, err := Messages(English)
	if err != nil {
		panic(fmt.Sprintf("i18n: %v", err)) // the same files newBundle read
	}
	slices.SortFunc(msgs, func(a, b Message) int {
		if c := cmp.Compare(textRank(a.File), textRank(b.File)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	index := map[string]string{}
	for _, m := range msgs {
		text, plain := m.Forms["other"]
		if _, taken := index[text]; plain && len(m.Forms) == 1 && !taken {
			index[text] = m.ID
		}
	}
	return index
})

// formsFile holds the words of the forms' Go code that no vocabulary has;
// vocabFile the vocabularies' labels, which the Go code writes as a
// select's options.
const (
	formsFile = "forms.en.toml"
	vocabFile = "vocab.en.toml"
)

// textRank orders the files Text looks in where messages share their
// English: the forms' own words, then the vocabularies' (an option "open"
// is "відкрито", not the pages' button "відкрити"), then the pages'.
func textRank(file string) int {
	switch file {
	case formsFile:
		return 0
	case vocabFile:
		return 1
	}
	return 2
}

func (l *Localizer) localize(id string, count any, args []any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			data[k] = args[i+1]
		}
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if count != nil {
		cfg.PluralCount = count
		data["Count"] = l.Number(float64(count.(int)), "")
	}
	s, err := l.l.Localize(cfg)
	if err != nil && s == "" {
		return id
	}
	return s
}

// Number writes a number as the language writes it: "600,000" and
// "12.5" in English (numbers.Format), "600 000" and "12,5" in Ukrainian
// (a no-break space between thousands, a decimal comma); a unit is
// written after it, translated where the catalog has it ("unit.years").
func (l *Localizer) Number(v float64, unit string) string {
	if l.Lang == English {
		return numbers.Format(v, unit)
	}
	u := unit
	if unit != "" && unit != "%" && !strings.HasPrefix(unit, "USD ") {
		u = l.Or("unit."+unit, unit)
	}
	return swapSeparators(numbers.Format(v, u))
}

// NumberText is a number numbers.Format already wrote in English ("600,000
// people") in the language, unit included.
func (l *Localizer) NumberText(s, unit string) string {
	if l.Lang == English {
		return s
	}
	if unit != "" && unit != "%" && !strings.HasPrefix(unit, "USD ") && strings.HasSuffix(s, " "+unit) {
		s = strings.TrimSuffix(s, unit) + l.Or("unit."+unit, unit)
	}
	return swapSeparators(s)
}

func swapSeparators(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
			b.WriteRune('\u00a0')
		case r == '.' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]):
			b.WriteByte(',')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ukMonths are the months in the genitive, as a Ukrainian date names them:
// "20 листопада 2025".
var ukMonths = [...]string{"січня", "лютого", "березня", "квітня", "травня", "червня",
	"липня", "серпня", "вересня", "жовтня", "листопада", "грудня"}

// Date writes a day: "20 Nov 2025", "20 листопада 2025".
func (l *Localizer) Date(t time.Time) string {
	if l.Lang == Ukrainian {
		return fmt.Sprintf("%d %s %d", t.Day(), ukMonths[t.Month()-1], t.Year())
	}
	return t.Format("2 Jan 2006")
}

// DateString writes a YYYY-MM-DD date as Date does; anything else is
// shown as it is.
func (l *Localizer) DateString(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return l.Date(t)
}

// DateTime writes a moment in UTC, to the minute, naming its zone.
func (l *Localizer) DateTime(t time.Time) string {
	t = t.UTC()
	return l.Date(t) + t.Format(" 15:04 UTC")
}

// files are the catalog's files of a language ("" for all): pages in
// active.<lang>.toml, the vocabularies in vocab.<lang>.toml.
func files(lang string) []string {
	var out []string
	entries, _ := catalogFS.ReadDir(".")
	for _, e := range entries {
		if lang == "" || strings.HasSuffix(e.Name(), "."+lang+".toml") {
			out = append(out, e.Name())
		}
	}
	return out
}

// Message is one catalog entry as a language's files define it.
type Message struct {
	ID, File string
	// Forms are the plural forms it defines (other alone for a plain
	// message), each with its text.
	Forms map[string]string
}

// Messages lists the entries a language's catalog files define, for the
// tests.
func Messages(lang string) ([]Message, error) {
	var out []Message
	for _, name := range files(lang) {
		data, err := catalogFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		mf, err := goi18n.ParseMessageFileBytes(data, name, map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			return nil, err
		}
		for _, m := range mf.Messages {
			forms := map[string]string{}
			for k, v := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
				if v != "" {
					forms[k] = v
				}
			}
			out = append(out, Message{ID: m.ID, File: name, Forms: forms})
		}
	}
	return out, nil
}
