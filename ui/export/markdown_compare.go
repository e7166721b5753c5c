package export

import (
	"io"
	"strconv"
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

	m.title("Comparison: " + c.From.Name + " → " + c.To.Name)
	for i, d := range []report.DraftRef{c.From, c.To} {
		m.WriteString([]string{"- **From:** ", "- **To:** "}[i])
		m.text(d.Name)
		m.WriteString(", ")
		m.dateStatus(d)
		m.WriteString(", ")
		m.text(coverageWords(d))
		m.WriteString(", ")
		m.text(src.Drafts[i].Lineage())
		m.WriteByte('\n')
		m.sourceItems(d.Citations, src)
	}
	m.front(src)
	m.WriteString("- **Keys:** ")
	m.WriteString(countsLine(c.Counts))
	m.WriteString("\n")
	if c.Swapped {
		m.WriteString("- **Order:** asked later → earlier; a comparison reads earlier → later\n")
	}
	m.WriteString("\nIn the wording, ~~struck-through~~ text was deleted and **bold** text inserted.\n\n")

	m.WriteString("## Overview\n\n| Status | Category | Point | Key | Title | Headline |\n|---|---|---|---|---|---|\n")
	for i := range c.Rows {
		m.overviewRow(&c.Rows[i])
	}
	m.WriteString("\n## Changes\n\n")
	if c.Counts.Added+c.Counts.Removed+c.Counts.Changed == 0 {
		m.WriteString("None: no key was added, removed or changed in substance.\n\n")
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
			m.text(r.CategoryLabel)
			m.WriteString("\n\n")
		}
		m.changedRow(r, src)
	}
	if c.Counts.NotReported > 0 {
		m.notReported(c)
	}
	if c.Counts.SourcingOnly > 0 {
		m.sourcingOnly(c)
	}
	m.footnotes(src)
	return m.Flush()
}

// coverageWords says how much of a draft is known: "complete text",
// "partial: only the points reported".
func coverageWords(d report.DraftRef) string {
	if d.Scenario() {
		return strings.ToLower(d.CoverageLabel) + "; " + models.ScenarioNote
	}
	return strings.ToLower(d.CoverageLabel)
}

// countsLine is "29 in all: + 0 added, − 1 removed (1 withdrawn),
// ~ 11 changed, … 17 not reported, = 0 unchanged (2 in sourcing and labels
// only)": every status, in the order the page shows them.
func countsLine(n report.Counts) string {
	removed := countMark(n.Removed, report.StatusRemoved)
	if n.Withdrawn > 0 {
		removed += " (" + strconv.Itoa(n.Withdrawn) + " withdrawn)"
	}
	unchanged := countMark(n.Unchanged, report.StatusUnchanged)
	if n.SourcingOnly > 0 {
		unchanged += " (" + strconv.Itoa(n.SourcingOnly) + " in sourcing and labels only)"
	}
	return strconv.Itoa(n.Total) + " in all: " + countMark(n.Added, report.StatusAdded) + ", " + removed + ", " +
		countMark(n.Changed, report.StatusChanged) + ", " + countMark(n.NotReported, report.StatusNotReported) + ", " + unchanged
}

// countMark is "+ 3 added": the status's symbol, the count, the words.
func countMark(n int, s report.DiffStatus) string {
	return s.Symbol() + " " + strconv.Itoa(n) + " " + strings.ToLower(s.Label())
}

// notReported lists the keys the later draft does not report, each with
// its last known value and where that comes from: not removed, not
// changes, so apart from both.
func (m *mdWriter) notReported(c report.Comparison) {
	m.WriteString("## Not reported in ")
	m.text(c.To.Name)
	m.WriteString("\n\n")
	m.text(c.To.Name + " is partial: its reporting does not mention these keys. Their last known value is carried over from " +
		c.From.Name + "; they are not counted as removed.")
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
		m.WriteString("): last known: ")
		if h := r.From.Headline; h != "" && h != r.From.Title {
			m.text(h)
			m.WriteString(", ")
		}
		m.text(strings.ToLower(r.From.StatusLabel))
		m.WriteByte('\n')
	}
	m.WriteByte('\n')
}

