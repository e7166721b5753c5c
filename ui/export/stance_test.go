package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plantracker/models"
)

// TestStanceSourcesAreReferences: a party's stance is reported by someone
// on some day. In every format, the stance prints its date and a number
// that points into the reference list, and a source cited by a stance
// alone (citeStance, in the fixture) is in that list.
func TestStanceSourcesAreReferences(t *testing.T) {
	s, c := testSummaryTo(t), testComparison(t)
	n := "4" // the comparison's: its drafts' sources, then the troop cap's rows (Axios, Reuters, then the stance)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"summary.md", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "md") },
			[]string{"Ukraine (UA): obligor, supports as of 2025-11-24[^2]", `[^2]: Kyiv Independent, 24 Nov 2025, "Kyiv backs the E3 cap"`}},
		{"summary.csv", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "csv") },
			[]string{`"UA (obligor, supports as of 2025-11-24 [2])"`, `# Source [2],"Kyiv Independent, 24 Nov 2025, ""Kyiv backs the E3 cap"""`}},
		{"comparison.md", func(b *bytes.Buffer) error { return Comparison(b, c, testProvenance, "md") },
			[]string{"[^" + n + `]: Kyiv Independent, 24 Nov 2025, "Kyiv backs the E3 cap"`}},
		{"comparison.csv", func(b *bytes.Buffer) error { return Comparison(b, c, testProvenance, "csv") },
			[]string{`"UA: obligor, stance opposes → supports",[2],[` + n + `]`}},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s lacks %q:\n%s", tc.name, w, buf.String())
			}
		}
	}

	// pdftotext lays the table's columns side by side, so a cell's lines
	// come apart.
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"stance-summary.pdf", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") },
			[]string{"obligor, supports as of", "2025-11-24 [2]", `[2] Kyiv Independent, 24 Nov 2025, "Kyiv backs the E3 cap"`}},
		{"stance-comparison.pdf", func(b *bytes.Buffer) error { return Comparison(b, c, testProvenance, "pdf") },
			[]string{"supports as of", "2025-11-24 [" + n + "]", "[" + n + `] Kyiv Independent, 24 Nov 2025, "Kyiv backs the E3 cap"`}},
	} {
		flat := squeeze(pdfText(t, tc.name, tc.write))
		for _, w := range tc.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q:\n%s", tc.name, w, flat)
			}
		}
	}

	d := toDraft(t)
	var buf bytes.Buffer
	if err := SummaryWorkbook(&buf, WorkbookInput{Plan: models.Plan{Title: "European counter-proposal"}, Draft: d.Draft,
		Provisions: d.Provisions, Provenance: testProvenance}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stances, _ := f.GetRows("Parties and stances")
	sources, _ := f.GetRows("Sources")
	var got string
	for _, r := range stances {
		if len(r) >= 8 && r[1] == "troop-cap" && r[3] == "UA" {
			got = r[6] + " " + r[7]
		}
	}
	if got != "2025-11-24 [2]" || len(sources) < 3 || !strings.HasPrefix(sources[2][2], "Kyiv Independent") {
		t.Errorf("the workbook's stance reads %q; its sources %q", got, sources)
	}
}
