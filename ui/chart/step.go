package chart

import (
	"time"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"plantracker/models/report"
)

// stepSeries is one plan's line: a value holds until the next draft
// changes it, so it is drawn as steps, not slopes. Points join along
// lineage within the plan (a draft to the one it descends from, not to the
// one before it by date), and only where a draft states a number: a draft
// that does not report the term carries the last value on as a dashed line
// (not known, not changed); a draft that removed or withdrew it ends the
// line; a draft that states the provision without a number ("as soon as
// possible") is a hollow marker with its words at the foot of the chart,
// and no line leads into it. A dot marks each draft that states a value.
// It is one series, so the legend names the plan once.
type stepSeries struct {
	name   string
	color  drawing.Color
	points []stepPoint
	label  func(float64) string // a value as the app writes it
	font   *truetype.Font
}

type stepPoint struct {
	id        int64
	at        time.Time
	value     *float64
	state     report.TimelineState
	joinsFrom *int64   // the point the line comes from; nil: none leads here
	carried   *float64 // the value a gap carries
	words     string   // a stated provision's words, where it gives no number
}

func (s stepSeries) hasValue() bool {
	for _, p := range s.points {
		if p.value != nil {
			return true
		}
	}
	return false
}

// GetName, GetYAxis, GetStyle and Validate make stepSeries a go-chart
// series; GetStyle's colour is what the legend shows.
func (s stepSeries) GetName() string             { return s.name }
func (s stepSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary } // the left axis
func (s stepSeries) GetStyle() gochart.Style {
	return gochart.Style{StrokeColor: s.color, StrokeWidth: 2.5}
}
func (s stepSeries) Validate() error { return nil }

// Render draws the steps within the canvas.
func (s stepSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	// go-chart's SVG renderer keeps the rotation of the axis name it drew
	// before; cleared here, the values and the legend drawn after read
	// level.
	r.ClearTextRotation()
	x := func(t time.Time) int { return box.Left + xr.Translate(gochart.TimeToFloat64(t)) }
	y := func(v float64) int { return box.Bottom - yr.Translate(v) }
	line := func(x0, y0, x1, y1 int, dashed bool) {
		r.ResetStyle()
		r.SetStrokeColor(s.color)
		r.SetStrokeWidth(2.5)
		if dashed {
			r.SetStrokeDashArray([]float64{5, 4})
		}
		r.MoveTo(x0, y0)
		r.LineTo(x1, y1)
		r.Stroke()
	}
	byID := make(map[int64]*stepPoint, len(s.points))
	for i := range s.points {
		byID[s.points[i].id] = &s.points[i]
	}
	for _, p := range s.points {
		if p.joinsFrom == nil {
			continue
		}
		from := byID[*p.joinsFrom]
		if from == nil {
			continue
		}
		level, carried := from.value, false
		if level == nil {
			level, carried = from.carried, true
		}
		if level == nil {
			continue
		}
		line(x(from.at), y(*level), x(p.at), y(*level), carried)
		if p.value != nil && *level != *p.value {
			line(x(p.at), y(*level), x(p.at), y(*p.value), false)
		}
	}
	// A draft that states the provision without a number: a hollow marker
	// at the foot of the chart, labelled with its words.
	for _, p := range s.points {
		if p.value != nil || p.words == "" {
			continue
		}
		r.ResetStyle()
		r.SetFillColor(drawing.ColorWhite)
		r.SetStrokeColor(s.color)
		r.SetStrokeWidth(2)
		r.Circle(5, x(p.at), box.Bottom-8)
		r.FillStroke()
		r.ResetStyle()
		r.SetFont(s.font)
		r.SetFontSize(9)
		r.SetFontColor(colMuted)
		words := p.words
		if len([]rune(words)) > 32 {
			words = string([]rune(words)[:31]) + "…"
		}
		tw := r.MeasureText(words).Width()
		r.Text(words, min(x(p.at)+7, box.Right-tw), box.Bottom-14)
	}
	// Dots, and the value where the line starts or changes ("800,000").
	var level *float64
	for _, p := range s.points {
		if p.value == nil {
			continue
		}
		r.ResetStyle()
		r.SetFillColor(s.color)
		r.SetStrokeColor(drawing.ColorWhite)
		r.SetStrokeWidth(1.5)
		r.Circle(5, x(p.at), y(*p.value))
		r.FillStroke()
		if level == nil || *level != *p.value {
			r.ResetStyle()
			r.SetFont(s.font)
			r.SetFontSize(10)
			r.SetFontColor(colText)
			r.Text(s.label(*p.value), x(p.at)+7, y(*p.value)-8)
		}
		level = p.value
	}
}
