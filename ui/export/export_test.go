package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

func TestContentType(t *testing.T) {
	want := map[string]string{"md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
		"pdf": "application/pdf", "": "", "html": "", "PDF": ""}
	for format, ct := range want {
		if got := ContentType(format); got != ct {
			t.Errorf("ContentType(%q) = %q, want %q", format, got, ct)
		}
	}
	for _, f := range Formats {
		if ContentType(f) == "" {
			t.Errorf("format %q has no content type", f)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	s, c := testSummary(t), testComparison(t)
	for _, format := range []string{"", "docx", "MD", ".pdf"} {
		var buf bytes.Buffer
		if err := Summary(&buf, s, format); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Summary(%q) = %v, want ErrUnknownFormat", format, err)
		}
		if err := Comparison(&buf, c, format); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Comparison(%q) = %v, want ErrUnknownFormat", format, err)
		}
		if buf.Len() != 0 {
			t.Errorf("format %q: wrote %d bytes before failing", format, buf.Len())
		}
		if SummaryFilename(s, format) != "" || ComparisonFilename(c, format) != "" {
			t.Errorf("format %q: a file name for a format that does not exist", format)
		}
	}
}

func TestSummaryFilename(t *testing.T) {
	s := testSummary(t)
	for format, want := range map[string]string{
		"pdf": "us-peace-framework-v1-summary.pdf",
		"md":  "us-peace-framework-v1-summary.md",
		"csv": "us-peace-framework-v1-summary.csv",
	} {
		if got := SummaryFilename(s, format); got != want {
			t.Errorf("SummaryFilename(%s) = %q, want %q", format, got, want)
		}
	}
	s.Plan.Title = "Мирний план: " + strings.Repeat("very long title ", 20)
	s.Draft.Number = 12
	got := SummaryFilename(s, "md")
	if got != "very-long-title-very-long-title-very-long-title-very-long-v12-summary.md" {
		t.Errorf("long Cyrillic title: %q", got)
	}
}

func TestComparisonFilename(t *testing.T) {
	c := testComparison(t)
	if got, want := ComparisonFilename(c, "csv"), "compare-v1-28-point-draft-to-v1-e3-counter-proposal.csv"; got != want {
		t.Errorf("ComparisonFilename = %q, want %q", got, want)
	}
	// A hand-built DraftRef without Name is named from number and label.
	c.From = models.DraftRef{Number: 3, Label: "Geneva revision"}
	if got, want := ComparisonFilename(c, "pdf"), "compare-v3-geneva-revision-to-v1-e3-counter-proposal.pdf"; got != want {
		t.Errorf("ComparisonFilename = %q, want %q", got, want)
	}
}

func TestSourcesNumbering(t *testing.T) {
	src := newSources([]string{"A", " B ", "A", ""})
	if len(src.list) != 2 || src.number("B") != 2 || src.number(" A") != 1 || src.number("") != 0 {
		t.Fatalf("sources: %q", src.list)
	}
	if n := src.number("C"); n != 3 || src.list[2] != "C" {
		t.Errorf("an unlisted citation is numbered %d, list %q", n, src.list)
	}
}

// TestConcurrentExports: the web UI serves exports from many goroutines;
// nothing in the package may be shared mutably (run with -race).
func TestConcurrentExports(t *testing.T) {
	s, c := testSummary(t), testComparison(t)
	var want [2][]byte
	errs := make(chan error, 8)
	outs := make(chan [2][]byte, 8)
	for range 8 {
		go func() {
			var a, b bytes.Buffer
			err := Summary(&a, s, "md")
			if err == nil {
				err = Comparison(&b, c, "pdf")
			}
			errs <- err
			outs <- [2][]byte{a.Bytes(), b.Bytes()}
		}()
	}
	for i := range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		got := <-outs
		if i == 0 {
			want = got
		} else if !bytes.Equal(got[0], want[0]) || len(got[1]) == 0 {
			t.Error("concurrent exports differ")
		}
	}
}
