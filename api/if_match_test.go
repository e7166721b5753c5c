package api

import (
	"net/http"
	"testing"
)

// If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never
// matches; a list matches when any of its tags is the current ETag; a tag
// that is not one of ours byte for byte does not match; a header that is
// no entity-tag list at all is a 400. Before, W/"1" matched, a list holding
// the current tag was refused, and 1, '1', "+1" and "01" were read as 1.
func TestIfMatchComparesStrongly(t *testing.T) {
	provision := url("/api/v1/provisions/%d", seeded.TroopCap28) // at version 1
	plan := url("/api/v1/plans/%d", seeded.E3Plan)
	tests := []struct {
		ifMatch string
		want    int
	}{
		{`"1"`, 200},
		{`*`, 200},
		{`W/"1"`, http.StatusPreconditionFailed},
		{`"3", "1"`, 200},
		{`W/"1", "1"`, 200},
		{`"2", "3"`, http.StatusPreconditionFailed},
		{`"+1"`, http.StatusPreconditionFailed},
		{`"01"`, http.StatusPreconditionFailed},
		{`"1 "`, http.StatusBadRequest},
		{`1`, http.StatusBadRequest},
		{`'1'`, http.StatusBadRequest},
		{`"1`, http.StatusBadRequest},
		{`"1", 2`, http.StatusBadRequest},
	}
	var scenarios []scenario
	for _, tt := range tests {
		scenarios = append(scenarios,
			scenario{name: "provision If-Match " + tt.ifMatch, method: "PATCH", url: provision, body: `{"title":"Cap"}`,
				headers: []string{"If-Match", tt.ifMatch}, wantStatus: tt.want},
			scenario{name: "plan If-Match " + tt.ifMatch, method: "PATCH", url: plan, body: `{"title":"E3 plan"}`,
				headers: []string{"If-Match", tt.ifMatch}, wantStatus: tt.want})
	}
	scenarios = append(scenarios,
		scenario{name: "parties of a provision, a list", method: "POST", url: provision + "/parties", body: `{"party":"RU","role":"signatory"}`,
			headers: []string{"If-Match", `"7", "1"`}, wantStatus: 200},
		scenario{name: "a list for a missing provision", method: "PATCH", url: "/api/v1/provisions/999999", body: `{"title":"Cap"}`,
			headers: []string{"If-Match", `"7", "1"`}, wantStatus: http.StatusNotFound})
	runScenarios(t, scenarios)
}
