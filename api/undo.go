package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// UndoStore is what undoing a deletion needs of the store.
type UndoStore interface {
	Deleted(ctx context.Context, limit int, beforeID int64) ([]models.Change, error)
	UndoDelete(ctx context.Context, actor string, changeID int64) (models.Change, error)
}

// listDeleted serves GET /deleted: the deletions that can be undone now,
// newest first, each a change record with the whole deleted record in
// "before" (a draft with its provisions, a plan with its drafts).
func (a *API) listDeleted(c *gin.Context) {
	q := newQueryReader(c)
	limit := q.int("limit", store.DefaultPageSize, 1, store.MaxPageSize)
	before := q.id("before")
	if !q.ok() {
		return
	}
	changes, err := a.store.Deleted(c.Request.Context(), limit, before)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(changes))
}

// undoChange serves POST /changes/{id}/undo: the deletion that change
// recorded, undone; the answer is the change that records the restore.
func (a *API) undoChange(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	ch, err := a.store.UndoDelete(c.Request.Context(), web.Actor(c), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, ch)
}
