package ui

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"plantracker/models"
)

type comparePage struct {
	Page
	From, To     []planDrafts // the two pickers, each with its choice marked
	Comparison   *models.Comparison
	HideSame     bool
	ToggleURL    string // the same comparison with unchanged rows shown or hidden
	SwapURL      string
	ExportQuery  string // from=…&to=…, for the export links
	ExportFormat []exportLink
}

type exportLink struct{ Label, URL string }

// compare serves GET /compare?from=&to=: two drafts, of one plan or two,
// side by side by provision key. Without both drafts it shows the pickers.
// unchanged=hide hides the rows that did not change (CSS hides them, so
// the script can show them again without a reload).
func (u *UI) compare(c *gin.Context) {
	ctx := c.Request.Context()
	from, to := queryID(c, "from"), queryID(c, "to")
	plans, _, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	data := &comparePage{Page: Page{Title: "Compare drafts", Section: "compare"},
		From: markSelected(plans, from), To: markSelected(plans, to), HideSame: c.Query("unchanged") == "hide"}
	if from != 0 && to != 0 {
		cmp, err := u.store.Comparison(ctx, from, to)
		if err != nil {
			fail(c, err)
			return
		}
		data.Comparison = &cmp
		data.Title = "Compare " + cmp.From.Name + " with " + cmp.To.Name
		q := url.Values{"from": {idString(from)}, "to": {idString(to)}}
		data.ExportQuery = q.Encode()
		for _, f := range []struct{ label, ext string }{{"Markdown", "md"}, {"CSV", "csv"}, {"PDF", "pdf"}} {
			data.ExportFormat = append(data.ExportFormat, exportLink{f.label, "/compare." + f.ext + "?" + data.ExportQuery})
		}
		toggle := url.Values{"from": {idString(from)}, "to": {idString(to)}}
		if !data.HideSame {
			toggle.Set("unchanged", "hide")
		}
		data.ToggleURL = "/compare?" + toggle.Encode()
		swap := url.Values{"from": {idString(to)}, "to": {idString(from)}}
		if data.HideSame {
			swap.Set("unchanged", "hide")
		}
		data.SwapURL = "/compare?" + swap.Encode()
	}
	render(c, http.StatusOK, "compare", data)
}
