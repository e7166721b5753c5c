package export

import (
	"io"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/models/worddiff"
)

// The comparison PDF, A4 landscape: a title block (the two drafts side by
// side with their dates, statuses, coverage and sources, the counts per
// status, a legend), then one row per key, grouped by category: the key and
// its status, then the provision as each draft has it, from | to, with what
// changed marked, and a band listing the changes in substance. Unchanged
// keys take one line each, and so do keys the later draft does not report,
// with their last known value. Then the changes in sourcing and labels
// only, a line per key (pdf_compare_sourcing.go), the timelines of the
// numbers that changed, and every source cited, kept together.

// Column widths, in millimetres (269 in all): key and status | from | to.
var compareCols = []float64{38, 115.5, 115.5}

func pdfComparison(w io.Writer, c report.Comparison, src *Front) error {
	lang := src.w
	title := lang.t("comparison_of", "From", c.From.Name, "To", c.To.Name)
	d := newPDFDoc(lang, "L", title, c.From.Name+" → "+c.To.Name, title+" · "+src.Line())
	t := newTable(d)
	compareTitle(t, c, src)

	side := func(i int, dr report.DraftRef) string {
		coverage := dr.Coverage // "complete", "partial": the code in English, as it always was
		if !lang.english() {
			coverage = lang.t(dr.Coverage)
		}
		return src.Drafts[i].Role + ": " + joinNonEmpty(" · ", dr.Name, lang.date(dr.Date), coverage)
	}
	t.setHeader(compareCols, []string{lang.t("col.key"), side(0, c.From), side(1, c.To)})
	category := "\x00"
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Category != category {
			category = r.Category
			t.groupRow(lang.vocab("category", models.Categories, r.Category), "")
		}
		if r.Status == report.StatusUnchanged || r.Status == report.StatusNotReported {
			unchangedRow(t, r, src)
		} else {
			compareRow(t, r, src)
		}
	}
	if len(c.Rows) == 0 {
		t.l.add(lang.t("no_provisions"), stItalic)
		t.paragraph()
	}
	t.endHeader()
	sourcingTable(t, c, src)
	if err := chartSection(t, src.charts); err != nil {
		return err
	}
	t.sourcesSection(src)
	return d.output(w)
}

// statusColor is the colour of a status; its symbol and word say the same.
func statusColor(s report.DiffStatus) rgb {
	switch s {
	case report.StatusAdded:
		return colAdded
	case report.StatusRemoved:
		return colRemoved
	case report.StatusChanged:
		return colChanged
	}
	return colMuted
}

func compareTitle(t *table, c report.Comparison, src *Front) {
	w := src.w
	t.kicker(strings.ToUpper(w.t("comparison_of_drafts")))
	t.heading(c.From.Name+"  →  "+c.To.Name, 16)
	t.space(1.5)

	half := t.w / 2
	for i, dr := range []report.DraftRef{c.From, c.To} {
		start := t.beginCell()
		t.l.add(strings.ToUpper(src.Drafts[i].Role), textStyle{font: fontBold, size: 7, color: colMuted})
		t.l.para(inner(half))
		t.l.add(dr.Name, textStyle{font: fontBold, size: 9.5, color: colText})
		t.l.para(inner(half))
		t.l.add(joinNonEmpty(" · ", w.date(dr.Date), src.Drafts[i].Status, w.vocab("coverage", models.Coverages, dr.Coverage),
			src.Drafts[i].Lineage()), stBody)
		t.l.para(inner(half))
		lines := src.refLines()
		for _, n := range src.numbers(dr.Citations) {
			t.l.add(ref(n)+" ", textStyle{font: fontBold, size: 7.5, color: colMuted})
			t.l.add(lines[n-1], stSmall)
			t.l.para(inner(half))
		}
		t.endCell(start, float64(i)*half, half)
	}
	t.band(&colGroupFill, true)
	t.row(false)
	t.space(2)
	t.l.add(src.AsOfText(), stBody)
	t.l.add(" "+w.t("as_of_note"), stMuted)
	t.labelled(w.t("label.as_of"), 24)
	t.l.add(src.ExportedText(), stBody)
	t.labelled(w.t("label.exported"), 24)
	recordLines(t, src, 24)
	t.space(2)

	n := c.Counts
	t.l.add(w.count(n.Total, "key")+":   ", stBody)
	for _, s := range []struct {
		n      int
		status report.DiffStatus
		more   string
	}{{n.Added, report.StatusAdded, ""}, {n.Removed, report.StatusRemoved, w.countOf(n.Withdrawn, "withdrawn")},
		{n.Changed, report.StatusChanged, ""}, {n.NotReported, report.StatusNotReported, ""},
		{n.Unchanged, report.StatusUnchanged, w.countOf(n.SourcingOnly, "sourcing_only")}} {
		t.l.add(w.countMark(s.n, s.status), textStyle{font: fontBold, size: 8, color: statusColor(s.status)})
		t.l.add(s.more+"     ", textStyle{font: fontRegular, size: 8, color: statusColor(s.status)})
	}
	t.paragraph()
	if n.NotReported > 0 {
		t.l.add(w.t("pdf.not_reported_note", "To", c.To.Name, "From", c.From.Name), stLabel)
		t.paragraph()
	}
	if c.Swapped {
		t.l.add(upperFirst(w.t("order_swapped"))+".", stLabel)
		t.paragraph()
	}
	t.l.add(w.t("pdf.legend.deleted"), stLabel)
	t.l.add(w.t("pdf.legend.struck"), textStyle{font: fontRegular, size: 7.5, color: colRemoved, deco: decoStrike})
	t.l.add(w.t("pdf.legend.inserted"), stLabel)
	t.l.add(w.t("pdf.legend.underlined"), textStyle{font: fontRegular, size: 7.5, color: colAdded, deco: decoUnder})
	t.l.add(w.t("pdf.legend.rest"), stLabel)
	t.paragraph()
	t.space(4)
}

