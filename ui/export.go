package ui

import (
	"bytes"
	"net/http"
	"regexp"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/ui/export"
)

// The downloads: a draft's summary and a comparison, as Markdown, CSV or
// PDF. Package export writes them; these handlers only load the data and
// send the file. The file is written into a buffer first, so that a
// failure shows an error page rather than half a file.

// exportSummary serves GET /drafts/:id/summary.{md,csv,pdf}.
func (u *UI) exportSummary(format string) gin.HandlerFunc {
	return func(c *gin.Context) {
		s, ok := fromPath(c, u.store.Summary)
		if !ok {
			return
		}
		if format == "pdf" && export.TooLongForPDF(s.Count) {
			tooLongForPDF(c, s.Count, "provision", "/drafts/"+idString(s.Draft.ID)+"/summary.xlsx")
			return
		}
		pv, err := u.provenance(c, []report.DraftRef{s.Draft}, export.SummaryFront(s, export.Provenance{}).Keys())
		if err != nil {
			fail(c, err)
			return
		}
		pv.Lang = loc(c) // written in the reader's language
		var buf bytes.Buffer
		if err := export.Summary(&buf, s, pv, format); err != nil {
			serverError(c, err)
			return
		}
		sendFile(c, format, export.SummaryFilename(s, format), "summary", buf.Bytes())
	}
}

// exportComparison serves GET /compare.{md,csv,pdf,xlsx}?from=&to=.
func (u *UI) exportComparison(format string) gin.HandlerFunc {
	return func(c *gin.Context) {
		from, to := queryID(c, "from"), queryID(c, "to")
		if from == 0 || to == 0 {
			verr := &models.ValidationError{}
			if from == 0 {
				verr.Add("from", "is required: the id of the earlier draft")
			}
			if to == 0 {
				verr.Add("to", "is required: the id of the later draft")
			}
			fail(c, verr)
			return
		}
		cmp, err := u.store.ComparisonIn(c.Request.Context(), from, to, pageLanguage(c))
		if err != nil {
			fail(c, err)
			return
		}
		if format == "pdf" && export.TooLongForPDF(cmp.Counts.Total) {
			tooLongForPDF(c, cmp.Counts.Total, "key", "/compare.xlsx?"+c.Request.URL.RawQuery)
			return
		}
		pv, err := u.provenance(c, []report.DraftRef{cmp.From, cmp.To}, export.ComparisonFront(cmp, export.Provenance{}).Keys())
		if err != nil {
			fail(c, err)
			return
		}
		pv.Lang = loc(c)
		if format == "pdf" {
			if pv.Charts, err = u.comparisonCharts(c.Request.Context(), cmp); err != nil {
				fail(c, err)
				return
			}
		}
		var buf bytes.Buffer
		if format == "xlsx" {
			err = export.ComparisonWorkbook(&buf, cmp, pv)
		} else {
			err = export.Comparison(&buf, cmp, pv, format)
		}
		if err != nil {
			serverError(c, err)
			return
		}
		sendFile(c, format, export.ComparisonFilename(cmp, format), "comparison", buf.Bytes())
	}
}

// tooLongForPDF refuses a PDF of more than export.MaxPDFProvisions
// provisions or keys (what: "provision", "key"), pointing to the workbook,
// which takes them.
func tooLongForPDF(c *gin.Context, n int, what, instead string) {
	l := loc(c)
	heading := l.T("export.too_long.heading")
	render(c, http.StatusUnprocessableEntity, "error", &errorPage{Page: Page{Title: heading}, Status: http.StatusUnprocessableEntity,
		Heading: heading, Instead: instead, InsteadText: l.T("export.too_long.instead"),
		Message: l.T("export.too_long.message", "Count", l.N("export.count."+what, n),
			"Max", l.Number(export.MaxPDFProvisions, ""))})
	c.Abort()
}

// unsafeFilename matches what may not appear in a quoted filename.
var unsafeFilename = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// sendFile sends a download as an attachment. The name comes from the
// exporter; it is reduced to safe characters all the same, since it goes
// into a header.
func sendFile(c *gin.Context, format, name, fallback string, body []byte) {
	name = unsafeFilename.ReplaceAllString(name, "-")
	if name == "" || name == "-" {
		name = fallback + "." + format
	}
	ctype := export.ContentType(format)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, ctype, body)
}
