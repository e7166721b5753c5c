package export

import (
	"strconv"
	"strings"
)

// The pieces of a PDF outside its main table: headings, labelled lines of
// a title block, paragraphs, the numbered sources. All are headerless
// table rows, so they break across pages like any row.

var (
	stBody   = textStyle{font: fontRegular, size: 8, color: colText}
	stSmall  = textStyle{font: fontRegular, size: 7.5, color: colText}
	stBold   = textStyle{font: fontBold, size: 7.5, color: colText}
	stMuted  = textStyle{font: fontRegular, size: 7, color: colMuted}
	stLabel  = textStyle{font: fontRegular, size: 7.5, color: colMuted}
	stItalic = textStyle{font: fontItalic, size: 7.5, color: colMuted}
)

// kicker writes the small capitals line above a title: "PROVISION SUMMARY".
func (t *table) kicker(text string) {
	t.l.add(text, textStyle{font: fontBold, size: 7.5, color: colMuted})
	t.cell(0, t.w)
	t.band(nil, false)
	t.row(false)
}

// heading writes a heading at size points.
func (t *table) heading(text string, size float64) {
	t.l.add(text, textStyle{font: fontBold, size: size, color: colText})
	t.cell(0, t.w)
	t.band(nil, false)
	t.row(false)
}

// paragraph writes the queued spans as one paragraph the table's width.
func (t *table) paragraph() {
	t.cell(0, t.w)
	t.band(nil, false)
	t.row(false)
}

// space leaves h millimetres empty, unless a page has just begun.
func (t *table) space(h float64) {
	if t.d.y > t.d.pageTop+0.01 {
		t.d.y = min(t.d.y+h, t.d.bottom)
	}
}

// labelled writes a title block line: a muted label in a narrow column,
// then the queued spans.
func (t *table) labelled(label string, labelW float64) {
	t.cell(labelW, t.w-labelW)
	t.l.add(label, stLabel)
	t.cell(0, labelW)
	t.band(nil, false)
	t.row(false)
}

// sourceLines writes numbered sources, "[3] Axios, 20 Nov 2025", with a
// hanging indent, each its own row, x from the left; label, if any, goes
// beside the first.
func (t *table) sourceLines(src *Front, numbers []int, x float64, st textStyle, label string) {
	const numW = 9.0
	lines := src.refLines()
	for i, n := range numbers {
		t.l.add(lines[n-1], st)
		t.cell(x+numW, t.w-x-numW)
		t.l.add(ref(n), textStyle{font: fontBold, size: st.size, color: colMuted})
		t.cell(x, numW)
		if i == 0 && label != "" {
			t.l.add(label, stLabel)
			t.cell(0, x)
		}
		t.band(nil, false)
		t.row(false)
	}
}

// sourcesSection ends a document with every source it cites, kept on one
// page where the list fits one: never a last page of one or two sources.
func (t *table) sourcesSection(src *Front) {
	if len(src.References) == 0 {
		return
	}
	numbers := make([]int, len(src.References))
	for i := range numbers {
		numbers[i] = i + 1
	}
	if h := t.sourcesHeight(src, numbers); !t.d.room(5+h) && h <= t.d.bottom-t.d.top-10 {
		t.d.newPage()
	}
	t.space(5)
	t.heading(src.w.t("label.sources"), 11)
	t.sourceLines(src, numbers, 0, stBody, "")
}

// sourcesHeight measures the Sources heading and list as sourceLines and
// heading draw them.
func (t *table) sourcesHeight(src *Front, numbers []int) float64 {
	const numW = 9.0
	l := &layout{d: t.d}
	l.add(src.w.t("label.sources"), textStyle{font: fontBold, size: 11, color: colText})
	h := l.height(l.para(inner(t.w))) + 2*padY
	lines := src.refLines()
	for _, n := range numbers {
		l.add(lines[n-1], stBody)
		h += l.height(l.para(inner(t.w-numW))) + 2*padY
	}
	return h
}

// ref is a reference to source n: "[3]".
func ref(n int) string { return "[" + strconv.Itoa(n) + "]" }

// plural is "1 provision", "3 provisions", "2 categories", "4 keys".
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " "
	switch {
	case n == 1:
		return s + noun
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey"):
		return s + noun[:len(noun)-1] + "ies"
	}
	return s + noun + "s"
}

func joinNonEmpty(sep string, parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// frontLines writes the front matter's lines every document carries
// beside its title: each draft's coverage and lineage, as of, exported.
func frontLines(t *table, f *Front, labelW float64) {
	for _, d := range f.Drafts {
		prefix := ""
		if len(f.Drafts) > 1 {
			prefix = d.Role + ": " + d.Name + ": "
		}
		t.l.add(prefix+d.Coverage, stBody)
		if d.Partial {
			t.l.add(" "+f.w.t("partial_note"), stMuted)
		}
		t.labelled(f.w.t("label.coverage"), labelW)
		t.l.add(prefix+d.Lineage(), stBody)
		t.labelled(f.w.t("label.lineage"), labelW)
	}
	t.l.add(f.AsOfText(), stBody)
	t.l.add(" "+f.w.t("as_of_note"), stMuted)
	t.labelled(f.w.t("label.as_of"), labelW)
	t.l.add(f.ExportedText(), stBody)
	t.labelled(f.w.t("label.exported"), labelW)
	recordLines(t, f, labelW)
}

// recordLines writes where the record ends and each draft's stances as a
// whole, where the document has them.
func recordLines(t *table, f *Front, labelW float64) {
	for _, r := range f.recordRows() {
		t.l.add(r[1].(string), stBody)
		t.labelled(r[0].(string), labelW)
	}
}
