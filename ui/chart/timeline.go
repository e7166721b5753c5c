// Package chart draws a provision's timeline as a step chart: one numeric
// term (a troop cap's limit, a guarantee's duration) over time, one line
// per plan, with github.com/wcharczuk/go-chart/v2. The page shows the SVG
// as an image (its inline styles never meet the page's strict CSP); the
// PNG is for documents (a PDF export).
package chart

import (
	"errors"
	"io"
	"math"
	"sort"
	"strconv"
	"time"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"plantracker/models"
	"plantracker/models/numbers"
	"plantracker/models/report"
)

// Format is what Render writes.
type Format string

const (
	SVG Format = "svg"
	PNG Format = "png"
)

// Size of the chart in pixels: wide enough for the dates under the axis,
// and the SVG scales down with the page.
const (
	Width  = 860
	Height = 340
)

// ErrNoValues: the series has no dated value to draw.
var ErrNoValues = errors.New("chart: no dated value to draw")

// palette colours the plans' lines in order, distinct for colour-blind
// readers too (blue, orange, green, purple, red, teal). The page's legend
// uses the same colours, as the CSS classes swatch-0 … swatch-5.
var palette = []drawing.Color{
	{R: 31, G: 95, B: 168, A: 255}, {R: 194, G: 65, B: 12, A: 255}, {R: 21, G: 128, B: 61, A: 255},
	{R: 124, G: 58, B: 237, A: 255}, {R: 185, G: 28, B: 28, A: 255}, {R: 14, G: 116, B: 144, A: 255},
}

var (
	colText  = drawing.Color{R: 40, G: 42, B: 46, A: 255}
	colMuted = drawing.Color{R: 110, G: 114, B: 120, A: 255}
	colGrid  = drawing.Color{R: 225, G: 228, B: 232, A: 255}
)

// Swatch is the CSS class of the colour of a plan's line: the i-th plan of
// the series (app.css defines swatch-0 … swatch-5 as the palette).
func Swatch(i int) string { return "swatch-" + strconv.Itoa(i%len(palette)) }

// Render draws s as a step chart in the format asked for.
func Render(w io.Writer, s report.TimelineSeries, format Format) error {
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return err
	}
	valueLabel := func(v float64) string { return FormatValue(v, s.Unit) }
	var series []gochart.Series
	var dates []time.Time
	maxValue := 0.0
	for i, line := range s.Plans {
		st := stepSeries{name: line.PlanTitle, color: palette[i%len(palette)], label: valueLabel, font: font}
		for _, p := range line.Points {
			at, err := time.Parse("2006-01-02", p.Date)
			if err != nil {
				continue // undated drafts have no place on a time axis
			}
			st.points = append(st.points, stepPoint{id: p.DraftID, at: at, value: p.Value, state: p.State,
				joinsFrom: p.JoinsFrom, carried: p.Carried, words: p.Words})
			dates = append(dates, at)
			if p.Value != nil {
				maxValue = math.Max(maxValue, *p.Value)
			}
		}
		if st.hasValue() {
			series = append(series, st)
		}
	}
	if len(series) == 0 {
		return ErrNoValues
	}
	ticks := valueTicks(maxValue, s.Unit)
	name := s.Label
	if s.Unit != "" {
		name += " (" + s.Unit + ")"
	}
	graph := gochart.Chart{
		Width:      Width,
		Height:     Height,
		Background: gochart.Style{Padding: gochart.Box{Top: 46, Left: 16, Right: 32, Bottom: 12}},
		XAxis: gochart.XAxis{
			Style:     gochart.Style{FontSize: 10, FontColor: colText, StrokeColor: colMuted},
			Ticks:     dateTicks(dates),
			GridLines: nil,
		},
		// The values read on the left: go-chart draws its secondary axis
		// there. It takes the secondary axis's range from the primary
		// axis's ticks, so both carry them, and the primary is hidden.
		YAxis: gochart.YAxis{Style: gochart.Style{Hidden: true}, Ticks: ticks},
		YAxisSecondary: gochart.YAxis{
			Name:           name,
			NameStyle:      gochart.Style{FontSize: 10, FontColor: colMuted},
			Style:          gochart.Style{FontSize: 10, FontColor: colText, StrokeColor: colMuted},
			Ticks:          ticks,
			GridMajorStyle: gochart.Style{StrokeColor: colGrid, StrokeWidth: 1},
		},
		Series: series,
	}
	// The SVG has no legend: a browser draws its text in a fallback font
	// (the page has no Roboto), wider than the one go-chart measured the
	// legend's boxes with, and the page names the plans beside it anyway
	// (Swatch). The PNG, for documents, carries its own.
	provider := gochart.SVG
	if format == PNG {
		provider = gochart.PNG
		graph.Elements = []gochart.Renderable{gochart.LegendThin(&graph, gochart.Style{FontSize: 10, FontColor: colText, StrokeColor: colGrid})}
	} else {
		graph.Background.Padding.Top = 20
	}
	return graph.Render(provider, w)
}

// dateTicks labels the axis with the drafts' own dates ("20 Nov 2025"),
// dropping one too close to the last labelled, with a margin of a tenth of
// the span (at least two days) either side so the first and last points do
// not sit on the frame.
func dateTicks(dates []time.Time) []gochart.Tick {
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	first, last := dates[0], dates[len(dates)-1]
	span := last.Sub(first)
	margin := max(span/10, 48*time.Hour)
	lo, hi := first.Add(-margin), last.Add(margin)
	minGap := float64(hi.Sub(lo)) / 7 // at most about seven labels fit
	ticks := []gochart.Tick{{Value: gochart.TimeToFloat64(lo)}}
	lastLabelled := math.Inf(-1)
	for _, d := range dates {
		v := gochart.TimeToFloat64(d)
		if v-lastLabelled < minGap {
			continue
		}
		ticks = append(ticks, gochart.Tick{Value: v, Label: d.Format("2 Jan 2006")})
		lastLabelled = v
	}
	return append(ticks, gochart.Tick{Value: gochart.TimeToFloat64(hi)})
}

// valueTicks runs from zero (a cap of 800,000 is not four times one of
// 600,000) to a round number above the largest value, labelled as the app
// writes numbers: "600,000", "USD 100 bn", "15 years".
func valueTicks(maxValue float64, unit string) []gochart.Tick {
	if maxValue <= 0 {
		maxValue = 1
	}
	step := niceStep(maxValue * 1.15 / 4)
	var ticks []gochart.Tick
	for v := 0.0; v < maxValue*1.15+step; v += step {
		ticks = append(ticks, gochart.Tick{Value: v, Label: FormatValue(v, unit)})
	}
	return ticks
}

// FormatValue writes a value as the chart labels it: as the app writes
// numbers ("USD 100 bn", "15 years"), with counts of people bare
// ("600,000"), as the wording reads.
func FormatValue(v float64, unit string) string {
	if unit == "people" || unit == "" {
		return numbers.Format(v, "")
	}
	return models.FormatValue(models.Field{Type: models.FieldNumber, Unit: unit}, []byte(strconv.FormatFloat(v, 'f', -1, 64)))
}

// niceStep rounds a raw step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*pow >= raw {
			return m * pow
		}
	}
	return 10 * pow
}
