package export

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanKeepsWhatTheFontsDraw(t *testing.T) {
	m := pdfMetrics()
	for in, want := range map[string]string{
		"Запорізька АЕС → 800,000 − 600,000": "Запорізька АЕС → 800,000 − 600,000",
		"rocket 🚀 here":       "rocket \ufffd here",
		"tab\there\r\nnext":   "tab here\nnext",
		"бізнесʼу":            "бізнесʼу",
		"non\u2011breaking":   "non-breaking",
		"zero\u200bwidth\x00": "zerowidth",
		"汉字":                  "\ufffd\ufffd",
	} {
		if got := m.clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	for _, r := range "→−–—“”’«»ЇїІіЄєҐґ€§" {
		if !m.has(r) {
			t.Errorf("the fonts lack %q", r)
		}
	}
}

// TestParaWraps checks the line breaker on random text: no line is wider
// than asked (unless it is one character), and no word is lost, split
// (unless wider than a line) or reordered.
func TestParaWraps(t *testing.T) {
	d := newPDFDoc(words{}, "P", "t", "t", "t")
	l := &layout{d: d}
	rng := rand.New(rand.NewPCG(1, 2))
	words := append(append([]string{}, genLatin...), genCyrillic...)
	words = append(words, strings.Repeat("ДовгеСлово", 12), "→", "600,000")
	for range 300 {
		var parts []string
		for range 1 + rng.IntN(60) {
			parts = append(parts, words[rng.IntN(len(words))])
		}
		text := strings.Join(parts, " ")
		width := 8 + rng.Float64()*120
		styles := []textStyle{stSmall, stBold, {font: fontItalic, size: 11}}
		l.reset()
		// Split the text into spans of varying style at spaces.
		for i, p := range strings.SplitAfter(text, " ") {
			l.add(p, styles[i%len(styles)])
		}
		r := l.para(width)
		var got []string
		for n := r.lo; n < r.hi; n++ {
			ln := l.lines[n]
			w, line := 0.0, ""
			for _, p := range l.pieces[ln.lo:ln.hi] {
				w = max(w, p.x+p.w)
				line += p.text
				if got := d.width(p.text, p.st.font, p.st.size); abs(got-p.w) > 1e-6 {
					t.Fatalf("piece %q: width %.3f, measured %.3f", p.text, p.w, got)
				}
			}
			if w > width+1e-6 && utf8.RuneCountInString(line) > 1 {
				t.Fatalf("line %q is %.2f mm wide, more than %.2f", line, w, width)
			}
			if line != strings.TrimSpace(line) {
				t.Fatalf("line %q starts or ends with a space", line)
			}
			got = append(got, line)
		}
		if joined := strings.ReplaceAll(strings.Join(got, ""), " ", ""); joined != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("wrapping at %.1f mm changed the text:\n got %q\nwant %q", width, got, text)
		}
	}
}

func TestParaKeepsLineBreaks(t *testing.T) {
	d := newPDFDoc(words{}, "P", "t", "t", "t")
	l := &layout{d: d}
	l.add("one\ntwo\n\nfour", stSmall)
	r := l.para(100)
	var lines []string
	for n := r.lo; n < r.hi; n++ {
		s := ""
		for _, p := range l.pieces[l.lines[n].lo:l.lines[n].hi] {
			s += p.text
		}
		lines = append(lines, s)
	}
	if strings.Join(lines, "|") != "one|two||four" {
		t.Errorf("lines %q", lines)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestHeaderAndFooterFit(t *testing.T) {
	long := strings.Repeat("Мирний план ", 40)
	d := newPDFDoc(words{}, "P", "t", long, long)
	if !strings.HasSuffix(d.footer, "…") || !utf8.ValidString(d.footer) || d.width(d.footer, fontRegular, 7) > d.right-d.left {
		t.Fatalf("footer %q", d.footer)
	}
	if !strings.HasSuffix(d.header, "…") || !utf8.ValidString(d.header) {
		t.Fatalf("header %q", d.header)
	}
	if w := d.width(d.header, fontBold, 7) + d.width(d.pageText("0000", "0000"), fontRegular, 7); w > d.right-d.left {
		t.Errorf("header and page number take %.1f mm of %.1f", w, d.right-d.left)
	}
}
