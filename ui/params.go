package ui

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// pathID reads a numeric path parameter; a malformed one shows the 404
// page, as no page has that id.
func pathID(c *gin.Context, name string) (int64, bool) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		NotFound(c)
		return 0, false
	}
	return id, true
}

// queryID reads an optional positive id from the query; 0 when absent or
// malformed (a picker then shows nothing chosen).
func queryID(c *gin.Context, name string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(c.Query(name)), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// queryIDs reads a list of ids given either as repeated parameters
// (drafts=1&drafts=2, what a checkbox list sends) or comma-separated
// (drafts=1,2,3, what people type), in the order given, once each.
func queryIDs(c *gin.Context, name string) ([]int64, error) {
	var ids []int64
	seen := map[int64]bool{}
	for _, v := range c.QueryArray(name) {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			id, err := strconv.ParseInt(part, 10, 64)
			if err != nil || id <= 0 {
				return nil, models.Invalid(name, "must be draft ids, such as 1,2,3")
			}
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > store.MaxMatrixDrafts {
		return nil, models.Invalid(name, "give at most %d drafts", store.MaxMatrixDrafts)
	}
	return ids, nil
}

// oneOf keeps a filter value only when it is one of the allowed ones, so
// a hand-edited URL filters by nothing rather than failing.
func oneOf(v string, allowed []string) string {
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	return ""
}

func idString(id int64) string { return strconv.FormatInt(id, 10) }
