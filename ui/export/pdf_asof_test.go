package export

import (
	"bytes"
	"regexp"
	"testing"
	"time"
)

// asOfField is the front matter's "As of" field as pdftotext reads it:
// the label, its value and the note beside it. The page footer carries a
// date too, which a test that only looks for the date anywhere would
// find even when the field shows another.
var asOfField = regexp.MustCompile(`As of (.+?) \(the latest recorded change this reflects\)`)

// TestPDFComparisonAsOfField reads the comparison PDF's front "As of"
// field itself and holds it to the comparison's as-of time: not the
// export's time, which the Exported field beside it shows.
func TestPDFComparisonAsOfField(t *testing.T) {
	pv := testProvenance
	pv.AsOf = time.Date(2025, 11, 24, 9, 30, 0, 0, time.UTC)
	pv.ExportedAt = time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"comparison.pdf", func(b *bytes.Buffer) error { return Comparison(b, testComparison(t), pv, "pdf") }},
		{"summary.pdf", func(b *bytes.Buffer) error { return Summary(b, testSummary(t), pv, "pdf") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			flat := squeeze(pdfText(t, "asof-"+tc.name, tc.write))
			fields := asOfField.FindAllStringSubmatch(flat, -1)
			if len(fields) != 1 {
				t.Fatalf("%d front \"As of\" fields, want 1:\n%s", len(fields), flat)
			}
			got := fields[0][1]
			english := words{}
			if exported := english.stamp(pv.ExportedAt); got == exported {
				t.Errorf("the \"As of\" field shows the export's time %s, not the as-of time %s", got, english.stamp(pv.AsOf))
			}
			if want := english.stamp(pv.AsOf); got != want {
				t.Errorf("the \"As of\" field shows %q, want the as-of time %q", got, want)
			}
		})
	}
}
