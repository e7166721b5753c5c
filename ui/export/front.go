package export

import (
	"slices"
	"strings"
	"time"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/i18n"
)

// The front matter every summary and comparison carries, in every format:
// its title; the drafts with their dates, coverage and lineage; "as of"
// (the latest recorded change it reflects); when and by whom it was
// exported; and the sources as a numbered reference list that each
// provision's citations point into. It is built here, once, from the
// model and the Provenance the caller loads; the formats only lay it out.

// Provenance is what an export needs to know beyond the model: the
// history and the people behind it. The web UI loads it from the store.
type Provenance struct {
	// AsOf is the time of the latest recorded change the document
	// reflects (to its drafts, their provisions, plans and sources); zero
	// when the change history records none.
	AsOf       time.Time
	ExportedAt time.Time
	ExportedBy string
	// Sources are the records of the sources cited; a cited key missing
	// here is listed by its key and the citation's reference.
	Sources []models.Source
	// ForkedFrom names, by draft id, the draft each exported draft was
	// forked from ("v1 28-point draft (US peace framework)").
	ForkedFrom map[int64]string
	// Charts are the timelines of the numeric terms a comparison changes
	// (ChartTerms), which its PDF draws.
	Charts []Chart
	// Record is where the whole record ends (front_record.go); Stances
	// the parties' stances on each draft as a whole, by draft id.
	Record  models.RecordEnd
	Stances map[int64][]models.DraftStance
	// Lang is the reader's language (words.go); nil is English.
	Lang *i18n.Localizer
}

// Front is a document's front matter and reference list.
type Front struct {
	Kind       string // "Provision summary", "Comparison", in the reader's language
	Title      string // "US peace framework: v1 28-point draft"
	Drafts     []FrontDraft
	AsOf       time.Time
	ExportedAt time.Time
	ExportedBy string
	Record     models.RecordEnd
	// References are the sources cited, numbered from 1 in the order the
	// document first cites them: the drafts' sources, then the
	// provisions' in the order shown.
	References []Reference
	byKey      map[string]int
	records    map[string]models.Source
	charts     []Chart
	refs       []string // "[n]" by n, made on first use
	lines      []string // refLines, made once
	w          words
}

// FrontDraft is one draft the document is about.
type FrontDraft struct {
	Role       string // "Draft", or "From" and "To" in a comparison
	Name       string // "v1 28-point draft"
	Plan       string
	Date       string
	Status     string
	Coverage   string // "Complete text", "Partial: only the points reported"
	Partial    bool
	ForkedFrom string // empty: not forked
	Stances    []FrontStance
	w          words
}

// Reference is one numbered source.
type Reference struct {
	N         int
	Key       string
	Publisher string
	Title     string
	Date      string // YYYY-MM-DD, or empty
	URL       string
}

// Text is the reference as a reader cites it: "Reuters, 23 Nov 2025:
// E3 counter-proposal. https://…".
func (r Reference) Text() string { return r.text(words{}) }

// text is Text in the language of w: its date as the language writes it.
func (r Reference) text(w words) string {
	s := models.Source{Publisher: r.Publisher, Title: r.Title, Date: r.Date}.Reference()
	if !w.english() && r.Date != "" {
		// The source's own reference with its date in the language.
		s = models.Source{Publisher: r.Publisher + ", " + w.readable(r.Date), Title: r.Title}.Reference()
	}
	if r.URL != "" {
		s += ". " + r.URL
	}
	return s
}

// Cite is a provision's (or draft's) citation as numbered: the reference's
// number, where in the source, and the sourcing level.
type Cite struct {
	N        int
	Locator  string
	Sourcing string // the level: "reported", "unconfirmed", "official-text"
	w        words
}

// String is "[2] p. 3 (unconfirmed)": the number, the place and a
// sourcing level other than plain reporting.
func (c Cite) String() string { return ref(c.N) + c.rest() }

