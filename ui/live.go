package ui

import (
	"github.com/gin-gonic/gin"

	"plantracker/store"
)

// liveSince is the newest change in the audit trail: a page that follows
// live edits (GET /api/v1/events) starts its stream after it, so that a
// save between rendering the page and opening the stream is not missed.
// On an error it is 0, and the stream starts with the next save.
func (u *UI) liveSince(c *gin.Context) int64 {
	latest, err := u.store.Changes(c.Request.Context(), store.ChangeFilter{Limit: 1})
	if err != nil || len(latest) == 0 {
		return 0
	}
	return latest[0].ID
}
