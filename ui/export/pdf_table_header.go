package export

// What a table repeats when it runs over pages: its header row on every
// page, the group it is in ("Security (continued)"), and the name of a row
// that broke across the page ("troop-cap (cont.)").

// setHeader lays out the column titles, drawn now and at the top of every
// further page until endHeader.
func (t *table) setHeader(cols []float64, titles []string) {
	t.head = &layout{d: t.d}
	t.headB, t.headC = t.headB[:0], t.headC[:0]
	x := 0.0
	st := textStyle{font: fontBold, size: 7.5, color: colText}
	for i, w := range cols {
		t.head.add(titles[i], st)
		t.headC = append(t.headC, bandCell{x: x, w: w, lines: t.head.para(inner(w))})
		x += w
	}
	t.headB = append(t.headB, band{lo: 0, hi: len(t.headC), fill: colHeadFill, filled: true})
	t.contW = cols[0]
	t.d.onBreak = t.drawHeader
	if !t.d.room(t.bandHeight(t.head, t.headC, t.headB[0]) + minStart) {
		t.d.newPage() // draws the header
		return
	}
	t.drawHeader()
}

func (t *table) drawHeader() {
	t.drawBand(t.head, t.headC, t.headB[0])
	if t.group != "" {
		if t.groupL == nil {
			t.groupL = &layout{d: t.d}
		}
		l := t.groupL
		l.reset()
		l.add(t.group, textStyle{font: fontBold, size: 8, color: colText})
		l.add("  "+t.d.words.t("continued"), textStyle{font: fontRegular, size: 7.5, color: colMuted})
		cells := []bandCell{{x: 0, w: t.w, lines: l.para(inner(t.w))}}
		t.drawBand(l, cells, band{lo: 0, hi: 1, fill: colGroupFill, filled: true})
	}
}

// endHeader stops repeating the header.
func (t *table) endHeader() {
	t.d.onBreak = nil
	t.group, t.contW = "", 0
}

// groupRow starts a group of rows (a category) with a shaded band naming
// it, kept on one page with room for a first row after it.
func (t *table) groupRow(label, note string) {
	t.group = ""
	t.l.add(label, textStyle{font: fontBold, size: 8.5, color: colText})
	if note != "" {
		t.l.add("   "+note, textStyle{font: fontRegular, size: 7.5, color: colMuted})
	}
	t.cell(0, t.w)
	t.band(&colGroupFill, false)
	if !t.d.room(t.bandHeight(t.l, t.cells, t.bands[0]) + minStart) {
		t.d.newPage()
	}
	t.row(false)
	t.group = label
}

// firstColFree reports whether the first column has nothing left to draw
// in the band: the room for the continued row's name.
func (t *table) firstColFree(cs []bandCell, from []int) bool {
	for i, c := range cs {
		if c.x < t.contW && from[i] < c.lines.hi {
			return false
		}
	}
	return t.contW > 0
}

// contLabel lays out "troop-cap (continued)" for the first column.
func (t *table) contLabel() lineRange {
	if t.contL == nil {
		t.contL = &layout{d: t.d}
	}
	t.contL.reset()
	t.contL.add(t.cont, textStyle{font: fontBold, size: 7, color: colMuted})
	t.contL.add(" "+t.d.words.t("cont"), textStyle{font: fontItalic, size: 7, color: colMuted})
	return t.contL.para(inner(t.contW))
}