// rest is what follows the number: " p. 3 (unconfirmed)".
func (c Cite) rest() string {
	var s string
	if c.Locator != "" {
		s = " " + c.Locator
	}
	if c.Sourcing != "" && c.Sourcing != "reported" {
		s += " (" + strings.ToLower(c.w.vocab("sourcing", models.Sourcings, c.Sourcing)) + ")"
	}
	return s
}

// Line is "As of …" and the export's time and author as one line of text.
func (f *Front) Line() string {
	return f.w.t("line", "AsOf", f.AsOfText(), "Exported", f.w.stamp(f.ExportedAt), "By", f.orUnknown(f.ExportedBy))
}

// AsOfText is the as-of time, or says that no change is recorded.
func (f *Front) AsOfText() string {
	if f.AsOf.IsZero() {
		return f.w.t("no_recorded_change")
	}
	return f.w.stamp(f.AsOf)
}

// ExportedText is "2026-11-30 05:40 UTC by alice".
func (f *Front) ExportedText() string {
	return f.w.t("exported_by", "Exported", f.w.stamp(f.ExportedAt), "By", f.orUnknown(f.ExportedBy))
}

// Lineage is "forked from v1 28-point draft", or "not forked".
func (d FrontDraft) Lineage() string {
	if d.ForkedFrom == "" {
		return d.w.t("not_forked")
	}
	return d.w.t("forked_from", "Draft", d.ForkedFrom)
}

// Line is the draft in one line: "v1 28-point draft (US peace framework),
// 2025-11-20, superseded, complete, not forked".
func (d FrontDraft) Line() string {
	s := d.Name
	if d.Plan != "" {
		s += " (" + d.Plan + ")"
	}
	coverage := d.w.t("complete")
	if d.Partial {
		coverage = d.w.t("partial")
	}
	return s + ", " + joinNonEmpty(", ", orText(d.w.date(d.Date), d.w.t("undated")), strings.ToLower(d.Status), coverage, d.Lineage())
}

// orUnknown is s, or the word for unknown.
func (f *Front) orUnknown(s string) string { return orText(s, f.w.t("unknown")) }

