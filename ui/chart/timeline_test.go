package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"strings"
	"testing"

	"plantracker/models/report"
)

func v(f float64) *float64 { return &f }

func id(i int64) *int64 { return &i }

// troopCaps is the seed's troop cap: the US plan 600,000 → 800,000 →
// 800,000, the E3 plan 800,000.
var troopCaps = report.TimelineSeries{Field: "limit", Label: "Limit", Unit: "people", Plans: []report.TimelineLine{
	{PlanID: 1, PlanTitle: "US peace framework", Points: []report.TimelinePoint{
		{DraftID: 1, Date: "2025-11-20", State: report.TimelineStated, Value: v(600000)},
		{DraftID: 2, Date: "2025-11-23", State: report.TimelineStated, Value: v(800000), JoinsFrom: id(1)},
		{DraftID: 3, Date: "2025-12-23", State: report.TimelineStated, Value: v(800000), JoinsFrom: id(2)},
	}},
	{PlanID: 2, PlanTitle: "European counter-proposal", Points: []report.TimelinePoint{
		{DraftID: 4, Date: "2025-11-23", State: report.TimelineStated, Value: v(800000)},
	}},
}}

func TestRenderSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, troopCaps, SVG); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	// Well-formed XML, an <svg> document.
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
	}
	for _, want := range []string{"<svg", "600,000", "800,000", "1,000,000", "20 Nov 2025", "23 Dec 2025", "Limit (people)"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	// No legend in the SVG: the page names the plans (Swatch).
	for _, unwanted := range []string{"600000.00", "<script", "US peace framework", "rotate(90.00,153"} {
		if strings.Contains(svg, unwanted) {
			t.Errorf("the SVG has %q", unwanted)
		}
	}
}

func TestRenderPNG(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, troopCaps, PNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("%v, want %d×%d", b, Width, Height)
	}
	if dir := os.Getenv("PLANTRACKER_CHART_OUT"); dir != "" { // to look at it
		_ = os.WriteFile(dir+"/timeline-chart.png", buf.Bytes(), 0o644)
	}
}

func TestRenderGapsAndUnits(t *testing.T) {
	years := report.TimelineSeries{Field: "duration_years", Label: "Duration", Unit: "years", Plans: []report.TimelineLine{
		{PlanTitle: "US peace framework", Points: []report.TimelinePoint{
			{DraftID: 1, Date: "2025-11-20", State: report.TimelineStated, Value: v(10)},
			{DraftID: 2, Date: "2025-11-23", State: report.TimelineNotReported, JoinsFrom: id(1), Carried: v(10)},
			{DraftID: 3, Date: "2025-12-23", State: report.TimelineStated, Value: v(15), JoinsFrom: id(2)},
		}},
	}}
	var buf bytes.Buffer
	if err := Render(&buf, years, SVG); err != nil {
		t.Fatal(err)
	}
	if svg := buf.String(); !strings.Contains(svg, "stroke-dasharray") || !strings.Contains(svg, "15 years") {
		t.Errorf("the gap is not dashed, or the axis lacks years:\n%.400s", svg)
	}
	money := report.TimelineSeries{Label: "Amount", Unit: "USD bn", Plans: []report.TimelineLine{
		{PlanTitle: "p", Points: []report.TimelinePoint{{Date: "2025-01-01", State: report.TimelineStated, Value: v(100)}}}}}
	buf.Reset()
	if err := Render(&buf, money, SVG); err != nil || !strings.Contains(buf.String(), "USD 100 bn") {
		t.Errorf("money axis: %v", err)
	}
	empty := report.TimelineSeries{Label: "Limit", Plans: []report.TimelineLine{{Points: []report.TimelinePoint{{State: report.TimelineNotReported}}}}}
	if err := Render(&buf, empty, SVG); !errors.Is(err, ErrNoValues) {
		t.Errorf("nothing to draw: %v", err)
	}
}

// Issue 22, item 3: a draft that states the elections "as soon as possible"
// with no number is a labelled marker, and no line segment leads into it.
func TestRenderStatedWithoutNumberIsAMarker(t *testing.T) {
	elections := func(last report.TimelinePoint) report.TimelineSeries {
		return report.TimelineSeries{Field: "within_days", Label: "Within", Unit: "days", Plans: []report.TimelineLine{
			{PlanTitle: "US peace framework", Points: []report.TimelinePoint{
				{DraftID: 1, Date: "2025-11-20", State: report.TimelineStated, Value: v(100)},
				{DraftID: 2, Date: "2025-11-23", State: report.TimelineNotReported, JoinsFrom: id(1), Carried: v(100)},
				last,
			}},
		}}
	}
	strokes := func(s report.TimelineSeries) (string, int) {
		var buf bytes.Buffer
		if err := Render(&buf, s, SVG); err != nil {
			t.Fatal(err)
		}
		return buf.String(), strings.Count(buf.String(), "stroke:rgba(31,95,168,1.0);fill:none")
	}
	svg, withMarker := strokes(elections(report.TimelinePoint{DraftID: 3, Date: "2025-12-23", State: report.TimelineStated, Words: "as soon as possible"}))
	_, without := strokes(elections(report.TimelinePoint{DraftID: 3, Date: "2025-12-23", State: report.TimelineAbsent}))
	if withMarker != without {
		t.Errorf("%d line segments with the 20-point draft's words, %d without: a line leads into it", withMarker, without)
	}
	if !strings.Contains(svg, "as soon as possible") {
		t.Error("the marker is not labelled with its words")
	}
	if _, joined := strokes(elections(report.TimelinePoint{DraftID: 3, Date: "2025-12-23", State: report.TimelineStated, Value: v(100), JoinsFrom: id(2)})); joined <= without {
		t.Errorf("a stated number is joined: %d segments, %d without", joined, without)
	}
}
