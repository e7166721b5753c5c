package ui

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
)

type comparePage struct {
	Page
	From, To     []planDrafts // the two pickers, each with its choice marked
	Comparison   *report.Comparison
	HideSame     bool
	ToggleURL    string // the same comparison with unchanged rows shown or hidden
	ExportQuery  string // from=…&to=…, for the export links
	ExportFormat []exportLink
	// FromStances and ToStances are the parties' stances on each draft as
	// a whole, shown in the comparison's head.
	FromStances, ToStances []models.DraftStance
}

type exportLink struct{ Label, URL string }

// compare serves GET /compare?from=&to=: two drafts, of one plan or two,
// side by side by provision key. Without both drafts it shows the pickers.
// unchanged=hide hides the rows that did not change and those the later
// draft does not report (CSS hides them, so the script can show them again
// without a reload).
//
// A comparison reads earlier → later. Asked the other way round, the page
// redirects to the ordered pair and says that it swapped them.
// drafts=a&drafts=b asks for a pair without a direction (a draft page's
// "Compare with"): it redirects to the ordered pair and says nothing.
func (u *UI) compare(c *gin.Context) {
	ctx := c.Request.Context()
	plans, byID, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	hide := c.Query("unchanged") == "hide"
	if pair, err := queryIDs(c, "drafts"); err == nil && len(pair) == 2 {
		target, _ := compareURL(byID, lineageOf(byID), pair[0], pair[1])
		c.Redirect(http.StatusFound, withHidden(target, hide))
		return
	}
	from, to := queryID(c, "from"), queryID(c, "to")
	if from != 0 && to != 0 {
		if target, swapped := compareURL(byID, lineageOf(byID), from, to); swapped {
			setFlash(c, "Swapped: a comparison reads earlier → later, so "+byID[to].Name()+" comes first and "+
				byID[from].Name()+" second.")
			c.Redirect(http.StatusFound, withHidden(target, hide))
			return
		}
	}

	data := &comparePage{Page: Page{Title: loc(c).T("compare.title"), Section: "compare"},
		From: markSelected(plans, from), To: markSelected(plans, to), HideSame: hide}
	if from != 0 && to != 0 {
		cmp, err := u.store.ComparisonIn(ctx, from, to, pageLanguage(c))
		if err != nil {
			fail(c, err)
			return
		}
		// The store orders the pair too; should a draft have changed in
		// between, the page follows what it compared.
		from, to = cmp.From.ID, cmp.To.ID
		data.Comparison = &cmp
		stances, err := u.store.DraftStancesOf(ctx, []int64{from, to})
		if err != nil {
			fail(c, err)
			return
		}
		data.FromStances, data.ToStances = stances[from], stances[to]
		data.Title = loc(c).T("compare.title.pair", "From", cmp.From.Name, "To", cmp.To.Name)
		q := url.Values{"from": {idString(from)}, "to": {idString(to)}}
		data.ExportQuery = q.Encode()
		for _, f := range []struct{ label, ext string }{{"Markdown", "md"}, {"CSV", "csv"}, {"PDF", "pdf"}, {loc(c).T("draft.workbook"), "xlsx"}} {
			data.ExportFormat = append(data.ExportFormat, exportLink{f.label, "/compare." + f.ext + "?" + data.ExportQuery})
		}
		toggle := url.Values{"from": {idString(from)}, "to": {idString(to)}}
		if !data.HideSame {
			toggle.Set("unchanged", "hide")
		}
		data.ToggleURL = "/compare?" + toggle.Encode()
	}
	render(c, http.StatusOK, "compare", data)
}

// withHidden keeps the choice to hide unchanged rows across a redirect.
func withHidden(target string, hide bool) string {
	if hide {
		return target + "&unchanged=hide"
	}
	return target
}
