package export

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/models/worddiff"
)

// markdownComparison writes a comparison: a title block (the two drafts,
// their dates, coverage and sources, the counts per status), an overview
// table of every key, the details of each added, removed and changed key
// (the changes in substance, the wording's word diff, then the sourcing
// and label changes on a line of their own), the keys the later draft does
// not report with their last known value, the keys whose sourcing or
// labels alone changed, then the numbered sources.
func markdownComparison(w io.Writer, c report.Comparison, src *Front) error {
	m := newMDWriter(w)
	lang := src.w

	m.title(lang.t("comparison_of", "From", c.From.Name, "To", c.To.Name))
	for i, d := range []report.DraftRef{c.From, c.To} {
		m.label(src.Drafts[i].Role)
		m.text(d.Name)
		m.WriteString(", ")
		m.dateStatus(src.Drafts[i])
		m.WriteString(", ")
		m.text(coverageWords(lang, d))
		m.WriteString(", ")
		m.text(src.Drafts[i].Lineage())
		m.WriteByte('\n')
		m.sourceItems(d.Citations, src)
	}
	m.front(src)
	m.label(lang.t("label.keys"))
	m.WriteString(lang.countsLine(c.Counts))
	m.WriteString("\n")
	if c.Swapped {
		m.label(lang.t("label.order"))
		m.WriteString(lang.t("order_swapped") + "\n")
	}
	m.WriteString("\n" + lang.t("md.wording_legend") + "\n\n")

	m.WriteString("## " + lang.t("overview") + "\n\n")
	m.WriteString("| " + strings.Join(lang.cols("status", "category", "point", "key", "title", "headline"), " | ") + " |\n|---|---|---|---|---|---|\n")
	for i := range c.Rows {
		m.overviewRow(&c.Rows[i], lang)
	}
	m.WriteString("\n## " + lang.t("changes") + "\n\n")
	if c.Counts.Added+c.Counts.Removed+c.Counts.Changed == 0 {
		m.WriteString(lang.t("no_changes") + "\n\n")
	}
	category := "\x00"
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Status == report.StatusUnchanged || r.Status == report.StatusNotReported {
			continue
		}
		if r.Category != category {
			category = r.Category
			m.WriteString("### ")
			m.text(lang.vocab("category", models.Categories, r.Category))
			m.WriteString("\n\n")
		}
		m.changedRow(r, src)
	}
	if c.Counts.NotReported > 0 {
		m.notReported(c, lang)
	}
	if c.Counts.SourcingOnly > 0 {
		m.sourcingOnly(c, lang)
	}
	m.footnotes(src)
	return m.Flush()
}

// coverageWords says how much of a draft is known: "complete text",
// "partial: only the points reported".
func coverageWords(w words, d report.DraftRef) string {
	s := strings.ToLower(w.vocab("coverage", models.Coverages, d.Coverage))
	if d.Scenario() {
		return s + "; " + w.scenarioNote()
	}
	return s
}

// countsLine is "29 in all: + 0 added, − 1 removed (1 withdrawn),
// ~ 11 changed, … 17 not reported, = 0 unchanged (2 in sourcing and labels
// only)": every status, in the order the page shows them.
func (w words) countsLine(n report.Counts) string {
	removed := w.countMark(n.Removed, report.StatusRemoved)
	if n.Withdrawn > 0 {
		removed += w.countOf(n.Withdrawn, "withdrawn")
	}
	unchanged := w.countMark(n.Unchanged, report.StatusUnchanged)
	if n.SourcingOnly > 0 {
		unchanged += w.countOf(n.SourcingOnly, "sourcing_only")
	}
	return w.t("in_all", "N", w.number(n.Total)) + " " + w.countMark(n.Added, report.StatusAdded) + ", " + removed + ", " +
		w.countMark(n.Changed, report.StatusChanged) + ", " + w.countMark(n.NotReported, report.StatusNotReported) + ", " + unchanged
}

// notReported lists the keys the later draft does not report, each with
// its last known value and where that comes from: not removed, not
// changes, so apart from both.
func (m *mdWriter) notReported(c report.Comparison, w words) {
	m.WriteString("## " + w.t("not_reported_in", "Draft", string(appendMDEscaped(nil, c.To.Name))))
	m.WriteString("\n\n")
	m.text(w.t("md.not_reported_note", "To", c.To.Name, "From", c.From.Name))
	m.WriteString("\n\n")
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Status != report.StatusNotReported || r.From == nil {
			continue
		}
		m.WriteString("- ")
		m.heading(r.From.Point, r.Title)
		m.WriteString(" (")
		m.code(r.Key)
		m.WriteString("): " + w.t("last_known") + ": ")
		if h := w.headline(r.From.Kind, r.From.Terms, r.From.Headline); h != "" && h != r.From.Title {
			m.text(h)
			m.WriteString(", ")
		}
		m.text(strings.ToLower(w.vocab("status", models.ProvisionStatuses, r.From.Status)))
		m.WriteByte('\n')
	}
	m.WriteByte('\n')
}

