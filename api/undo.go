package api

import (
	"context"

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
	listAll(func(ctx context.Context) ([]models.Change, error) { return a.store.Deleted(ctx, limit, before) })(c)
}

// undoChange serves POST /changes/{id}/undo: the deletion that change
// recorded, undone; the answer is the change that records the restore.
func (a *API) undoChange(c *gin.Context) {
	showOne(c, func(ctx context.Context, id int64) (models.Change, error) {
		return a.store.UndoDelete(ctx, web.Actor(c), id)
	})
}
