package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models/report"
)

type matrixPage struct {
	Page
	Plans  []planDrafts
	Matrix *report.Matrix
	Groups []matrixGroup
}

// matrixGroup is the matrix rows of one category.
type matrixGroup struct {
	Label    string
	Category string // its value, which the page labels in its language
	Rows     []report.MatrixRow
}

// matrix serves GET /matrix?drafts=1&drafts=2 (or drafts=1,2,3): the
// drafts side by side, one row per provision key, one column per draft,
// each cell marked where it differs from the column before.
func (u *UI) matrix(c *gin.Context) {
	ctx := c.Request.Context()
	ids, err := queryIDs(c, "drafts")
	if err != nil {
		fail(c, err)
		return
	}
	plans, _, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	data := &matrixPage{Page: Page{Title: loc(c).T("nav.matrix"), Section: "matrix"}, Plans: markSelected(plans, ids...)}
	if len(ids) > 0 {
		m, err := u.store.Matrix(ctx, ids)
		if err != nil {
			fail(c, err)
			return
		}
		data.Matrix = &m
		data.Title = "Matrix of " + plural(len(m.Drafts), "draft", "drafts")
		for _, row := range m.Rows {
			if n := len(data.Groups); n == 0 || data.Groups[n-1].Label != row.CategoryLabel {
				data.Groups = append(data.Groups, matrixGroup{Label: row.CategoryLabel, Category: row.Category})
			}
			g := &data.Groups[len(data.Groups)-1]
			g.Rows = append(g.Rows, row)
		}
	}
	render(c, http.StatusOK, "matrix", data)
}
