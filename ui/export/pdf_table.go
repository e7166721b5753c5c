package export

// Tables for the PDF. A row is one or more bands (strips the full width of
// the table: the provision's cells, then its wording beneath them); a band
// is cells side by side, each a range of laid-out lines. Rows are measured
// before they are drawn: a row that does not fit the rest of the page
// starts the next one, unless it is tall, in which case it starts here and
// breaks between lines, continuing under the repeated header. Everything
// before and after the table (title block, sources) is drawn as headerless
// rows of the same kind.

const (
	padX = 1.3 // cell padding, millimetres
	padY = 1.0
	// keepTogether is the tallest row moved whole to the next page rather
	// than broken, as a share of the page's text height.
	keepTogether = 0.25
	// minStart is the least room worth starting a broken row in.
	minStart = 22.0
)

// bandCell is a cell: lines drawn at x (from the table's left), w wide.
type bandCell struct {
	x, w  float64
	lines lineRange
}

// band is a strip of a row: cells[lo:hi] side by side.
type band struct {
	lo, hi int
	fill   rgb
	filled bool
	rules  bool // a vertical rule before each cell but the first
}

type table struct {
	d     *pdfDoc
	l     *layout // the row being built
	x, w  float64
	bands []band
	cells []bandCell

	head   *layout // the header, laid out once, drawn on every page
	headB  []band
	headC  []bandCell
	group  string  // the current group, named again after a page break
	groupL *layout // the "(continued)" band

	// cont names the row being drawn ("6", "troop-cap") in the first
	// column of its continuation when it breaks across pages, contW wide.
	cont  string
	contW float64
	contL *layout
}

func newTable(d *pdfDoc) *table {
	return &table{d: d, l: &layout{d: d}, x: d.left, w: d.right - d.left}
}

// inner is the text width of a cell w wide.
func inner(w float64) float64 { return w - 2*padX }

// cell lays the queued spans out as a cell at x, w wide, in the current
// band, with one paragraph.
func (t *table) cell(x, w float64) {
	r := t.l.para(inner(w))
	t.cells = append(t.cells, bandCell{x: x, w: w, lines: r})
}

// beginCell starts a cell of several paragraphs (l.para calls), closed
// by endCell.
func (t *table) beginCell() int { return len(t.l.lines) }

func (t *table) endCell(start int, x, w float64) {
	t.cells = append(t.cells, bandCell{x: x, w: w, lines: lineRange{start, len(t.l.lines)}})
}

// band closes the cells added since the last band into a band.
func (t *table) band(fill *rgb, rules bool) {
	lo := 0
	if n := len(t.bands); n > 0 {
		lo = t.bands[n-1].hi
	}
	b := band{lo: lo, hi: len(t.cells), rules: rules}
	if fill != nil {
		b.fill, b.filled = *fill, true
	}
	t.bands = append(t.bands, b)
}

func (t *table) bandHeight(l *layout, cells []bandCell, b band) float64 {
	h := 0.0
	for _, c := range cells[b.lo:b.hi] {
		h = max(h, l.height(c.lines))
	}
	return h + 2*padY
}

// row draws the bands built since the last row, then starts a new row.
func (t *table) row(rule bool) {
	total := 0.0
	for _, b := range t.bands {
		total += t.bandHeight(t.l, t.cells, b)
	}
	d := t.d
	if !d.room(total) && (total <= keepTogether*(d.bottom-d.top) || d.bottom-d.y < minStart) {
		d.newPage()
	}
	for _, b := range t.bands {
		t.drawBand(t.l, t.cells, b)
	}
	if rule {
		d.hline(t.x, t.x+t.w, d.y, colRule, 0.15)
	}
	t.cont = ""
	t.l.reset()
	t.bands, t.cells = t.bands[:0], t.cells[:0]
}

// drawBand draws a band at the current y, breaking the page between lines
// where it does not fit.
func (t *table) drawBand(l *layout, cells []bandCell, b band) {
	d := t.d
	cs := cells[b.lo:b.hi]
	// Per cell, the first line not yet drawn and the line after those that
	// fit on this page. Local, not kept in t: a page break draws the
	// header, a band itself.
	var fromA, toA [8]int
	from, to := fromA[:0], toA[:0]
	for _, c := range cs {
		from = append(from, c.lines.lo)
		to = append(to, c.lines.lo)
	}
	continued := false
	for {
		avail := d.bottom - d.y - 2*padY
		h, rest := 0.0, false
		label := lineRange{}
		if continued && t.cont != "" && t.firstColFree(cs, from) {
			label = t.contLabel()
			h = t.contL.height(label)
		}
		for i, c := range cs {
			end, ch := from[i], 0.0
			for end < c.lines.hi && ch+l.lines[end].h <= avail+0.01 {
				ch += l.lines[end].h
				end++
			}
			if end == from[i] && end < c.lines.hi && d.y <= d.pageTop+0.01 {
				ch += l.lines[end].h // a line taller than a page: draw it anyway
				end++
			}
			to[i] = end
			rest = rest || end < c.lines.hi
			h = max(h, ch)
		}
		if h == 0 && rest {
			d.newPage()
			continue
		}
		if b.filled {
			d.fill(t.x, d.y, t.w, h+2*padY, b.fill)
		}
		y := d.y + padY
		for n := label.lo; n < label.hi; n++ {
			t.contL.drawLine(n, t.x+padX, y)
			y += t.contL.lines[n].h
		}
		for i, c := range cs {
			y := d.y + padY
			for n := from[i]; n < to[i]; n++ {
				l.drawLine(n, t.x+c.x+padX, y)
				y += l.lines[n].h
			}
			if b.rules && i > 0 {
				d.vline(t.x+c.x, d.y, d.y+h+2*padY, colRule, 0.15)
			}
			from[i] = to[i]
		}
		d.y += h + 2*padY
		if !rest {
			return
		}
		d.newPage()
		continued = true
	}
}
