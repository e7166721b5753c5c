package export

import (
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// The PDF fonts are Liberation Sans (github.com/go-fonts/liberation, SIL
// Open Font License), embedded in the binary (no font files to install) and
// subset into each PDF by fpdf: they cover Latin, Cyrillic (Ukrainian and
// Russian), "→", "−" and "…", which fpdf's built-in core fonts (Latin-1
// only) do not.
//
// They replaced the Go fonts, which were designed for code: their
// U+002D HYPHEN-MINUS is a minus sign, as wide as a digit and wider than
// their en dash, so every "28-point" and "2025-11-20" printed as
// "28–point" and "2025–11–20". fpdf draws a character with the glyph the
// font's cmap gives it, and its ToUnicode map says U+002D whatever the
// glyph looks like, so the text read back was right and the print wrong.
// Liberation's hyphen is a hyphen (333/1000 em, its en dash 556, its minus
// 584); TestPDFHyphens holds it there with pdftotext's word boxes.

type fontID uint8

const (
	fontRegular fontID = iota
	fontBold
	fontItalic
	numFonts
)

const fontFamily = "sans"

var fontFiles = [numFonts]struct {
	style string
	ttf   []byte
}{
	fontRegular: {"", liberationsansregular.TTF},
	fontBold:    {"B", liberationsansbold.TTF},
	fontItalic:  {"I", liberationsansitalic.TTF},
}

// fontMetrics are what the layout needs of the fonts: each rune's advance
// width (in 1/1000 em, exactly as fpdf measures it, so that a line we
// measure to fit does fit) and which runes every font has a glyph for.
type fontMetrics struct {
	width   [numFonts][]uint16 // by rune, Basic Multilingual Plane only
	covered []uint64           // bit r: every font has rune r
}

var (
	metricsOnce sync.Once
	metrics     *fontMetrics
)

// pdfMetrics measures the fonts once per process: about 200,000 look-ups,
// a few milliseconds, rather than on every export.
func pdfMetrics() *fontMetrics {
	metricsOnce.Do(func() { metrics = loadMetrics() })
	return metrics
}

func loadMetrics() *fontMetrics {
	m := &fontMetrics{covered: make([]uint64, 1<<16/64)}
	for i := range m.covered {
		m.covered[i] = ^uint64(0)
	}
	var buf sfnt.Buffer
	scratch := fpdf.New("P", "mm", "A4", "")
	for id, ff := range fontFiles {
		f, err := sfnt.Parse(ff.ttf)
		if err != nil {
			panic("export: embedded font: " + err.Error()) // the bytes are compiled in
		}
		scratch.AddUTF8FontFromBytes(fontFamily, ff.style, ff.ttf)
		scratch.SetFont(fontFamily, ff.style, 10)
		w := make([]uint16, 1<<16)
		var one [4]byte
		for r := rune(0); r < 1<<16; r++ {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 || r < ' ' || (r >= 0xd800 && r < 0xe000) {
				m.covered[r/64] &^= 1 << (r % 64)
				continue
			}
			n := utf8.EncodeRune(one[:], r)
			w[r] = uint16(scratch.GetStringSymbolWidth(string(one[:n])))
		}
		m.width[id] = w
	}
	if err := scratch.Error(); err != nil {
		panic("export: embedded font: " + err.Error())
	}
	return m
}

func (m *fontMetrics) has(r rune) bool {
	return r >= 0 && r < 1<<16 && m.covered[r/64]&(1<<(r%64)) != 0
}

// units is the advance width of s in font f, in 1/1000 em.
func (m *fontMetrics) units(s string, f fontID) int {
	w, n := m.width[f], 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			n += int(w[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 1<<16 {
			n += int(w[r])
		}
		i += size
	}
	return n
}

// lookalikes stand in for characters the fonts lack but texts use.
var lookalikes = map[rune]rune{
	'\u02bc': '’', // modifier letter apostrophe, the Ukrainian apostrophe
	'\u2011': '-', // non-breaking hyphen
	'\u2010': '-',
	'\u202f': ' ', // narrow no-break space
	'\u2009': ' ',
	'\u200a': ' ',
	'\u2002': ' ',
	'\u2003': ' ',
	'\u223c': '~',
	'\u2713': '+',
	'\u2717': 'x',
	'\u25b8': '►',
}

// clean makes s drawable: tabs become spaces, carriage returns and other
// control characters go, a character no font has becomes its lookalike or
// "�". fpdf cannot draw characters beyond the Basic Multilingual Plane
// (emoji): MultiCell fails and its subsetter panics on them, so they must
// not reach it. Line feeds stay for the layout to break on. Text that is
// already clean is returned as is, without copying.
func (m *fontMetrics) clean(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !m.has(r) || zeroWidth(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f, zeroWidth(r):
			// controls and zero-width characters: nothing to draw
		case m.has(r):
			b.WriteRune(r)
		case m.has(lookalikes[r]):
			b.WriteRune(lookalikes[r])
		case r >= 0x80 && r < 0xa0: // C1 controls
		default:
			b.WriteRune('\ufffd')
		}
	}
	return b.String()
}

// zeroWidth reports the invisible characters that clean drops, whether or
// not a font has a glyph for them: they would only split words that
// pdftotext and a reader's search should find whole.
func zeroWidth(r rune) bool {
	return r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}
