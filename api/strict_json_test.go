package api

import (
	"testing"
)

// What is stored is what was sent: a body whose meaning JSON leaves open
// or whose text a store would change is refused (400), not read one way.
// Before, duplicate names were accepted (the last won), names matched
// fields in any case ({"TITLE":"x"} → 201, though unknown names are
// refused), invalid UTF-8 and lone surrogates were stored as U+FFFD, and
// BEL and ESC were kept.
func TestBodiesAreReadStrictly(t *testing.T) {
	plans := "/api/v1/plans"
	provision := url("/api/v1/provisions/%d", seeded.TroopCap28)
	runScenarios(t, []scenario{
		{name: "a name twice", method: "POST", url: plans, body: `{"title":"A","title":"B"}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "a term twice", method: "PATCH", url: provision, body: `{"terms":{"party":"UA","limit":5,"limit":6}}`, wantStatus: 400, wantFields: []string{"terms.limit"}},
		{name: "a name in another case", method: "POST", url: plans, body: `{"TITLE":"x"}`, wantStatus: 400, wantFields: []string{"TITLE"}},
		{name: "a nested name in another case", method: "PUT", url: url("/api/v1/provisions/%d/parties", seeded.TroopCap28), body: `[{"Party":"UA","role":"obligor"}]`, wantStatus: 400, wantFields: []string{"[0].Party"}},
		{name: "invalid UTF-8", method: "POST", url: plans, body: "{\"title\":\"P\xff\"}", wantStatus: 400, wantFields: []string{"title"}},
		{name: "a lone surrogate", method: "POST", url: plans, body: `{"title":"P\ud800"}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "a lone surrogate in terms", method: "PATCH", url: provision, body: `{"terms":{"party":"UA","force":"\udc00","limit":5}}`, wantStatus: 400, wantFields: []string{"terms.force"}},
		{name: "BEL", method: "POST", url: plans, body: `{"title":"ding\u0007"}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "ESC", method: "PATCH", url: provision, body: `{"title":"\u001b[31mred"}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "a wrong type, named", method: "PATCH", url: provision, body: `{"title":5}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "an unknown field, named", method: "POST", url: plans, body: `{"title":"x","colour":"red"}`, wantStatus: 400, wantFields: []string{"colour"}},
		{name: "a good body", method: "POST", url: plans, body: `{"title":"Plan ✓ Запоріжжя","description":"line\nline\ttab"}`, wantStatus: 201},
	})
}
