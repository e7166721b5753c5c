package export

import (
	"io"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// The summary PDF, A4 portrait: a title block (plan, draft, date, status,
// signatories, the draft's sources), then a table of provisions grouped by
// category (point | provision | terms | parties | status), each row with
// its wording in a band beneath, then every source cited.

// Column widths of the provisions table, in millimetres (182 in all).
var summaryCols = []float64{11, 58, 52, 37, 24}

func pdfSummary(w io.Writer, s report.Summary, src *Front) error {
	lang := src.w
	title := s.Plan.Title + ": " + s.Draft.Name
	d := newPDFDoc(lang, "P", title, title, title+" · "+strings.ToLower(src.Kind)+" · "+src.Line())
	t := newTable(d)
	summaryTitle(t, s, src)

	t.setHeader(summaryCols, lang.cols("pt", "provision", "terms", "parties", "status"))
	for _, g := range s.Groups {
		t.groupRow(lang.vocab("category", models.Categories, g.Category), lang.count(len(g.Provisions), "provision"))
		for i := range g.Provisions {
			summaryRow(t, &g.Provisions[i], src)
		}
	}
	t.endHeader()
	t.sourcesSection(src)
	return d.output(w)
}

func summaryTitle(t *table, s report.Summary, src *Front) {
	const labelW = 24.0
	w, status := src.w, src.Drafts[0].Status
	t.kicker(strings.ToUpper(src.Kind))
	t.heading(s.Plan.Title, 17)
	t.l.add(s.Draft.Name, textStyle{font: fontRegular, size: 12, color: colText})
	t.l.add("   "+joinNonEmpty(" · ", w.date(s.Draft.Date), status), textStyle{font: fontRegular, size: 10, color: colMuted})
	t.paragraph()
	t.space(2.5)

	if s.Plan.Origin != "" {
		t.l.add(partyName(s.Plan.Origin, s.Plan.OriginName), stBody)
		t.labelled(w.t("label.plan_origin"), labelW)
	}
	t.l.add(s.Draft.Name, stBody)
	t.labelled(w.t("label.draft"), labelW)
	if s.Draft.Date != "" {
		t.l.add(w.date(s.Draft.Date), stBody)
		t.labelled(w.t("label.date"), labelW)
	}
	t.l.add(status, stBody)
	t.labelled(w.t("label.status"), labelW)
	frontLines(t, src, labelW)
	t.l.add(signatories(s, w), stBody)
	t.labelled(w.t("label.signatories"), labelW)
	t.l.add(w.t("provisions_in", "Provisions", w.count(s.Count, "provision"), "Categories", w.count(len(s.Groups), "category")), stBody)
	t.labelled(w.t("label.provisions"), labelW)
	if refs := src.numbers(s.Draft.Citations); len(refs) > 0 {
		t.sourceLines(src, refs, labelW, stBody, w.t("label.sources"))
	}
	if desc := strings.TrimSpace(s.Description); desc != "" {
		t.space(2)
		t.l.add(desc, textStyle{font: fontItalic, size: 8, color: colText})
		t.paragraph()
	}
	t.space(5)
}

// summaryRow draws one provision: its cells, then its wording.
func summaryRow(t *table, p *report.SummaryProvision, src *Front) {
	l := t.l
	x := 0.0
	col := func(i int) (float64, float64) {
		x0 := x
		x += summaryCols[i]
		return x0, summaryCols[i]
	}

	l.add(p.Point, textStyle{font: fontBold, size: 8, color: colText})
	t.cell(col(0))
	t.cont = p.Point

	start := t.beginCell()
	cx, cw := col(1)
	l.add(p.Title, textStyle{font: fontBold, size: 8, color: colText})
	l.para(inner(cw))
	l.add(src.w.kind(p.Kind)+" · "+p.Key, stMuted)
	l.para(inner(cw))
	t.endCell(start, cx, cw)

	start = t.beginCell()
	cx, cw = col(2)
	if p.Headline != "" && p.Headline != p.Title {
		l.add(src.w.headline(p.Kind, p.Terms, p.Headline), stBold)
		l.para(inner(cw))
	}
	for _, term := range p.Terms {
		l.add(src.w.field(p.Kind, models.Field{Name: term.Name, Label: term.Label})+": ", stLabel)
		l.add(src.w.value(term.Value), stSmall)
		l.para(inner(cw))
	}
	pdfWordingCheck(src.w, l, p.WordingMismatches, inner(cw))
	t.endCell(start, cx, cw)

	start = t.beginCell()
	cx, cw = col(3)
	for _, pp := range p.Parties {
		l.add(pp.ShortName+" ", stBold)
		l.add(src.w.stanceWords(pp.Role, pp.Stance, pp.StanceDate), stSmall)
		if refs := src.refText(pp.StanceSources); refs != "" {
			l.add(" "+refs, stMuted)
		}
		l.para(inner(cw))
	}
	t.endCell(start, cx, cw)

	start = t.beginCell()
	cx, cw = col(4)
	l.add(src.w.vocab("status", models.ProvisionStatuses, p.Status), stSmall)
	l.para(inner(cw))
	l.add(src.w.vocab("sourcing", models.Sourcings, p.Sourcing), stMuted)
	if refs := src.refText(p.Citations); refs != "" {
		l.add(" "+refs, stMuted)
	}
	l.para(inner(cw))
	t.endCell(start, cx, cw)
	t.band(nil, false)

	if text := strings.TrimSpace(p.Text); text != "" {
		x0 := summaryCols[0]
		l.add(text, textStyle{font: fontRegular, size: 7.5, color: rgb{60, 62, 66}})
		t.cell(x0, t.w-x0)
		t.band(nil, false)
	}
	t.row(true)
}
