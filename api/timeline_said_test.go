package api

import (
	"strings"
	"testing"

	"plantracker/models/report"
)

// Issue 22, item 3, on the seed: the 20-point framework states the
// elections "as soon as possible after signing", with no number of days.
// Its point in the chart's series carries those words, and no line leads
// into it; the chart's SVG labels the marker with them.
func TestElectionsSeriesDrawsOnlyWhatWasSaid(t *testing.T) {
	ts := newTestServer(t, sqlite)
	w := ts.do("GET", "/api/v1/timeline/elections", "")
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	tl := decode[report.Timeline](t, w)
	if len(tl.Series) != 1 || tl.Series[0].Field != "within_days" {
		t.Fatalf("series %+v", tl.Series)
	}
	found := false
	for _, line := range tl.Series[0].Plans {
		for _, p := range line.Points {
			if p.JoinsFrom != nil && *p.JoinsFrom == seeded.Draft20 {
				t.Errorf("a line leaves the 20 points: %+v", p)
			}
			if p.DraftID != seeded.Draft20 {
				continue
			}
			found = true
			if p.State != report.TimelineStated || p.Value != nil || p.JoinsFrom != nil || !strings.Contains(p.Words, "as soon as possible") {
				t.Errorf("the 20 points' point: %+v", p)
			}
		}
	}
	if !found {
		t.Fatal("the 20-point framework is not in the series")
	}
}
