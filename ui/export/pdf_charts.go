package export

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/chart"
)

// A comparison that changes a numeric term shows where the term has been:
// the key's timeline across every draft that mentions it, the step chart
// of the timeline page (ui/chart), as a PNG in the PDF.

// Chart is one key's numeric term across drafts, for a comparison's PDF.
type Chart struct {
	Key    string
	Title  string // the provision's title
	Series report.TimelineSeries
}

// MaxCharts bounds how many timelines a comparison's PDF draws.
const MaxCharts = 12

// ChartTerm is a numeric term a comparison changed: the key and the term.
type ChartTerm struct {
	Key, Title, Field string // Field as timelines name it: "limit"
}

// ChartTerms are the numeric terms the comparison changes, in row order,
// at most MaxCharts: what the caller loads timelines for (Chart).
func ChartTerms(c report.Comparison) []ChartTerm {
	var out []ChartTerm
	for i := range c.Rows {
		r := &c.Rows[i]
		for _, fc := range r.Changes {
			field, ok := strings.CutPrefix(fc.Field, "terms.")
			if !ok || (fc.Type != string(models.FieldNumber) && fc.Type != string(models.FieldInteger)) {
				continue
			}
			if len(out) == MaxCharts {
				return out
			}
			out = append(out, ChartTerm{Key: r.Key, Title: r.Title, Field: field})
		}
	}
	return out
}

// chartSection draws the timelines after the comparison's table, each
// under a heading, kept whole on a page.
func chartSection(t *table, charts []Chart) error {
	d := t.d
	first := true
	for i, ch := range charts {
		var png bytes.Buffer
		if err := chart.Render(&png, ch.Series, chart.PNG); err != nil {
			if errors.Is(err, chart.ErrNoValues) {
				continue
			}
			return err
		}
		w := min(t.w, 150.0) // two charts to an A4 landscape page
		h := w * chart.Height / chart.Width
		if !d.room(h + 22) {
			d.newPage()
		}
		if first {
			t.space(5)
			t.heading(t.d.words.t("pdf.timelines"), 11)
			first = false
		}
		t.l.add(ch.Title+" · "+ch.Key+" · "+ch.Series.Label, stBold)
		t.paragraph()
		plans := make([]string, len(ch.Series.Plans))
		for j, p := range ch.Series.Plans {
			plans[j] = p.PlanTitle
		}
		t.l.add(t.d.words.t("pdf.timelines_note", "Plans", strings.Join(plans, ", ")), stMuted)
		t.paragraph()
		name := "chart" + strconv.Itoa(i)
		opt := fpdf.ImageOptions{ImageType: "PNG"}
		d.pdf.RegisterImageOptionsReader(name, opt, &png)
		d.pdf.ImageOptions(name, d.left, d.y+1, w, h, false, opt, 0, "")
		d.y += h + 4
	}
	return d.pdf.Error()
}
