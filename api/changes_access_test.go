package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

// The audit trail of users and tokens (usernames, roles, token names and
// owners) is for admins, as GET /users is: a viewer or an editor asking for
// it is refused, and does not find it in the unfiltered list either.
func TestChangesOfUsersAndTokensAreForAdmins(t *testing.T) {
	onlyEntities := func(allowed ...string) func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
		return func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
			changes := decode[List[models.Change]](t, w)
			if changes.Total == 0 {
				t.Fatal("no changes listed")
			}
			for _, c := range changes.Items {
				ok := false
				for _, e := range allowed {
					ok = ok || c.Entity == e
				}
				if !ok {
					t.Fatalf("change %d of a %s listed", c.ID, c.Entity)
				}
			}
		}
	}
	data := []string{models.EntityParty, models.EntitySource, models.EntityPlan, models.EntityDraft, models.EntityProvision, models.EntityPosition, models.EntityImplementation,
		models.EntityDraftStance, models.EntityEvent}
	everything := append([]string{store.EntityUser, store.EntityToken}, data...)
	runScenarios(t, []scenario{
		{name: "viewer, users", method: "GET", url: "/api/v1/changes?entity=user", as: "vera", wantStatus: http.StatusForbidden},
		{name: "viewer, tokens", method: "GET", url: "/api/v1/changes?entity=token", as: "vera", wantStatus: http.StatusForbidden},
		{name: "editor, users", method: "GET", url: "/api/v1/changes?entity=user", wantStatus: http.StatusForbidden},
		{name: "viewer, everything", method: "GET", url: "/api/v1/changes?limit=500", as: "vera", wantStatus: 200, check: onlyEntities(data...)},
		// "test" made the test users and their tokens, and nothing else.
		{name: "viewer, by an actor", method: "GET", url: "/api/v1/changes?actor=test", as: "vera", wantStatus: 200, wantContain: []string{`"total":0`}},
		{name: "admin, users", method: "GET", url: "/api/v1/changes?entity=user", as: "ada", wantStatus: 200, check: onlyEntities(store.EntityUser)},
		{name: "admin, tokens", method: "GET", url: "/api/v1/changes?entity=token", as: "ada", wantStatus: 200, check: onlyEntities(store.EntityToken)},
		{name: "admin, everything", method: "GET", url: "/api/v1/changes?limit=500", as: "ada", wantStatus: 200, check: onlyEntities(everything...)},
	})
}