// unchangedRow is one line: the status, then key, point, title, headline;
// for a key not reported, its last known value and where it comes from;
// for a key changed in sourcing or labels only, those changes.
func unchangedRow(t *table, r *report.ComparisonRow, src *Front) {
	w := src.w
	t.l.add(w.statusMark(r.Status), textStyle{font: fontRegular, size: 7.5, color: colMuted})
	t.cell(0, compareCols[0])
	t.l.add(r.Key+"   ", stMuted)
	t.l.add(pointTitle(r.Point, r.Title), stSmall)
	tail := w.kind(r.Kind)
	b := side(r)
	if r.Status == report.StatusNotReported {
		b, tail = r.From, w.t("last_known")+": "+tail
	}
	if b != nil {
		if b.Headline != "" && b.Headline != b.Title {
			tail += ": " + w.headline(b.Kind, b.Terms, b.Headline)
		}
		tail += " · " + w.vocab("status", models.ProvisionStatuses, b.Status) + " · " + w.vocab("sourcing", models.Sourcings, b.Sourcing)
		if refs := src.refText(b.Citations); refs != "" {
			tail += " " + refs
		}
	}
	if r.Status == report.StatusNotReported {
		tail += " · " + w.note(r.Note)
	}
	if len(r.SourcingChanges) > 0 {
		// An unchanged key's line points to its changes in sourcing and
		// labels; a changed key's band lists its changes in substance only.
		tail += " · " + w.t("sourcing_pointer")
	}
	t.l.add("   "+tail, stMuted)
	t.cell(compareCols[0], compareCols[1]+compareCols[2])
	t.band(nil, false)
	t.row(true)
}

// compareRow draws an added, removed or changed key.
func compareRow(t *table, r *report.ComparisonRow, src *Front) {
	l := t.l
	t.cont = r.Key
	start := t.beginCell()
	w0 := inner(compareCols[0])
	lang := src.w
	l.add(lang.statusMark(r.Status), textStyle{font: fontBold, size: 8, color: statusColor(r.Status)})
	l.para(w0)
	if r.Withdrawn {
		l.add(lang.t("withdrawn"), textStyle{font: fontBold, size: 7.5, color: statusColor(r.Status)})
		l.para(w0)
	}
	l.add(r.Key, stMuted)
	l.para(w0)
	if r.Point != "" {
		l.add(lang.t("point_n", "Point", r.Point), stMuted)
		l.para(w0)
	}
	t.endCell(start, 0, compareCols[0])

	var words []worddiff.Run
	for _, fc := range r.Changes {
		if fc.Type == "wording" {
			words = fc.Words
		}
	}
	x := compareCols[0]
	for side, b := range []*report.ProvisionBrief{r.From, r.To} {
		start := t.beginCell()
		w := inner(compareCols[1+side])
		if b == nil {
			l.add(lang.t("not_in_draft"), stItalic)
			l.para(w)
		} else {
			briefCell(l, r, b, side, words, src, w)
		}
		t.endCell(start, x, compareCols[1+side])
		x += compareCols[1+side]
	}
	t.band(nil, true)

	if len(r.Changes) > 0 || r.Note != "" {
		start := t.beginCell()
		w := inner(compareCols[1] + compareCols[2])
		for _, fc := range r.Changes {
			if !fc.Counted() { // not recorded, or of form only: muted
				l.add(changeSymbol(fc)+" "+lang.change(r, fc).Summary, textStyle{font: fontRegular, size: 7.5, color: colMuted})
				l.para(w)
				continue
			}
			l.add(changeSymbol(fc)+" ", textStyle{font: fontBold, size: 7.5, color: colChanged})
			l.add(lang.change(r, fc).Summary, stSmall)
			l.para(w)
		}
		if r.Note != "" {
			l.add(upperFirst(lang.note(r.Note))+".", stItalic)
			l.para(w)
		}
		t.endCell(start, compareCols[0], compareCols[1]+compareCols[2])
		l.add(lang.t("changes"), textStyle{font: fontBold, size: 7.5, color: colMuted})
		t.cell(0, compareCols[0])
		t.band(&colNoteFill, false)
	}
	t.row(true)
}

// changeSymbol marks a field change: "+" for a party added to a role, "−"
// for one removed, "~" for anything else.
func changeSymbol(fc report.FieldChange) string {
	switch {
	case fc.NotRecorded:
		return "…"
	case fc.FormOnly:
		return "="
	case fc.Type == "party_role" && len(fc.Added) > 0:
		return "+"
	case fc.Type == "party_role" && len(fc.Removed) > 0:
		return "−"
	}
	return "~"
}

// pointTitle is "6. Title", or the title alone.
func pointTitle(point, title string) string {
	if point == "" {
		return title
	}
	return point + ". " + title
}
