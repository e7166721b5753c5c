package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
)

// A handler's call to the store, written once: the request's context in,
// and the store's error answered as a problem (fail) so that the handler
// only says what it does with the result.

// load calls the store with the request's context and arg; false when it
// has answered the store's error.
func load[A, T any](c *gin.Context, get func(ctx context.Context, arg A) (T, error), arg A) (T, bool) {
	v, err := get(c.Request.Context(), arg)
	if err != nil {
		fail(c, err)
		return v, false
	}
	return v, true
}

// show answers 200 with what get gives for arg.
func show[A, T any](c *gin.Context, get func(ctx context.Context, arg A) (T, error), arg A) {
	if v, ok := load(c, get, arg); ok {
		c.JSON(http.StatusOK, v)
	}
}

// showOne answers 200 with what get gives for the id in the path: a report
// on the entity (GET /drafts/:id/positions), or what an action on it did
// (POST /changes/:id/undo). No ETag: the answer has no version of its own.
func showOne[T any](c *gin.Context, get func(ctx context.Context, id int64) (T, error)) {
	if id, ok := pathID(c, "id"); ok {
		show(c, get, id)
	}
}

// loadByID loads what get gives for the id in the path; false when it has
// answered (a bad id, an error).
func loadByID[T any](c *gin.Context, get func(ctx context.Context, id int64) (T, error)) (T, bool) {
	id, ok := pathID(c, "id")
	if !ok {
		var zero T
		return zero, false
	}
	return load(c, get, id)
}

// readQuery reads a filter from the query string with read; false when a
// parameter was bad (and the 400 naming each is sent).
func readQuery[F any](c *gin.Context, read func(q *queryReader) F) (F, bool) {
	q := newQueryReader(c)
	f := read(q)
	return f, q.ok()
}
