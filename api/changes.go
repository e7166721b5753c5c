package api

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// ChangeStore is what the audit-trail handler needs of the store.
type ChangeStore interface {
	Changes(ctx context.Context, f store.ChangeFilter) ([]models.Change, error)
}

var entities = []string{models.EntityParty, models.EntitySource, models.EntityPlan, models.EntityDraft, models.EntityProvision, models.EntityPosition, models.EntityImplementation,
	models.EntityDraftStance, models.EntityEvent, store.EntityUser, store.EntityToken}

// adminEntities are the entities whose changes only admins may read: who
// has an account, with which role, and which tokens, are what GET /users
// and everyone's GET /tokens keep to admins.
var adminEntities = []string{store.EntityUser, store.EntityToken}

// listChanges serves the audit trail, newest first; ?before= pages back.
// Changes of users and tokens are for admins: anyone else asking for them
// gets 403, and does not see them in an unfiltered list.
func (a *API) listChanges(c *gin.Context) {
	q := newQueryReader(c)
	f := store.ChangeFilter{
		Entity:   q.oneOf("entity", entities),
		EntityID: q.id("entity_id"),
		Actor:    q.text("actor", 100),
		Since:    q.time("since"),
		Until:    q.time("until"),
		Limit:    q.int("limit", store.DefaultPageSize, 1, store.MaxPageSize),
		BeforeID: q.id("before"),
	}
	if !q.ok() {
		return
	}
	if u, _ := web.User(c); !u.Can(models.RoleAdmin) {
		if slices.Contains(adminEntities, f.Entity) {
			problem(c, http.StatusForbidden, "Changes of users and tokens are for admins.")
			return
		}
		f.Hidden = adminEntities
	}
	showList(c, a.store.Changes, f)
}

// time reads an optional RFC 3339 time or a YYYY-MM-DD date.
func (q *queryReader) time(name string) time.Time {
	s := q.c.Query(name)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	q.errs.Add(name, "must be a time as 2025-11-20T15:04:05Z or a date as 2025-11-20")
	return time.Time{}
}
