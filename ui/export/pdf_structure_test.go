package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plantracker/models/report"
)

// longSummary is a generated summary with one provision whose wording
// runs over several pages: numbered words, so that a lost or repeated
// line shows.
func longSummary(t *testing.T) (report.Summary, []string) {
	s, _ := generated(t, 120)
	var words []string
	for i := range 2500 {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	p := &s.Groups[0].Provisions[3]
	p.Text = strings.Join(words, " ")
	return s, words
}

// TestPDFStructure: fpdf writes the file alone (no second writer
// rewrites it): every cross-reference offset points at its object, every
// page's content stream is compressed by fpdf and inflates, the fonts are
// subset (a few dozen kilobytes, not the 400 KB of each font file), and
// every page is headed by the draft and "Page n of N".
func TestPDFStructure(t *testing.T) {
	s, _ := longSummary(t)
	var buf bytes.Buffer
	if err := Summary(&buf, s, testProvenance, "pdf"); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	table, ok := bytes.CutPrefix(pdf[xref:], []byte("xref\n0 "))
	if !ok {
		t.Fatalf("startxref points at %q", pdf[xref:xref+10])
	}
	line, table, _ := bytes.Cut(table, []byte("\n"))
	count, _ := strconv.Atoi(string(line))
	for n := 1; n < count; n++ {
		entry := table[20*n : 20*n+20]
		off, _ := strconv.Atoi(string(entry[:10]))
		if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", n, pdf[off:min(off+20, len(pdf))])
		}
	}
	pages := bytes.Count(pdf, []byte("/Type /Page\n"))
	streams := regexp.MustCompile(`<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(pdf, -1)
	if pages < 3 || len(streams) < pages {
		t.Fatalf("%d pages, %d compressed streams", pages, len(streams))
	}
	for _, m := range streams {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatalf("stream at %d: %v", m[0], err)
		}
		if _, err := io.ReadAll(zr); err != nil {
			t.Fatalf("stream at %d: %v", m[0], err)
		}
	}
	if len(pdf) > 400_000 {
		t.Errorf("%d pages take %d bytes: are the fonts subset?", pages, len(pdf))
	}
	text := pdfText(t, "structure.pdf", func(b *bytes.Buffer) error { _, err := b.Write(pdf); return err })
	texts := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(texts) != pages {
		t.Fatalf("pdftotext read %d pages of %d", len(texts), pages)
	}
	for i, page := range texts {
		head := squeeze(page[:min(len(page), 400)])
		want := fmt.Sprintf("%s: %s Page %d of %d", s.Plan.Title, s.Draft.Name, i+1, pages)
		if !strings.HasPrefix(head, want) {
			t.Errorf("page %d is headed %q, want %q", i+1, head[:min(len(head), 120)], want)
		}
	}
}

// TestPDFLongRowBreaksAcrossPages: a wording longer than a page breaks
// between lines, continues under the repeated header, and loses and
// repeats nothing.
func TestPDFLongRowBreaksAcrossPages(t *testing.T) {
	s, words := longSummary(t)
	text := pdfText(t, "long.pdf", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") })
	got := regexp.MustCompile(`w\d{4}`).FindAllString(text, -1)
	if strings.Join(got, " ") != strings.Join(words, " ") {
		t.Errorf("the long wording came back with %d of %d words, or out of order", len(got), len(words))
	}
	pages := strings.Split(text, "\f")
	if len(pages) < 4 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, page := range pages {
		if strings.Contains(page, "p-000") && !strings.Contains(page, "Parties") {
			t.Errorf("page %d continues the table without its header", i+1)
		}
	}
}
