package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/report"
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
		if err := Summary(&buf, s, testProvenance, format); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("Summary(%q) = %v, want ErrUnknownFormat", format, err)
		}
		if err := Comparison(&buf, c, testProvenance, format); !errors.Is(err, ErrUnknownFormat) {
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
	c.From = report.DraftRef{Number: 3, Label: "Geneva revision"}
	if got, want := ComparisonFilename(c, "pdf"), "compare-v3-geneva-revision-to-v1-e3-counter-proposal.pdf"; got != want {
		t.Errorf("ComparisonFilename = %q, want %q", got, want)
	}
}

// TestFront: the front matter is built once for every format: drafts with
// coverage and lineage, as of, exported, and a reference list of source
// records (a key without a record listed by its citation's reference),
// numbered in the order first cited, that citations point into.
func TestFront(t *testing.T) {
	c := testComparison(t)
	f := ComparisonFront(c, testProvenance)
	if len(f.Drafts) != 2 || f.Drafts[0].Coverage != "Complete text" || f.Drafts[1].Partial == false || !f.Drafts[1].Partial {
		t.Fatalf("drafts: %+v", f.Drafts)
	}
	if got := f.Drafts[1].Line(); got != "v1 E3 counter-proposal, 2025-11-23, circulated, partial, forked from v1 28-point draft (US peace framework)" {
		t.Errorf("to draft: %q", got)
	}
	if f.Drafts[0].Lineage() != "not forked" {
		t.Errorf("from lineage: %q", f.Drafts[0].Lineage())
	}
	if got := f.Line(); got != "As of 2025-11-24 09:30 UTC · exported 2026-11-30 06:00 UTC by analyst" {
		t.Errorf("line: %q", got)
	}
	var refs []string
	for i, r := range f.References {
		if r.N != i+1 {
			t.Errorf("reference %d numbered %d", i+1, r.N)
		}
		refs = append(refs, r.Text())
	}
	want := []string{
		"Interfax-Ukraine, 21 Nov 2025, citing Axios",
		"Axios, 20 Nov 2025: The 28-point plan, full text. https://www.axios.com/2025/11/20/ukraine-peace-plan-full-text",
		"Reuters, 23 Nov 2025: E3 counter-proposal",
		"Kyiv Independent, 24 Nov 2025, \"Kyiv backs the E3 cap\"", // cited by a stance alone
		"Unnamed E3 diplomat, \"quoted\", Brussels",
	}
	if strings.Join(refs, "\n") != strings.Join(want, "\n") {
		t.Errorf("references:\n%s\nwant:\n%s", strings.Join(refs, "\n"), strings.Join(want, "\n"))
	}
	// A citation points into the list by number, with its place and a
	// sourcing level other than plain reporting.
	got := cites(f.cite([]models.Citation{{Source: models.Slugify(citeReuter), Sourcing: "unconfirmed", Locator: "p. 2"},
		{Source: models.Slugify(citeAxios), Sourcing: "reported"}}))
	if got != "[3] p. 2 (unconfirmed); [2]" {
		t.Errorf("cites: %q", got)
	}
	if len(f.References) != 5 {
		t.Errorf("citing known sources added references: %d", len(f.References))
	}
	// The summary's front has one draft and the same as-of and author.
	sf := SummaryFront(testSummary(t), testProvenance)
	if len(sf.Drafts) != 1 || sf.Title != "US peace framework: v1 28-point draft" || sf.ExportedBy != "analyst" {
		t.Errorf("summary front: %+v", sf)
	}
	// Without a recorded change, as of says so rather than printing a zero.
	if got := (&Front{}).AsOfText(); got != "no recorded change" {
		t.Errorf("zero as of: %q", got)
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
			err := Summary(&a, s, testProvenance, "md")
			if err == nil {
				err = Comparison(&b, c, testProvenance, "pdf")
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
