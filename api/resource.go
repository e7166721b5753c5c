package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
)

// The handlers every versioned resource has alike (list them, create one,
// get one, change one, delete one), written once. Each reads straight down: the id from the
// path, the expected version from If-Match, the body, the store, the answer
// with its ETag.

// versioned is an entity with a row version, sent as its ETag.
type versioned interface{ RowVersion() int }

// List is the envelope of every list that is not paginated.
type List[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

func listOf[T any](items []T) List[T] {
	if items == nil {
		items = []T{}
	}
	return List[T]{Items: items, Total: len(items)}
}

// listAll serves GET /… of a collection read whole.
func listAll[T any](list func(ctx context.Context) ([]T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		items, err := list(c.Request.Context())
		if err != nil {
			fail(c, err)
			return
		}
		c.JSON(http.StatusOK, listOf(items))
	}
}

// listFiltered serves GET /…?… of a collection read through a filter,
// which read takes from the query string.
func listFiltered[F, T any](c *gin.Context, read func(q *queryReader) F, list func(ctx context.Context, f F) ([]T, error)) {
	q := newQueryReader(c)
	f := read(q)
	if !q.ok() {
		return
	}
	listAll(func(ctx context.Context) ([]T, error) { return list(ctx, f) })(c)
}

// showOne serves GET /…/:id of a report on the entity with id (no ETag:
// the report has no version of its own).
func showOne[T any](c *gin.Context, show func(ctx context.Context, id int64) (T, error)) {
	if v, ok := readByID(c, show); ok {
		c.JSON(http.StatusOK, v)
	}
}

// readByID reads what get gives for the id in the path; false when it has
// answered (a bad id, an error).
func readByID[T any](c *gin.Context, get func(ctx context.Context, id int64) (T, error)) (T, bool) {
	var v T
	id, ok := pathID(c, "id")
	if !ok {
		return v, false
	}
	v, err := get(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return v, false
	}
	return v, true
}

// idAndVersion reads the id in the path and the version If-Match expects
// of it (0: any; get reads the current one for an If-Match list); false
// when it has answered.
func idAndVersion[T versioned](c *gin.Context, get func(ctx context.Context, id int64) (T, error)) (id int64, version int, ok bool) {
	if id, ok = pathID(c, "id"); !ok {
		return 0, 0, false
	}
	version, ok = ifMatch(c, id, versionOf(get))
	return id, version, ok
}

// created is an entity whose id names it under its collection's path.
type created interface {
	versioned
	RowID() int64
}

// createOne serves POST collection: the body is an input of type In, made
// into a T by toEntity; the answer is 201 with the new entity's Location.
func createOne[In any, T created](collection string, toEntity func(In) T, create func(ctx context.Context, actor string, v T) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		var in In
		if !bindJSON(c, &in) {
			return
		}
		v, err := create(c.Request.Context(), web.Actor(c), toEntity(in))
		if err != nil {
			fail(c, err)
			return
		}
		c.Header("Location", collection+"/"+strconv.FormatInt(v.RowID(), 10))
		respondEntity(c, http.StatusCreated, v, v.RowVersion())
	}
}

// getOne serves GET /…/:id.
func getOne[T versioned](get func(ctx context.Context, id int64) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if v, ok := readByID(c, get); ok {
			respondEntity(c, http.StatusOK, v, v.RowVersion())
		}
	}
}

// updateOne serves PATCH /…/:id with a patch of type P; get reads the
// current version for an If-Match list.
func updateOne[P any, T versioned](get func(ctx context.Context, id int64) (T, error), update func(ctx context.Context, actor string, id int64, ifVersion int, patch P) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, version, ok := idAndVersion(c, get)
		if !ok {
			return
		}
		var patch P
		if !bindJSON(c, &patch) {
			return
		}
		v, err := update(c.Request.Context(), web.Actor(c), id, version, patch)
		if err != nil {
			fail(c, err)
			return
		}
		respondEntity(c, http.StatusOK, v, v.RowVersion())
	}
}

// deleteOne serves DELETE /…/:id; get reads the current version for an
// If-Match list.
func deleteOne[T versioned](get func(ctx context.Context, id int64) (T, error), del func(ctx context.Context, actor string, id int64, ifVersion int) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, version, ok := idAndVersion(c, get)
		if !ok {
			return
		}
		if err := del(c.Request.Context(), web.Actor(c), id, version); err != nil {
			fail(c, err)
			return
		}
		c.Status(http.StatusNoContent)
	}
}
