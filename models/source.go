package models

import (
	"strings"
	"time"
)

// Source is what a fact rests on: a publication, a statement, a document.
// Drafts, provisions and stances cite sources by Key, each citation with its
// own sourcing level, so a reader can always follow a fact to where it was
// reported. Key is stable: it names the source in citations, seed files and
// exports, and does not change once the source exists.
type Source struct {
	ID        int64  `json:"id"`
	Key       string `json:"key" validate:"required,max=80,key"`
	Publisher string `json:"publisher" validate:"required,max=200"`
	Title     string `json:"title" validate:"required,max=500"`
	Date      string `json:"date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	// URL is given only where the source is public and its address known.
	URL      string `json:"url,omitempty" validate:"omitempty,max=2000,http_url"`
	Language string `json:"language,omitempty" validate:"omitempty,max=35,bcp47_language_tag"`
	// Quote is the passage the facts rest on, verbatim, where one exists.
	Quote string `json:"quote,omitempty" validate:"max=10000"`
	// Translations hold the quote in languages other than Language, the
	// original's (quote_translation.go).
	Translations []QuoteTranslation `json:"translations" validate:"max=5,dive"`
	// Note says what a reader should know about the source: "via
	// Interfax-Ukraine", "title is a description, not the headline".
	Note string `json:"note,omitempty" validate:"max=2000"`
	RowStamps
}

// SourceInput is what a client sends to create a source.
type SourceInput struct {
	Key       string `json:"key"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	URL       string `json:"url"`
	Language  string `json:"language"`
	Quote     string `json:"quote"`
	Note      string `json:"note"`
	// Translations: the quote in other languages.
	Translations []QuoteTranslation `json:"translations"`
}

// Source builds the source the input describes.
func (in SourceInput) Source() Source {
	return Source{Key: strings.TrimSpace(in.Key), Publisher: strings.TrimSpace(in.Publisher),
		Title: strings.TrimSpace(in.Title), Date: in.Date, URL: strings.TrimSpace(in.URL),
		Language: strings.TrimSpace(in.Language), Quote: in.Quote, Note: in.Note,
		Translations: QuoteTranslationsOf(in.Translations)}
}

// SourcePatch changes some fields of a source; nil fields stay as they are.
// The key is not among them: citations name the source by it.
type SourcePatch struct {
	Publisher *string `json:"publisher"`
	Title     *string `json:"title"`
	Date      *string `json:"date"`
	URL       *string `json:"url"`
	Language  *string `json:"language"`
	Quote     *string `json:"quote"`
	Note      *string `json:"note"`
	// Translations replaces the list whole.
	Translations *[]QuoteTranslation `json:"translations"`
}

// Apply writes the patch onto s.
func (sp SourcePatch) Apply(s *Source) {
	applyPatch(sp, s)
}

// Validate checks every field of the source, and that its quote's
// translations are each in another language than the original.
func (s *Source) Validate() error {
	s.Translations = QuoteTranslationsOf(s.Translations)
	verr := validateStruct(s, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	checkQuoteTranslations(verr, s)
	return verr.Err()
}

// Reference is the source as a reader cites it: "Reuters, 23 Nov 2025:
// Europe's counter-proposal". It is what citations show beside their key.
func (s Source) Reference() string {
	var b strings.Builder
	b.WriteString(s.Publisher)
	if d := ReadableDate(s.Date); d != "" {
		b.WriteString(", ")
		b.WriteString(d)
	}
	if s.Title != "" {
		b.WriteString(": ")
		b.WriteString(s.Title)
	}
	return b.String()
}

// Citation is a draft's, a provision's or a stance's reference to a source,
// with how sure the reporting is of what it is cited for. Reference is
// filled in when the citation is read back (the source's Reference); it is
// not stored and a client need not send it.
type Citation struct {
	Source    string `json:"source" validate:"required,max=80,key"`
	Sourcing  string `json:"sourcing" validate:"required,oneof=official-text reported unconfirmed"`
	Locator   string `json:"locator,omitempty" validate:"max=300"`
	Reference string `json:"reference,omitempty" validate:"-"`
}

// Cites reports whether the citation names the same source, sourcing and
// place as c; the read-only Reference does not count.
func (c Citation) Cites(o Citation) bool {
	return c.Source == o.Source && c.Sourcing == o.Sourcing && c.Locator == o.Locator
}

// String is the citation as a reader sees it: its reference (or key where
// the reference is not known), the place within it, and its sourcing level
// where that is not plain reporting.
func (c Citation) String() string {
	s := c.Reference
	if s == "" {
		s = c.Source
	}
	if c.Locator != "" {
		s += ", " + c.Locator
	}
	if c.Sourcing != "" && c.Sourcing != "reported" {
		s += " (" + strings.ToLower(Sourcings.Label(c.Sourcing)) + ")"
	}
	return s
}

// SameCitations reports whether two lists cite the same sources alike, in
// the same order.
func SameCitations(a, b []Citation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Cites(b[i]) {
			return false
		}
	}
	return true
}

// CitationText writes citations on one line, for lists, CSV and PDF:
// "Reuters, 23 Nov 2025: …; AP, 21 Nov 2025: … (unconfirmed)".
func CitationText(cs []Citation) string {
	return strings.Join(Strings(cs), "; ")
}

// SourceKeys returns the distinct keys the citations name, in order.
func SourceKeys(cs []Citation) []string {
	return DistinctKeys(cs, func(c Citation) string { return c.Source })
}

// ReadableDate writes a YYYY-MM-DD date as people read it ("23 Nov 2025");
// anything else comes back as it is.
func ReadableDate(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}

// CitationsOf is cs, never nil: a JSON list, not null.
func CitationsOf(cs []Citation) []Citation {
	if cs == nil {
		return []Citation{}
	}
	return cs
}
