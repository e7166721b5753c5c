package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
)

// TimelineStore is what the timeline handlers need of the store.
type TimelineStore interface {
	Timeline(ctx context.Context, key string, scenarios bool) (report.Timeline, error)
	TimelineKeys(ctx context.Context, kind string) ([]report.TimelineKey, error)
}

// timeline serves GET /timeline/:key: one provision key across every draft
// of every plan that mentions it.
func (a *API) timeline(c *gin.Context) {
	key, ok := pathKey(c)
	if !ok {
		return
	}
	scenarios, ok := readQuery(c, (*queryReader).scenarios)
	if !ok {
		return
	}
	tl, err := a.store.Timeline(c.Request.Context(), key, scenarios)
	if err != nil {
		fail(c, err)
		return
	}
	if events, ok := load(c, a.store.EventsForKey, key); ok {
		c.JSON(http.StatusOK, KeyTimeline{tl, events})
	}
}

// timelineKeys serves GET /timeline?kind=: the keys that have a timeline,
// of one kind or all.
func (a *API) timelineKeys(c *gin.Context) {
	listFiltered(c, func(q *queryReader) string { return q.oneOf("kind", models.KindNames()) }, a.store.TimelineKeys)
}
