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

	"plantracker/models"
)

// longSummary is a generated summary with one provision whose wording
// runs over several pages: numbered words, so that a lost or repeated
// line shows.
func longSummary(t *testing.T) (models.Summary, []string) {
	s, _ := generated(t, 120)
	var words []string
	for i := range 2500 {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	p := &s.Groups[0].Provisions[3]
	p.Text = strings.Join(words, " ")
	return s, words
}

// TestPDFStructure checks what pdf_deflate.go rewrites: every
// cross-reference offset points at its object, every content stream is
// compressed and inflates, and the footers carry the page count.
func TestPDFStructure(t *testing.T) {
	s, _ := longSummary(t)
	var buf bytes.Buffer
	if err := Summary(&buf, s, testProvenance, "pdf"); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	xref, offsets, _, err := parseXref(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n < len(offsets); n++ {
		if want := strconv.Itoa(n) + " 0 obj\n"; !bytes.HasPrefix(pdf[offsets[n]:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", n, pdf[offsets[n]:min(offsets[n]+20, len(pdf))])
		}
	}
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		t.Fatalf("startxref points at %q", pdf[xref:xref+10])
	}
	streams := regexp.MustCompile(`<<(/Filter /FlateDecode )?/Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(pdf, -1)
	pages := bytes.Count(pdf, []byte("/Type /Page\n"))
	if pages < 3 || len(streams) < pages {
		t.Fatalf("%d pages, %d streams", pages, len(streams))
	}
	footers := 0
	for _, m := range streams {
		if m[2] < 0 {
			t.Fatalf("an uncompressed stream at %d", m[0])
		}
		n, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		data := pdf[m[1] : m[1]+n]
		if !bytes.HasPrefix(pdf[m[1]+n:], []byte("\nendstream")) {
			t.Fatalf("stream at %d: /Length %d does not end at endstream", m[0], n)
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("stream at %d: %v", m[0], err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("stream at %d: %v", m[0], err)
		}
		if bytes.Contains(plain, pageCountUTF16) {
			t.Errorf("a page still holds the page-count alias")
		}
		if bytes.Contains(plain, utf16BE(" of "+strconv.Itoa(pages))) {
			footers++
		}
	}
	if footers != pages {
		t.Errorf("%d of %d pages say \"of %d\"", footers, pages, pages)
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
