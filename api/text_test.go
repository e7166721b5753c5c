package api

import (
	"net/http"
	"testing"
)

// A NUL byte (or another C0 control character, or invalid UTF-8) in any
// text field or text query parameter is a 400 naming the field, on
// PostgreSQL as on SQLite; before, PostgreSQL answered 500.
func TestControlCharactersAreRefused(t *testing.T) {
	provision := url("/api/v1/drafts/%d/provisions", seeded.Draft28)
	runScenarios(t, []scenario{
		{name: "plan title", method: "POST", url: "/api/v1/plans", body: `{"title":"P\u0000"}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "party name", method: "PATCH", url: url("/api/v1/parties/%d", seeded.PartyUA), body: `{"name":"Ukr\u0000aine"}`, wantStatus: 400, wantFields: []string{"name"}},
		{name: "BEL in a draft label", method: "PATCH", url: url("/api/v1/drafts/%d", seeded.Draft28), body: `{"label":"v\u0007"}`, wantStatus: 400, wantFields: []string{"label"}},
		{name: "ESC in a provision's wording", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28), body: `{"text":"\u001b[2J"}`, wantStatus: 400, wantFields: []string{"text"}},
		{name: "NUL in a term", method: "POST", url: provision, body: `{"key":"zone","kind":"territorial","title":"Zone","sourcing":"reported","sources":` + testCites + `,"terms":{"region":"Don\u0000bas","disposition":"negotiable"}}`, wantStatus: 400, wantFields: []string{"terms.region"}},
		{name: "token name", method: "POST", url: "/api/v1/tokens", body: `{"name":"ci\u0000"}`, wantStatus: 400, wantFields: []string{"name"}},
		{name: "party filter", method: "GET", url: "/api/v1/provisions?party=U%00A", wantStatus: 400, wantFields: []string{"party"}},
		{name: "search", method: "GET", url: "/api/v1/provisions?q=cap%00", wantStatus: 400, wantFields: []string{"q"}},
		{name: "invalid UTF-8 search", method: "GET", url: "/api/v1/provisions?q=%FF", wantStatus: 400, wantFields: []string{"q"}},
		{name: "actor filter", method: "GET", url: "/api/v1/changes?actor=ad%00min", wantStatus: 400, wantFields: []string{"actor"}},
		{name: "user path", method: "PATCH", url: "/api/v1/users/ad%00min", body: `{"role":"viewer"}`, as: "ada", wantStatus: http.StatusNotFound},
	})
}
