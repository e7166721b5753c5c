package export

import (
	"io"
	"strconv"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// pdfDoc is one PDF being written: A4, millimetres, a page header with
// the draft (or the drafts compared) and "Page n of N", a footer with the
// document's name, and the state fpdf makes costly to
// set twice (fpdf writes a font or colour change into the page every time
// it is asked, changed or not). Pages break where the layout says, never
// automatically, so a row is never cut in the middle of a line.
type pdfDoc struct {
	pdf     *fpdf.Fpdf
	m       *fontMetrics
	w, h    float64 // the page
	left    float64 // the text area: left to right, top to bottom
	right   float64
	top     float64
	bottom  float64
	y       float64 // where the next thing goes
	pageTop float64 // where the page's own content starts, below the header
	footer  string
	header  string
	words   words  // the reader's language, for "Page n of N"
	onBreak func() // draws what heads each further page (a table's header)

	added    [numFonts]bool // the fonts fpdf has been given
	font     fontID
	size     float64
	fontSet  bool // font and size above are what fpdf has
	color    rgb
	colorSet bool // fpdf's text and fill colours are both color
	draw     rgb
	lineW    float64
	drawSet  bool
}

// rgb is a colour; the zero value is black.
type rgb struct{ r, g, b uint8 }

// The palette. Changes are marked by symbol, word and decoration as well
// as colour, so that a black-and-white print reads the same.
var (
	colText      = rgb{25, 25, 25}
	colMuted     = rgb{100, 104, 112}
	colRule      = rgb{200, 204, 210}
	colHeadFill  = rgb{226, 230, 236}
	colGroupFill = rgb{240, 242, 245}
	colNoteFill  = rgb{253, 247, 232}
	colAdded     = rgb{0, 118, 60}
	colRemoved   = rgb{190, 32, 32}
	colChanged   = rgb{168, 98, 0}
)

const ptMM = 25.4 / 72 // one point in millimetres

// newPDFDoc starts a PDF; header names the draft on every page ("US peace
// framework · v1 28-point draft"), footer the document; w is the reader's
// language.
//
// fpdf does all the writing: it compresses each page (SetCompression),
// embeds only the glyphs used (its UTF-8 fonts are subset), and puts the
// page count in for the alias (AliasNbPages) when it writes the file.
//
// A font is given to fpdf when the text first needs it (setText), not
// up front: fpdf parses each font it is given, holds it to the end and
// embeds it whether used or not, and a summary never sets a word in
// italic.
func newPDFDoc(w words, orientation, title, header, footer string) *pdfDoc {
	p := fpdf.New(orientation, "mm", "A4", "")
	d := &pdfDoc{pdf: p, m: pdfMetrics(), words: w}
	d.w, d.h = p.GetPageSize()
	d.left, d.right, d.top, d.bottom = 14, d.w-14, 17, d.h-15
	d.footer = d.fit(d.m.clean(footer), d.right-d.left, fontRegular, 7)
	d.header = d.fit(d.m.clean(header), d.right-d.left-d.width(d.pageText("0000", "0000"), fontRegular, 7)-6, fontBold, 7)
	p.SetMargins(d.left, d.top, d.w-d.right)
	p.SetAutoPageBreak(false, 0)
	p.SetCompression(true)
	p.AliasNbPages(pageCountAlias)
	p.SetTitle(d.m.clean(title), true)
	p.SetCreator("Plantracker", true)
	p.SetHeaderFunc(d.drawHeader)
	p.SetFooterFunc(d.drawFooter)
	d.addPage()
	return d
}

func (d *pdfDoc) addPage() {
	d.pdf.AddPage()
	d.fontSet, d.colorSet, d.drawSet = false, false, false // the footer changed them
	d.y, d.pageTop = d.top, d.top
}

// newPage ends the page and starts the next, headed by onBreak.
func (d *pdfDoc) newPage() {
	d.addPage()
	if d.onBreak != nil {
		d.onBreak()
	}
	d.pageTop = d.y
}

// room reports whether h more millimetres fit on the page.
func (d *pdfDoc) room(h float64) bool { return d.y+h <= d.bottom+0.01 }

// pageText is "Page 3 of 12" in the reader's language; the header
// leaves room for "Page 0000 of 0000".
func (d *pdfDoc) pageText(n, of string) string { return d.words.t("page", "N", n, "Of", of) }

// pageCountAlias stands for the page count until fpdf writes the file.
const pageCountAlias = "{nb}"

// drawHeader heads every page with the draft and "Page n of N".
func (d *pdfDoc) drawHeader() {
	y := 9.5
	d.setText(fontBold, 7, colMuted)
	d.pdf.Text(d.left, y, d.header)
	// The alias becomes the page count only when the PDF is written, so
	// the number's width is unknown here: it starts where the widest would.
	d.setText(fontRegular, 7, colMuted)
	d.pdf.Text(d.right-d.width(d.pageText("0000", "0000"), fontRegular, 7), y,
		d.pageText(strconv.Itoa(d.pdf.PageNo()), pageCountAlias))
	d.hline(d.left, d.right, y+2, colRule, 0.2)
}

func (d *pdfDoc) drawFooter() {
	y := d.h - 10
	d.hline(d.left, d.right, y-3.2, colRule, 0.2)
	d.setText(fontRegular, 7, colMuted)
	d.pdf.Text(d.left, y, d.footer)
}

// setText makes f at size points in colour c current.
//
// The colour is set as both text and fill colour: fpdf then writes it
// into the page once, rather than wrapping every piece of text in
// "q <colour> … Q" as it does while the two differ.
func (d *pdfDoc) setText(f fontID, size float64, c rgb) {
	if !d.fontSet || f != d.font || size != d.size {
		if !d.added[f] {
			d.pdf.AddUTF8FontFromBytes(fontFamily, fontFiles[f].style, fontFiles[f].ttf)
			d.added[f] = true
		}
		d.pdf.SetFont(fontFamily, fontFiles[f].style, size)
		d.font, d.size, d.fontSet = f, size, true
	}
	if !d.colorSet || c != d.color {
		d.pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
		d.pdf.SetFillColor(int(c.r), int(c.g), int(c.b))
		d.color, d.colorSet = c, true
	}
}

func (d *pdfDoc) setDraw(c rgb, width float64) {
	if !d.drawSet || c != d.draw {
		d.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
		d.draw = c
	}
	if !d.drawSet || width != d.lineW {
		d.pdf.SetLineWidth(width)
		d.lineW = width
	}
	d.drawSet = true
}

// fit cuts s to at most w millimetres, ending it with "…" if cut.
func (d *pdfDoc) fit(s string, w float64, f fontID, size float64) string {
	if d.width(s, f, size) <= w {
		return s
	}
	for i := len(s) - 1; i > 0; i-- {
		if utf8.RuneStart(s[i]) && d.width(s[:i]+"…", f, size) <= w {
			return s[:i] + "…"
		}
	}
	return "…"
}

// width is the width of s in millimetres.
func (d *pdfDoc) width(s string, f fontID, size float64) float64 {
	return float64(d.m.units(s, f)) * size / 1000 * ptMM
}

func (d *pdfDoc) hline(x1, x2, y float64, c rgb, width float64) {
	d.setDraw(c, width)
	d.pdf.Line(x1, y, x2, y)
}

func (d *pdfDoc) vline(x, y1, y2 float64, c rgb, width float64) {
	d.setDraw(c, width)
	d.pdf.Line(x, y1, x, y2)
}

func (d *pdfDoc) fill(x, y, w, h float64, c rgb) {
	d.pdf.SetFillColor(int(c.r), int(c.g), int(c.b))
	d.pdf.Rect(x, y, w, h, "F")
	d.colorSet = false
}

// output writes the finished PDF, or the first error fpdf met.
func (d *pdfDoc) output(w io.Writer) error {
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return d.pdf.Output(w)
}
