package api

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
)

// ReportStore is what the report handlers need of the store.
type ReportStore interface {
	Summary(ctx context.Context, draftID int64) (report.Summary, error)
	ComparisonIn(ctx context.Context, fromID, toID int64, language string) (report.Comparison, error)
	BriefComparisonIn(ctx context.Context, fromID, toID int64, language string) (report.Comparison, error)
	Matrix(ctx context.Context, draftIDs []int64) (report.Matrix, error)
}

// draftSummary serves GET /drafts/:id/summary.
func (a *API) draftSummary(c *gin.Context) {
	if s, ok := loadByID(c, a.store.Summary); ok {
		reportJSON(c, http.StatusOK, s)
	}
}

// compare serves GET /compare?from=&to=&lang=&status=: any two drafts, of
// one plan or two, their words compared in lang where both have them; with
// status, only the rows of those statuses, in full; without, the rows of
// every status but unchanged in full and the unchanged keys listed apart
// (Comparison.Brief).
func (a *API) compare(c *gin.Context) {
	q := newQueryReader(c)
	from, to := q.id("from"), q.id("to")
	if from == 0 {
		q.errs.Add("from", "is required: the id of the earlier draft")
	}
	if to == 0 {
		q.errs.Add("to", "is required: the id of the later draft")
	}
	lang := c.DefaultQuery("lang", models.MainLanguage)
	if !models.TextLanguages.Has(lang) {
		q.errs.Add("lang", "must be one of: %s", strings.Join(models.TextLanguages.Values(), ", "))
	}
	var statuses []report.DiffStatus
	for _, s := range q.someOf("status", report.DiffStatuses) {
		statuses = append(statuses, report.DiffStatus(s))
	}
	if !q.ok() {
		return
	}
	// Unchanged rows are read in full only when asked for in full.
	var cmp report.Comparison
	var err error
	if slices.Contains(statuses, report.StatusUnchanged) {
		cmp, err = a.store.ComparisonIn(c.Request.Context(), from, to, lang)
	} else {
		cmp, err = a.store.BriefComparisonIn(c.Request.Context(), from, to, lang)
	}
	if err != nil {
		fail(c, err)
		return
	}
	cmp = cmp.Only(statuses...)
	reportJSON(c, http.StatusOK, cmp)
}

// matrix serves GET /matrix?drafts=1,2,3: the drafts side by side.
func (a *API) matrix(c *gin.Context) {
	ids, err := ParseIDList(c.Query("drafts"), store.MaxMatrixDrafts)
	if err != nil {
		fail(c, err)
		return
	}
	if m, ok := load(c, a.store.Matrix, ids); ok {
		reportJSON(c, http.StatusOK, m)
	}
}

// ParseIDList reads "1,2,3" as ids: at least one, at most max, each a
// positive whole number.
func ParseIDList(s string, max int) ([]int64, error) {
	var ids []int64
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, ok := parseID(part)
		if !ok {
			return nil, models.Invalid("drafts", "must be draft ids separated by commas, such as 1,2,3")
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 || len(ids) > max {
		return nil, models.Invalid("drafts", "give 1 to %d draft ids separated by commas, such as 1,2,3", max)
	}
	return ids, nil
}
