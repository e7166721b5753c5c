package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

// PATCH /provisions/{id} with application/merge-patch+json merges nested
// terms (RFC 7396); with application/json the terms given replace the
// terms whole, as before. Before, there was only replacing, and the
// README's own example silently dropped the troop cap's force.
func TestProvisionMergePatch(t *testing.T) {
	p := url("/api/v1/provisions/%d", seeded.TroopCap28)
	merge := []string{"Content-Type", MergePatchType}
	terms := func(want string) func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
		return func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
			got := decode[models.Provision](t, w)
			if string(got.Terms) != want {
				t.Fatalf("terms %s, want %s", got.Terms, want)
			}
			cs, err := s.Changes(context.Background(), store.ChangeFilter{Entity: models.EntityProvision, EntityID: seeded.TroopCap28, Limit: 1})
			if err != nil || cs[0].Action != models.ActionUpdate || !strings.Contains(string(cs[0].After), want) {
				t.Fatalf("the change is not recorded: %+v %v", cs, err)
			}
		}
	}
	runScenarios(t, []scenario{
		{name: "merge a term", method: "PATCH", url: p, headers: merge, body: `{"terms":{"limit":800000,"peacetime_only":true}}`, wantStatus: 200,
			check: terms(`{"party":"UA","force":"Armed Forces of Ukraine","limit":800000,"peacetime_only":true}`)},
		{name: "remove a term", method: "PATCH", url: p, headers: merge, body: `{"terms":{"force":null}}`, wantStatus: 200,
			check: terms(`{"party":"UA","limit":600000}`)},
		{name: "replace the terms (application/json)", method: "PATCH", url: p, body: `{"terms":{"party":"UA","limit":800000}}`, wantStatus: 200,
			check: terms(`{"party":"UA","limit":800000}`)},
		{name: "merge with charset", method: "PATCH", url: p, headers: []string{"Content-Type", MergePatchType + "; charset=utf-8"}, body: `{"terms":{"limit":5}}`, wantStatus: 200,
			check: terms(`{"party":"UA","force":"Armed Forces of Ukraine","limit":5}`)},
		{name: "a merged term breaks a rule", method: "PATCH", url: p, headers: merge, body: `{"terms":{"limit":-5}}`, wantStatus: 400, wantFields: []string{"terms.limit"}},
		{name: "clearing a required field", method: "PATCH", url: p, headers: merge, body: `{"title":null}`, wantStatus: 400, wantFields: []string{"title"}},
		{name: "not a field", method: "PATCH", url: p, headers: merge, body: `{"id":7}`, wantStatus: 400, wantFields: []string{"id"}},
		{name: "a name twice", method: "PATCH", url: p, headers: merge, body: `{"terms":{"limit":5,"limit":6}}`, wantStatus: 400, wantFields: []string{"terms.limit"}},
		{name: "not an object", method: "PATCH", url: p, headers: merge, body: `null`, wantStatus: 400, wantFields: []string{"body"}},
		{name: "stale", method: "PATCH", url: p, headers: append([]string{"If-Match", `"9"`}, merge...), body: `{"title":"Cap"}`, wantStatus: http.StatusPreconditionFailed},
	})
}