// sourcingOnly lists the keys alike in substance whose sourcing or labels
// changed, with those changes.
func (m *mdWriter) sourcingOnly(c report.Comparison, w words) {
	m.WriteString("## " + w.t("changed_sourcing_only") + "\n\n")
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Status != report.StatusUnchanged || len(r.SourcingChanges) == 0 {
			continue
		}
		m.WriteString("- ")
		m.heading(r.Point, r.Title)
		m.WriteString(" (")
		m.code(r.Key)
		m.WriteString("): ")
		m.text(w.joinSummaries(r, r.SourcingChanges))
		m.WriteByte('\n')
	}
	m.WriteByte('\n')
}

// joinSummaries writes changes on one line: "Citation: A → B; Point: 9 → —".
func (w words) joinSummaries(r *report.ComparisonRow, changes []report.FieldChange) string {
	parts := make([]string, len(changes))
	for i, fc := range changes {
		parts[i] = w.change(r, fc).Summary
	}
	return strings.Join(parts, "; ")
}

func (m *mdWriter) overviewRow(r *report.ComparisonRow, w words) {
	m.WriteString("| ")
	m.WriteString(w.statusMark(r.Status))
	if r.Withdrawn {
		m.WriteString(" (" + w.t("withdrawn") + ")")
	}
	m.WriteString(" | ")
	m.text(w.vocab("category", models.Categories, r.Category))
	m.WriteString(" | ")
	m.text(r.Point)
	m.WriteString(" | ")
	m.code(r.Key)
	m.WriteString(" | ")
	m.text(r.Title)
	m.WriteString(" | ")
	m.text(rowHeadline(r, w))
	m.WriteString(" |\n")
}

// rowHeadline is the row's headline terms, "600,000 people → 800,000
// people" where they changed; "" where a side has none beyond its title.
func rowHeadline(r *report.ComparisonRow, w words) string {
	side := func(b *report.ProvisionBrief) string {
		if b == nil || b.Headline == b.Title {
			return ""
		}
		return w.headline(b.Kind, b.Terms, b.Headline)
	}
	from, to := side(r.From), side(r.To)
	switch {
	case r.From == nil:
		return to
	case r.To == nil || from == to:
		return from
	}
	return orNotStated(from) + " → " + orNotStated(to)
}

func orNotStated(s string) string {
	if s == "" {
		return report.NotStated
	}
	return s
}

// changedRow writes an added, removed or changed key: a heading with its
// status, then the changes in substance field by field and the sourcing
// and label changes on one line (changed), or the provision as its one
// draft has it (added, removed; a withdrawn key as the later draft
// withdraws it), with the row's note.
func (m *mdWriter) changedRow(r *report.ComparisonRow, src *Front) {
	lang := src.w
	m.WriteString("#### ")
	m.WriteString(lang.statusMark(r.Status))
	if r.Withdrawn {
		m.WriteString(" (" + lang.t("withdrawn") + ")")
	}
	m.WriteString(": ")
	m.heading(r.Point, r.Title)
	m.WriteString("\n\n")
	if r.Note != "" {
		m.WriteString("*")
		m.text(upperFirst(lang.note(r.Note)))
		m.WriteString(".*\n\n")
	}
	m.code(r.Key)
	m.WriteString(" · ")
	m.text(lang.kind(r.Kind))
	if r.Status != report.StatusChanged || r.From == nil || r.To == nil {
		if b := side(r); b != nil {
			m.brief(b, src)
		} else {
			m.WriteString("\n\n")
		}
		return
	}
	m.WriteString(" · ")
	m.WriteString(lang.t("label.sources") + ": ")
	m.cites(src, r.From.Citations)
	if src.refText(r.From.Citations) != src.refText(r.To.Citations) {
		m.WriteString(" → ")
		m.cites(src, r.To.Citations)
	}
	m.WriteString("\n\n")
	var words []worddiff.Run
	for _, fc := range r.Changes {
		m.WriteString("- ")
		m.lineStart(lang.change(r, fc).Summary)
		m.WriteByte('\n')
		if fc.Type == "wording" && !fc.FormOnly {
			words = fc.Words
		}
	}
	m.WriteByte('\n')
	if len(words) > 0 {
		m.wordDiff(words)
		m.WriteByte('\n')
	}
	if len(r.SourcingChanges) > 0 {
		m.WriteString(lang.t("sourcing_only_label") + ": ")
		m.text(lang.joinSummaries(r, r.SourcingChanges))
		m.WriteString("\n\n")
	}
}

// upperFirst capitalises a note that starts a sentence.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// brief writes the rest of an added or removed provision: headline,
// status, sourcing and citation, then terms, wording and parties.
func (m *mdWriter) brief(b *report.ProvisionBrief, src *Front) {
	w := src.w
	m.headline(w.headline(b.Kind, b.Terms, b.Headline), b.Title)
	m.standing(w.vocab("status", models.ProvisionStatuses, b.Status), w.vocab("sourcing", models.Sourcings, b.Sourcing), b.Citations, src)
	parties := make([]mdParty, len(b.Parties))
	for i, pp := range b.Parties {
		parties[i] = mdParty{pp.Party, w.stanceWords(pp.Role, pp.Stance, pp.StanceDate), pp.StanceSources}
	}
	m.provisionBody(b.Kind, b.Terms, nil, b.Text, parties, src)
}

// side is the provision a row shows where one will do: the later
// draft's, or the earlier's for a removed key; nil when neither is there.
func side(r *report.ComparisonRow) *report.ProvisionBrief {
	if r.To != nil {
		return r.To
	}
	return r.From
}
