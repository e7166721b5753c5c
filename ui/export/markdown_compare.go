package export

import (
	"io"
	"strconv"
	"strings"

	"plantracker/models"
)

// markdownComparison writes a comparison: a title block (the two drafts,
// their dates and sources, the counts per status), an overview table of
// every key, the details of each added, removed and changed key (field
// changes, the wording's word diff), then the numbered sources.
func markdownComparison(w io.Writer, c models.Comparison) error {
	m := newMDWriter(w)
	src := newSources(c.Sources)

	m.WriteString("# Comparison: ")
	m.text(c.From.Name)
	m.WriteString(" → ")
	m.text(c.To.Name)
	m.WriteString("\n\n")
	for i, d := range []models.DraftRef{c.From, c.To} {
		m.WriteString([]string{"- **From:** ", "- **To:** "}[i])
		m.text(d.Name)
		m.WriteString(", ")
		m.dateStatus(d)
		m.WriteByte('\n')
		m.sourceItems(d.Sources, src)
	}
	m.WriteString("- **Keys:** ")
	m.WriteString(countsLine(c.Counts))
	m.WriteString("\n\nIn the wording, ~~struck-through~~ text was deleted and **bold** text inserted.\n\n")

	m.WriteString("## Overview\n\n| Status | Category | Point | Key | Title | Headline |\n|---|---|---|---|---|---|\n")
	for i := range c.Rows {
		m.overviewRow(&c.Rows[i])
	}
	m.WriteString("\n## Changes\n\n")
	if c.Counts.Total == c.Counts.Unchanged {
		m.WriteString("None: every key is unchanged.\n\n")
	}
	category := "\x00"
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Status == models.StatusUnchanged {
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
	m.footnotes(src)
	return m.Flush()
}

// countsLine is "12 in all: + 3 added, − 2 removed, ~ 4 changed, = 3 unchanged".
func countsLine(n models.Counts) string {
	return strconv.Itoa(n.Total) + " in all: " +
		countMark(n.Added, models.StatusAdded) + ", " + countMark(n.Removed, models.StatusRemoved) + ", " +
		countMark(n.Changed, models.StatusChanged) + ", " + countMark(n.Unchanged, models.StatusUnchanged)
}

// countMark is "+ 3 added": the status's symbol, the count, the word.
func countMark(n int, s models.DiffStatus) string {
	mark := statusMark(s)
	sym, word, _ := strings.Cut(mark, " ")
	return sym + " " + strconv.Itoa(n) + " " + word
}

func (m *mdWriter) overviewRow(r *models.ComparisonRow) {
	m.WriteString("| ")
	m.WriteString(statusMark(r.Status))
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
func rowHeadline(r *models.ComparisonRow) string {
	side := func(b *models.ProvisionBrief) string {
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
		return models.NotStated
	}
	return s
}

// changedRow writes an added, removed or changed key: a heading with its
// status, then the changes field by field (changed), or the provision as
// its one draft has it (added, removed).
func (m *mdWriter) changedRow(r *models.ComparisonRow, src *sources) {
	m.WriteString("#### ")
	m.WriteString(statusMark(r.Status))
	m.WriteString(": ")
	m.heading(r.Point, r.Title)
	m.WriteString("\n\n")
	m.code(r.Key)
	m.WriteString(" · ")
	m.text(r.KindLabel)
	if r.Status != models.StatusChanged || r.From == nil || r.To == nil {
		if b := side(r); b != nil {
			m.brief(b, src)
		} else {
			m.WriteString("\n\n")
		}
		return
	}
	m.WriteString(" · ")
	from, to := src.number(r.From.Citation), src.number(r.To.Citation)
	if from == to {
		m.WriteString("Source: ")
		m.refs([]int{from})
	} else {
		m.WriteString("Sources: ")
		m.refs([]int{from})
		m.WriteString(" → ")
		m.refs([]int{to})
	}
	m.WriteString("\n\n")
	var words []models.WordRun
	for _, fc := range allChanges(r) {
		m.WriteString("- ")
		m.lineStart(fc.Summary)
		m.WriteByte('\n')
		if fc.Type == "wording" {
			words = fc.Words
		}
	}
	m.WriteByte('\n')
	if len(words) > 0 {
		m.wordDiff(words)
		m.WriteByte('\n')
	}
}

// brief writes the rest of an added or removed provision: headline,
// status, sourcing and citation, then terms, wording and parties.
func (m *mdWriter) brief(b *models.ProvisionBrief, src *sources) {
	if b.Headline != "" && b.Headline != b.Title {
		m.WriteString(": **")
		m.text(b.Headline)
		m.WriteString("**")
	}
	m.WriteString(" · ")
	m.text(b.StatusLabel)
	m.WriteString(" · ")
	m.text(b.SourcingLabel)
	m.refs([]int{src.number(b.Citation)})
	m.WriteString("\n\n")
	if len(b.Terms) > 0 {
		m.terms(b.Terms)
		m.WriteByte('\n')
	}
	if strings.TrimSpace(b.Text) != "" {
		m.quote(b.Text)
		m.WriteByte('\n')
	}
	if len(b.Parties) > 0 {
		m.WriteString("Parties: ")
		m.text(partiesLine(b.Parties))
		m.WriteString("\n\n")
	}
}

// side is the provision a row shows where one will do: the later
// draft's, or the earlier's for a removed key; nil when neither is there.
func side(r *models.ComparisonRow) *models.ProvisionBrief {
	if r.To != nil {
		return r.To
	}
	return r.From
}

// partiesLine is "UA: obligor, opposes; US: guarantor, supports".
func partiesLine(ps []models.ProvisionParty) string {
	var b strings.Builder
	for i, pp := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(pp.Party)
		b.WriteString(": ")
		b.WriteString(strings.ToLower(models.Roles.Label(pp.Role)))
		b.WriteString(", ")
		b.WriteString(strings.ToLower(models.Stances.Label(pp.Stance)))
	}
	return b.String()
}
