package export

// Text layout for the PDF: paragraphs of styled spans wrapped into lines
// that a table cell or a page draws. fpdf's MultiCell wraps one style only
// and draws as it goes; a cell here mixes styles (a struck deletion beside
// an underlined insertion) and must be measured before it is drawn, to
// size its row and decide where pages break.

// deco is a line drawn with text.
type deco uint8

const (
	decoNone deco = iota
	decoStrike
	decoUnder
)

// textStyle is how a span looks.
type textStyle struct {
	font  fontID
	size  float64 // points
	color rgb
	deco  deco
}

// piece is a run of one style on one line, at x from the line's start.
type piece struct {
	text string
	st   textStyle
	x, w float64
}

// lineBox is one laid-out line: pieces[lo:hi], h millimetres high.
type lineBox struct {
	lo, hi int
	h      float64
	size   float64 // the largest font size on it, for the baseline
}

// span is text in one style, waiting to be wrapped.
type span struct {
	text string
	st   textStyle
}

// layout holds the lines of the row being built; reset reuses its buffers
// for the next row, so a 10,000-row table allocates like a ten-row one.
type layout struct {
	d      *pdfDoc
	pieces []piece
	lines  []lineBox
	spans  []span
	// The last piece is cut from lastSrc and ends at byte lastAt of it,
	// for put to extend it.
	lastSrc string
	lastAt  int
}

// leading is the line height, in millimetres, of text at size points.
func leading(size float64) float64 { return size * ptMM * 1.24 }

func (l *layout) reset() {
	l.pieces, l.lines, l.spans = l.pieces[:0], l.lines[:0], l.spans[:0]
}

// add queues text for the paragraph being built.
func (l *layout) add(text string, st textStyle) {
	if text != "" {
		l.spans = append(l.spans, span{l.d.m.clean(text), st})
	}
}

// para wraps the queued spans into lines at most width wide and returns
// the range of lines they make. Lines break at spaces and at line feeds; a
// word wider than the line is cut between characters.
func (l *layout) para(width float64) lineRange {
	first := len(l.lines)
	size := 0.0
	for _, s := range l.spans {
		size = max(size, s.st.size)
	}
	h := leading(size)
	lineStart, x := len(l.pieces), 0.0
	emit := func() {
		l.trimLine(lineStart)
		l.lines = append(l.lines, lineBox{lo: lineStart, hi: len(l.pieces), h: h, size: size})
		lineStart, x = len(l.pieces), 0
		l.lastSrc = ""
	}
	for _, sp := range l.spans {
		s := sp.text
		for i := 0; i < len(s); {
			if s[i] == '\n' {
				emit()
				i++
				continue
			}
			j := i + 1
			space := s[i] == ' '
			for j < len(s) && s[j] != '\n' && (s[j] == ' ') == space {
				j++
			}
			tw := l.d.width(s[i:j], sp.st.font, sp.st.size)
			switch {
			case space:
				if x > 0 {
					l.put(s, i, j, sp.st, x, tw)
					x += tw
				}
			case x+tw <= width:
				l.put(s, i, j, sp.st, x, tw)
				x += tw
			case tw <= width:
				emit()
				l.put(s, i, j, sp.st, 0, tw)
				x = tw
			default: // a word wider than the line
				if x > 0 {
					emit()
				}
				for k := i; k < j; {
					cut := l.fit(s[k:j], sp.st, width-x)
					if cut == 0 && x == 0 {
						cut = len(firstRune(s[k:j]))
					}
					if cut > 0 {
						w := l.d.width(s[k:k+cut], sp.st.font, sp.st.size)
						l.put(s, k, k+cut, sp.st, x, w)
						x += w
						k += cut
					}
					if k < j {
						emit()
					}
				}
			}
			i = j
		}
	}
	if len(l.pieces) > lineStart || len(l.lines) == first {
		emit()
	}
	l.spans = l.spans[:0]
	return lineRange{first, len(l.lines)}
}

// put appends s[i:j] at x, extending the last piece when it continues it
// in the same style, so that a line of one style is drawn in one go.
func (l *layout) put(s string, i, j int, st textStyle, x, w float64) {
	if n := len(l.pieces); n > 0 && l.lastSrc == s && l.lastAt == i && l.pieces[n-1].st == st {
		p := &l.pieces[n-1]
		p.text = s[i-len(p.text) : j]
		p.w += w
	} else {
		l.pieces = append(l.pieces, piece{text: s[i:j], st: st, x: x, w: w})
	}
	l.lastSrc, l.lastAt = s, j
}

// trimLine drops the spaces that end the line begun at lo.
func (l *layout) trimLine(lo int) {
	for n := len(l.pieces); n > lo; n = len(l.pieces) {
		p := &l.pieces[n-1]
		t := p.text
		for len(t) > 0 && t[len(t)-1] == ' ' {
			t = t[:len(t)-1]
		}
		if t == p.text {
			return
		}
		if t == "" {
			l.pieces = l.pieces[:n-1]
			continue
		}
		p.text, p.w = t, l.d.width(t, p.st.font, p.st.size)
		return
	}
}

// fit returns how many bytes of s fit in width.
func (l *layout) fit(s string, st textStyle, width float64) int {
	w := l.d.m.width[st.font]
	limit := width / (st.size * ptMM) * 1000
	units := 0.0
	for i, r := range s {
		if r < 1<<16 {
			units += float64(w[r])
		}
		if units > limit {
			return i
		}
	}
	return len(s)
}

func firstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}

// gap adds h millimetres of empty space as a line.
func (l *layout) gap(h float64) {
	l.lines = append(l.lines, lineBox{lo: len(l.pieces), hi: len(l.pieces), h: h})
}

// lineRange is a range of laid-out lines: a cell's content.
type lineRange struct{ lo, hi int }

func (l *layout) height(r lineRange) float64 {
	h := 0.0
	for _, ln := range l.lines[r.lo:r.hi] {
		h += ln.h
	}
	return h
}

// drawLine draws line n with its top left corner at x, y.
func (l *layout) drawLine(n int, x, y float64) {
	ln := &l.lines[n]
	baseline := y + ln.h/2 + 0.32*ln.size*ptMM
	d := l.d
	for i := ln.lo; i < ln.hi; i++ {
		p := &l.pieces[i]
		d.setText(p.st.font, p.st.size, p.st.color)
		d.pdf.Text(x+p.x, baseline, p.text)
		switch p.st.deco {
		case decoStrike:
			yy := baseline - 0.3*p.st.size*ptMM
			d.hline(x+p.x, x+p.x+p.w, yy, p.st.color, 0.045*p.st.size*ptMM+0.08)
		case decoUnder:
			yy := baseline + 0.13*p.st.size*ptMM
			d.hline(x+p.x, x+p.x+p.w, yy, p.st.color, 0.045*p.st.size*ptMM+0.08)
		}
	}
}
