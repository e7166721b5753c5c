package export

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plantracker/models/report"
	"plantracker/store/storetest"
)

// pdfText writes a PDF with write and returns its text as pdftotext
// reads it. With EXPORT_PDF_DIR set, the PDF is kept there, to
// look at.
func pdfText(t *testing.T, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || !bytes.Contains(buf.Bytes()[max(0, buf.Len()-1024):], []byte("%%EOF")) {
		t.Fatalf("not a complete PDF: %q…", buf.Bytes()[:min(buf.Len(), 16)])
	}
	if dir := os.Getenv("EXPORT_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return storetest.PDFText(t, buf.Bytes(), "-layout")
}

// squeeze collapses whitespace, since pdftotext lays columns out with runs
// of spaces and may break a cell's line anywhere.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestPDFSummary(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    func(testing.TB) report.Summary
		want []string
	}{
		{"summary.pdf", testSummary, []string{
			"PROVISION SUMMARY", "US peace framework", "v1 28-point draft", "2025-11-20", "Superseded",
			"Ukraine (UA), United States (US), Russia (RU)",
			"Cap on Ukraine's armed forces", "600,000 people", "Запорізька АЕС", "Security guarantee",
			"Article 5-like, 10 years", "Full amnesty", "Justice and accountability",
			"Interfax-Ukraine, 21 Nov 2025, citing Axios", "Page 1 of 1",
			// the front matter and the reference list citations point into
			"Complete text", "Lineage not forked", "As of 2025-11-24 09:30 UTC", "Exported 2026-11-30 06:00 UTC by analyst",
			"[2] Axios, 20 Nov 2025: The 28-point plan, full text. https://www.axios.com/2025/11/20/ukraine-peace-plan-full-text",
			"Reported [2]",
		}},
		{"summary-to.pdf", testSummaryTo, []string{
			"800,000 people", `Fund *A* | "B", and <C>`, "=SUM(A1:A2) is not a formula here.",
			"line of its own \ufffd.", // the emoji the fonts lack, replaced
			"Unnamed E3 diplomat",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s(t)
			text := pdfText(t, tc.name, func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") })
			flat := squeeze(text)
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("the PDF text lacks %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestPDFComparison(t *testing.T) {
	c := testComparison(t)
	text := pdfText(t, "comparison.pdf", func(b *bytes.Buffer) error { return Comparison(b, c, testProvenance, "pdf") })
	flat := squeeze(text)
	for _, w := range []string{
		"COMPARISON OF DRAFTS", "v1 28-point draft → v1 E3 counter-proposal",
		"+ 1 added", "− 1 removed (1 withdrawn)", "~ 2 changed", "… 1 not reported", "= 1 unchanged (1 in sourcing and labels only)",
		"~ changed", "+ added", "− removed", "= unchanged", "… not reported", "withdrawn",
		"Complete text", "Partial: only the points reported", "forked from v1 28-point draft (US peace",
		"As of 2025-11-24 09:30 UTC", "Exported 2026-11-30 06:00 UTC by analyst", "[3] Reuters, 23 Nov 2025: E3 counter-proposal",
		"last known: Amnesty: full", "carried over from v1 28-point draft, not reported in v1 E3 counter-proposal",
		"Withdrawn in v1 E3 counter-proposal.",
		// Changes in sourcing and labels only: one table, a line per key,
		// the sources by number.
		"Sourcing and labels only Keys whose sources", "troop-cap Reported [2] → [3]",
		"Cap on Ukraine's armed forces", "600,000 people", "800,000 people",
		"Limit: 600,000 people → 800,000 people (+33.3%)",
		"Запорізька АЕС", "Russian control", "IAEA supervision", "Not in this draft",
		"Reuters, 23 Nov 2025", "Page 1 of",
	} {
		if !strings.Contains(flat, w) {
			t.Errorf("the PDF text lacks %q:\n%s", w, text)
		}
	}
}

// TestPDFGenerated exports generated drafts and finds every key in the
// text: no row is lost at a page break.
func TestPDFGenerated(t *testing.T) {
	s, c := generated(t, 200)
	text := squeeze(pdfText(t, "generated-summary.pdf", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") }))
	for _, g := range s.Groups {
		for _, p := range g.Provisions {
			if !strings.Contains(text, p.Key) {
				t.Errorf("summary: %s is missing", p.Key)
			}
		}
	}
	text = squeeze(pdfText(t, "generated-comparison.pdf", func(b *bytes.Buffer) error { return Comparison(b, c, testProvenance, "pdf") }))
	for _, r := range c.Rows {
		if !strings.Contains(text, r.Key) {
			t.Errorf("comparison: %s (%s) is missing", r.Key, r.Status)
		}
	}
}

// pdfWords returns the words of a PDF with their widths in points, as
// pdftotext -bbox reads them: from the widths the PDF gives each glyph.
func pdfWords(t *testing.T, pdf []byte) map[string]float64 {
	t.Helper()
	out := storetest.PDFText(t, pdf, "-bbox")
	words := map[string]float64{}
	re := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>`)
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		lo, _ := strconv.ParseFloat(m[1], 64)
		hi, _ := strconv.ParseFloat(m[2], 64)
		words[html.UnescapeString(m[3])] = hi - lo
	}
	return words
}

// TestPDFHyphens: a hyphen reads back as a hyphen and is drawn as one,
// narrower than an en dash and a minus. The Go fonts drew U+002D as a
// minus sign, wider than their en dash: "28-point" printed as "28–point",
// though the text read back said "28-point".
func TestPDFHyphens(t *testing.T) {
	d := newPDFDoc(words{}, "P", "Hyphens", "Hyphens", "Hyphens")
	tb := newTable(d)
	tb.l.add("28-point 28–point 28−point 2025-11-20", stBody)
	tb.paragraph()
	var buf bytes.Buffer
	if err := d.output(&buf); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, buf.Bytes())
	hyphen, enDash, minus := words["28-point"], words["28–point"], words["28−point"]
	if hyphen == 0 || enDash == 0 || minus == 0 || words["2025-11-20"] == 0 {
		t.Fatalf("the words did not read back: %v", words)
	}
	if !(hyphen < enDash && enDash < minus) {
		t.Errorf("\"28-point\" is %.2f pt wide, \"28–point\" %.2f, \"28−point\" %.2f: the hyphen is drawn as a dash", hyphen, enDash, minus)
	}

	s := testSummary(t)
	text := squeeze(pdfText(t, "hyphens.pdf", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") }))
	for _, w := range []string{"v1 28-point draft", "2025-11-20"} {
		if !strings.Contains(text, w) {
			t.Errorf("the summary lacks %q", w)
		}
	}
}

// TestPDFKeepsCharacters: what the fonts can draw is printed as written,
// no character swapped for a lookalike: read back with pdftotext, every
// word comes back byte for byte.
func TestPDFKeepsCharacters(t *testing.T) {
	line := "28-point 2025-11-20 600,000−800,000 A–B «бізнесʼу» Запорізька АЕС → “quoted” ‘single’ wait… §21c €5bn 50% x‐y"
	d := newPDFDoc(words{}, "P", "Characters", "Characters", "Characters")
	tb := newTable(d)
	tb.l.add(line, stBody)
	tb.paragraph()
	var buf bytes.Buffer
	if err := d.output(&buf); err != nil {
		t.Fatal(err)
	}
	words := pdfWords(t, buf.Bytes())
	for _, w := range strings.Fields(line) {
		if _, ok := words[w]; !ok {
			t.Errorf("%q did not read back as written; the PDF has %q", w, keys(words))
		}
	}
}

func keys(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestPDFComparisonCharts: a comparison that changes a numeric term names
// it (ChartTerms) and its PDF draws the term's timeline as an image under
// a heading; without charts there is neither.
func TestPDFComparisonCharts(t *testing.T) {
	c := testComparison(t)
	terms := ChartTerms(c)
	if len(terms) != 1 || terms[0] != (ChartTerm{Key: "troop-cap", Title: "Cap on Ukraine's armed forces", Field: "limit"}) {
		t.Fatalf("chart terms %+v, want the troop cap's limit", terms)
	}
	v := func(f float64) *float64 { return &f }
	pv := testProvenance
	pv.Charts = []Chart{{Key: "troop-cap", Title: "Cap on Ukraine's armed forces", Series: report.TimelineSeries{
		Field: "limit", Label: "Limit", Unit: "people", Plans: []report.TimelineLine{
			{PlanID: 1, PlanTitle: "US peace framework", Points: []report.TimelinePoint{{DraftID: 1, DraftName: "v1 28-point draft", Date: "2025-11-20", State: "stated", Value: v(600000)}}},
			{PlanID: 2, PlanTitle: "European counter-proposal", Points: []report.TimelinePoint{{DraftID: 5, DraftName: "v1 E3 counter-proposal", Date: "2025-11-23", State: "stated", Value: v(800000)}}},
		}}}}
	for _, withCharts := range []bool{true, false} {
		p := testProvenance
		if withCharts {
			p = pv
		}
		var buf bytes.Buffer
		if err := Comparison(&buf, c, p, "pdf"); err != nil {
			t.Fatal(err)
		}
		images := bytes.Count(buf.Bytes(), []byte("/Subtype /Image"))
		text := squeeze(pdfText(t, "charts.pdf", func(b *bytes.Buffer) error { _, err := b.Write(buf.Bytes()); return err }))
		heading := strings.Contains(text, "Timelines of the numeric terms that changed") &&
			strings.Contains(text, "Cap on Ukraine's armed forces · troop-cap · Limit")
		if withCharts && (images != 1 || !heading) {
			t.Errorf("with a chart: %d images, heading %v", images, heading)
		}
		if !withCharts && (images != 0 || heading) {
			t.Errorf("without charts: %d images, heading %v", images, heading)
		}
	}
}
