package ui

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/chart"
)

// A provision's timeline: one key across every draft that mentions it
// (GET /timeline/:key), its numeric headline terms drawn as step charts
// (GET /timeline/:key/chart.svg and .png), and the index of keys by kind
// (GET /timeline?kind=troop_cap: "all troop caps").

type timelinePage struct {
	Page
	Timeline report.Timeline
	Charts   []timelineChart
	// Steps are what was carried out of the key's provisions (ui/agree.go).
	Steps []models.ImplementationStep
	// Events are the events that concern the key, by date.
	Events []models.Event
}

// timelineChart is one chart on the page: an image with a text alternative
// that says what the chart shows.
type timelineChart struct {
	Label  string
	URL    string
	PNG    string
	Alt    string
	Legend []legendItem
}

// legendItem names a plan beside the colour of its line.
type legendItem struct {
	Plan   string
	Swatch string // a CSS class
}

// showTimeline serves GET /timeline/:key.
func (u *UI) showTimeline(c *gin.Context) {
	key, tl, ok := u.timelineFromPath(c)
	if !ok {
		return
	}
	events, err := u.store.EventsForKey(c.Request.Context(), key)
	if err != nil {
		fail(c, err)
		return
	}
	data := &timelinePage{Page: Page{Title: loc(c).T("timeline.title", "Key", key), Section: "timeline"}, Timeline: tl,
		Steps: u.implementationOf(c, key), Events: events}
	for _, s := range tl.Series {
		base := timelineURL(key) + "/chart"
		q := "?field=" + url.QueryEscape(s.Field)
		ch := timelineChart{Label: s.Label, URL: base + ".svg" + q, PNG: base + ".png" + q, Alt: chartAlt(s)}
		for i, line := range s.Plans {
			ch.Legend = append(ch.Legend, legendItem{Plan: line.PlanTitle, Swatch: chart.Swatch(i)})
		}
		data.Charts = append(data.Charts, ch)
	}
	render(c, http.StatusOK, "timeline", data)
}

// chartAlt describes a chart in words: each plan's values by date.
func chartAlt(s report.TimelineSeries) string {
	var b strings.Builder
	b.WriteString("Step chart of " + s.Label + " by draft date.")
	for _, line := range s.Plans {
		b.WriteString(" " + line.PlanTitle + ":")
		for i, p := range line.Points {
			if i > 0 {
				b.WriteString(",")
			}
			v := "not reported"
			if p.Value != nil {
				v = chart.FormatValue(*p.Value, s.Unit)
			} else if p.Words != "" {
				v = "“" + p.Words + "” (no number)"
			} else if p.State != report.TimelineNotReported {
				v = strings.ToLower(p.State.Label())
			}
			b.WriteString(" " + formatDate(p.Date) + " " + v)
		}
		b.WriteString(".")
	}
	return b.String()
}

// timelineChartImage serves GET /timeline/:key/chart.svg or .png?field=:
// one numeric term's step chart. The SVG has inline styles, so its own
// response allows them (and nothing else); pages show it as an <img>,
// where it can neither run script nor style the page.
func (u *UI) timelineChartImage(format chart.Format) gin.HandlerFunc {
	return func(c *gin.Context) {
		key, tl, ok := u.timelineFromPath(c)
		if !ok {
			return
		}
		field := c.Query("field")
		var series *report.TimelineSeries
		for i := range tl.Series {
			if tl.Series[i].Field == field || (field == "" && i == 0) {
				series = &tl.Series[i]
				break
			}
		}
		if series == nil {
			showError(c, http.StatusNotFound, "No chart", "The timeline of "+key+" has no numeric term "+strings.TrimSpace(field)+" to draw.")
			return
		}
		var buf bytes.Buffer
		if err := chart.Render(&buf, *series, format); err != nil {
			if errors.Is(err, chart.ErrNoValues) {
				showError(c, http.StatusNotFound, "No chart", "No draft of "+key+" states a dated value to draw.")
				return
			}
			fail(c, err)
			return
		}
		contentType := "image/png"
		if format == chart.SVG {
			contentType = "image/svg+xml"
			c.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
		}
		c.Data(http.StatusOK, contentType, buf.Bytes())
	}
}

// timelineFromPath loads the timeline of the key in the path, with the
// scenarios when the query asks for them. A malformed key is a page not
// found, like a key no provision has; when it cannot be loaded it answers
// the request itself and reports false.
func (u *UI) timelineFromPath(c *gin.Context) (string, report.Timeline, bool) {
	key := c.Param("key")
	if !models.IsKey(key) {
		NotFound(c)
		return "", report.Timeline{}, false
	}
	tl, err := u.store.Timeline(c.Request.Context(), key, withScenarios(c))
	if err != nil {
		fail(c, err)
		return key, tl, false
	}
	return key, tl, true
}

type timelineIndexPage struct {
	Page
	Kind   string
	Kinds  []*models.Kind
	Groups []timelineKeyGroup
	Count  int
}

// timelineKeyGroup is the keys of one kind.
type timelineKeyGroup struct {
	Kind  string
	Label string
	Keys  []report.TimelineKey
}

// timelineIndex serves GET /timeline?kind=: the provision keys by kind,
// each linking to its timeline.
func (u *UI) timelineIndex(c *gin.Context) {
	kind := oneOf(c.Query("kind"), models.KindNames())
	keys, err := u.store.TimelineKeys(c.Request.Context(), kind)
	if err != nil {
		fail(c, err)
		return
	}
	title := loc(c).T("nav.timelines")
	if kind != "" {
		title = loc(c).T("nav.timelines") + ": " + loc(c).Or("kind."+kind, kindLabel(kind))
	}
	data := &timelineIndexPage{Page: Page{Title: title, Section: "timeline"}, Kind: kind, Kinds: models.Kinds(), Count: len(keys)}
	for _, k := range keys {
		if n := len(data.Groups); n == 0 || data.Groups[n-1].Kind != k.Kind {
			data.Groups = append(data.Groups, timelineKeyGroup{Kind: k.Kind, Label: k.KindLabel})
		}
		g := &data.Groups[len(data.Groups)-1]
		g.Keys = append(g.Keys, k)
	}
	render(c, http.StatusOK, "timeline_index", data)
}

// timelineKindURL is the index of one kind's keys ("all troop caps").
func timelineKindURL(kind string) string { return "/timeline?kind=" + url.QueryEscape(kind) }

// timelineURL is the timeline page of a key, for links from any page (a
// provision, a draft's rows, a compare or matrix row).
func timelineURL(key string) string { return "/timeline/" + url.PathEscape(key) }

// withScenarios: the page asks for the analysts' own scenario drafts too
// (?include=scenarios); the record leaves them out.
func withScenarios(c *gin.Context) bool { return c.Query("include") == "scenarios" }
