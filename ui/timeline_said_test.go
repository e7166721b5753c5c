package ui_test

import (
	"strings"
	"testing"
)

// Issue 22, item 3: the seed's elections chart marks the 20-point
// framework's "as soon as possible" with its words, not a number.
func TestElectionsChartMarksWordsWithoutANumber(t *testing.T) {
	a := newApp(t)
	res, svg := a.get("/timeline/elections/chart.svg?field=within_days")
	if res.StatusCode != 200 || !strings.Contains(svg, "<svg") {
		t.Fatalf("%d", res.StatusCode)
	}
	if !strings.Contains(svg, "as soon as possible") {
		t.Error("the chart does not label the 20 points' marker with its words")
	}
	if _, page := a.get("/timeline/elections"); !strings.Contains(page, "as soon as possible after signing” (no number)") {
		t.Error("the chart's text alternative does not say the 20 points give no number")
	}
}
