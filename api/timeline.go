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
	key := c.Param("key")
	if !models.IsKey(key) {
		problem(c, http.StatusNotFound, "No provision has this key: keys are lower case words joined by hyphens, such as troop-cap.")
		return
	}
	q := newQueryReader(c)
	scenarios := q.oneOf("include", []string{"scenarios"}) != ""
	if !q.ok() {
		return
	}
	tl, err := a.store.Timeline(c.Request.Context(), key, scenarios)
	if err != nil {
		fail(c, err)
		return
	}
	events, err := a.store.EventsForKey(c.Request.Context(), key)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, KeyTimeline{tl, events})
}

// timelineKeys serves GET /timeline?kind=: the keys that have a timeline,
// of one kind or all.
func (a *API) timelineKeys(c *gin.Context) {
	q := newQueryReader(c)
	kind := q.oneOf("kind", models.KindNames())
	if !q.ok() {
		return
	}
	keys, err := a.store.TimelineKeys(c.Request.Context(), kind)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(keys))
}