func orText(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// newFront starts a document's front matter; kind is its catalog id
// ("summary", "comparison").
func newFront(kind, title string, pv Provenance) *Front {
	w := wordsFor(pv.Lang)
	f := &Front{Kind: w.t(kind), Title: title, AsOf: pv.AsOf, ExportedAt: pv.ExportedAt, ExportedBy: pv.ExportedBy, Record: pv.Record,
		byKey: map[string]int{}, records: make(map[string]models.Source, len(pv.Sources)), charts: pv.Charts, w: w}
	for _, s := range pv.Sources {
		f.records[s.Key] = s
	}
	return f
}

// draft adds a draft the document is about; role is its catalog id
// ("draft", "from", "to").
func (f *Front) draft(role string, d report.DraftRef, plan string, pv Provenance) {
	coverage := f.w.vocab("coverage", models.Coverages, d.Coverage)
	if d.Scenario() {
		// Every format prints the coverage line: a scenario says so there.
		coverage += " · " + f.w.scenarioNote()
	}
	f.Drafts = append(f.Drafts, FrontDraft{Role: f.w.t(role), Name: d.Name, Plan: plan, Date: d.Date,
		Status:   f.w.vocab("draft_status", models.DraftStatuses, d.Status),
		Coverage: coverage, Partial: d.Coverage == "partial", ForkedFrom: pv.ForkedFrom[d.ID], w: f.w})
	f.numberAll(d.Citations)
	f.Drafts[len(f.Drafts)-1].Stances = f.stances(d, pv)
}

// number is the reference number of c's source, adding the source to the
// references the first time it is cited.
func (f *Front) number(c models.Citation) int {
	if n, ok := f.byKey[c.Source]; ok {
		return n
	}
	r := Reference{N: len(f.References) + 1, Key: c.Source}
	if s, ok := f.records[c.Source]; ok {
		r.Publisher, r.Title, r.Date, r.URL = s.Publisher, s.Title, s.Date, s.URL
	} else {
		r.Publisher = orText(c.Reference, c.Source)
	}
	f.References = append(f.References, r)
	f.byKey[c.Source] = r.N
	return r.N
}

// numberAll numbers the sources of citations, in order.
func (f *Front) numberAll(cs []models.Citation) {
	for _, c := range cs {
		f.number(c)
	}
}

// cite numbers citations.
func (f *Front) cite(cs []models.Citation) []Cite {
	if len(cs) == 0 {
		return nil
	}
	out := make([]Cite, len(cs))
	for i, c := range cs {
		out[i] = Cite{N: f.number(c), Locator: c.Locator, Sourcing: c.Sourcing, w: f.w}
	}
	return out
}

// cites is a list of citations as text: "[1] §A; [2]".
func cites(cs []Cite) string {
	return strings.Join(models.Strings(cs), "; ")
}

// SummaryFront is the front matter of a draft's summary, its references
// numbered in the order the summary first cites them: the draft's sources,
// then each provision's and its parties' stances', in the order shown.
func SummaryFront(s report.Summary, pv Provenance) *Front {
	f := newFront("summary", s.Plan.Title+": "+s.Draft.Name, pv)
	f.draft("draft", s.Draft, s.Plan.Title, pv)
	for _, g := range s.Groups {
		for i := range g.Provisions {
			p := &g.Provisions[i]
			f.numberAll(p.Citations)
			for j := range p.Parties {
				f.numberAll(p.Parties[j].StanceSources)
			}
		}
	}
	return f
}

// ComparisonFront is the front matter of a comparison, its references
// numbered as the comparison first cites them: the two drafts' sources,
// then each row's (a provision's, then its parties' stances'), earlier side
// first.
func ComparisonFront(c report.Comparison, pv Provenance) *Front {
	f := newFront("comparison", c.From.Name+" → "+c.To.Name, pv)
	f.draft("from", c.From, "", pv)
	f.draft("to", c.To, "", pv)
	for i := range c.Rows {
		if r := &c.Rows[i]; r.From != nil {
			f.numberAll(r.From.Citations)
			f.numberParties(r.From.Parties)
		}
		if r := &c.Rows[i]; r.To != nil {
			f.numberAll(r.To.Citations)
			f.numberParties(r.To.Parties)
		}
	}
	return f
}

// refText is citations as numbered references: "[1] §A; [2]"; "" for
// none. The common case, one source cited as reported without a place, is
// the reference's own "[n]", made once.
func (f *Front) refText(cs []models.Citation) string {
	switch {
	case len(cs) == 0:
		return ""
	case len(cs) == 1 && cs[0].Locator == "" && (cs[0].Sourcing == "reported" || cs[0].Sourcing == ""):
		n := f.number(cs[0])
		for len(f.refs) <= n {
			f.refs = append(f.refs, "")
		}
		if f.refs[n] == "" {
			f.refs[n] = ref(n)
		}
		return f.refs[n]
	}
	return cites(f.cite(cs))
}

// numbers are the reference numbers of citations, each once.
func (f *Front) numbers(cs []models.Citation) []int {
	var out []int
	for _, c := range f.cite(cs) {
		if !slices.Contains(out, c.N) {
			out = append(out, c.N)
		}
	}
	return out
}

// refLines are the references as text, "Reuters, 23 Nov 2025: …", by
// number - 1.
func (f *Front) refLines() []string {
	for i := len(f.lines); i < len(f.References); i++ {
		f.lines = append(f.lines, f.References[i].text(f.w))
	}
	return f.lines
}

// Keys are the keys of the sources the document cites, in reference
// order: what a caller loads the records of for Provenance.Sources.
func (f *Front) Keys() []string {
	out := make([]string, len(f.References))
	for i, r := range f.References {
		out[i] = r.Key
	}
	return out
}