// sourcingOnly lists the keys alike in substance whose sourcing or labels
// changed, with those changes.
func (m *mdWriter) sourcingOnly(c report.Comparison) {
	m.WriteString("## Changed in sourcing and labels only\n\n")
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
		m.text(joinSummaries(r.SourcingChanges))
		m.WriteByte('\n')
	}
	m.WriteByte('\n')
}

// joinSummaries writes changes on one line: "Citation: A → B; Point: 9 → —".
func joinSummaries(changes []report.FieldChange) string {
	parts := make([]string, len(changes))
	for i, fc := range changes {
		parts[i] = fc.Summary
	}
	return strings.Join(parts, "; ")
}

func (m *mdWriter) overviewRow(r *report.ComparisonRow) {
	m.WriteString("| ")
	m.WriteString(statusMark(r.Status))
	if r.Withdrawn {
		m.WriteString(" (withdrawn)")
	}
	m.WriteString(" | ")
	m.text(r.CategoryLabel)
	m.WriteString(" | ")
	m.text(r.Point)
	m.WriteString(" | ")
	m.code(r.Key)
	m.WriteString(" | ")
	m.text(r.Title)
	m.WriteString(" | ")
	m.text(rowHeadline(r))
	m.WriteString(" |\n")
}

// rowHeadline is the row's headline terms, "600,000 people → 800,000
// people" where they changed; "" where a side has none beyond its title.
func rowHeadline(r *report.ComparisonRow) string {
	side := func(b *report.ProvisionBrief) string {
		if b == nil || b.Headline == b.Title {
			return ""
		}
		return b.Headline
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
	m.WriteString("#### ")
	m.WriteString(statusMark(r.Status))
	if r.Withdrawn {
		m.WriteString(" (withdrawn)")
	}
	m.WriteString(": ")
	m.heading(r.Point, r.Title)
	m.WriteString("\n\n")
	if r.Note != "" {
		m.WriteString("*")
		m.text(upperFirst(r.Note))
		m.WriteString(".*\n\n")
	}
	m.code(r.Key)
	m.WriteString(" · ")
	m.text(r.KindLabel)
	if r.Status != report.StatusChanged || r.From == nil || r.To == nil {
		if b := side(r); b != nil {
			m.brief(b, src)
		} else {
			m.WriteString("\n\n")
		}
		return
	}
	m.WriteString(" · ")
	m.WriteString("Sources: ")
	m.cites(src, r.From.Citations)
	if src.refText(r.From.Citations) != src.refText(r.To.Citations) {
		m.WriteString(" → ")
		m.cites(src, r.To.Citations)
	}
	m.WriteString("\n\n")
	var words []worddiff.Run
	for _, fc := range r.Changes {
		m.WriteString("- ")
		m.lineStart(fc.Summary)
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
		m.WriteString("Sourcing and labels only: ")
		m.text(joinSummaries(r.SourcingChanges))
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
	m.headline(b.Headline, b.Title)
	m.standing(b.StatusLabel, b.SourcingLabel, b.Citations, src)
	parties := make([]mdParty, len(b.Parties))
	for i, pp := range b.Parties {
		parties[i] = mdParty{pp.Party, stanceWords(pp.Role, pp.Stance, pp.StanceDate), pp.StanceSources}
	}
	m.provisionBody(b.Terms, nil, b.Text, parties, src)
}

// side is the provision a row shows where one will do: the later
// draft's, or the earlier's for a removed key; nil when neither is there.
func side(r *report.ComparisonRow) *report.ProvisionBrief {
	if r.To != nil {
		return r.To
	}
	return r.From
}
