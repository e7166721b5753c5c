package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"plantracker/models/report"
)

// TestSummaryFlagsWording: a troop cap raised to 650,000 whose wording
// still says 600,000 is flagged in every summary format.
func TestSummaryFlagsWording(t *testing.T) {
	d := fromDraft(t)
	for i, p := range d.Provisions {
		if p.Key == "troop-cap" {
			d.Provisions[i].Terms = json.RawMessage(`{"party":"UA","limit":650000,"peacetime_only":true}`)
		}
	}
	s := report.Summarize(fixturePlan, d.Draft, d.Provisions, fixtureParties)
	const flag = "wording still says 600,000 (Limit: 650,000 people)"
	for _, format := range []string{"md", "csv"} {
		doc := string(exported(t, Summary, s, format))
		if n := strings.Count(doc, "wording still says"); n != 1 || !strings.Contains(doc, flag) {
			t.Errorf("%s: %d flags, want one reading %q:\n%s", format, n, flag, doc)
		}
	}
	text := squeeze(pdfText(t, "wording.pdf", func(b *bytes.Buffer) error { return Summary(b, s, testProvenance, "pdf") }))
	if !strings.Contains(text, "wording still says 600,000") {
		t.Errorf("the PDF does not flag the troop cap:\n%s", text)
	}
	// An agreeing provision carries no flag (the fixture's own summary).
	var buf bytes.Buffer
	if err := Summary(&buf, testSummary(t), testProvenance, "md"); err != nil || strings.Contains(buf.String(), "Wording check") {
		t.Errorf("a flag without a mismatch (%v)", err)
	}
}
