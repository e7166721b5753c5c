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

// showList answers 200 with the list get gives for arg, in its envelope.
func showList[A, T any](c *gin.Context, list func(ctx context.Context, arg A) ([]T, error), arg A) {
	if items, ok := load(c, list, arg); ok {
		c.JSON(http.StatusOK, listOf(items))
	}
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

// listByID serves GET /…/:id/… of the list that belongs to the entity
// with the id in the path (a plan's drafts).
func listByID[T any](list func(ctx context.Context, id int64) ([]T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if id, ok := pathID(c, "id"); ok {
			showList(c, list, id)
		}
	}
}

// listFiltered serves GET /…?… of a collection read through a filter,
// which read takes from the query string.
func listFiltered[F, T any](c *gin.Context, read func(q *queryReader) F, list func(ctx context.Context, f F) ([]T, error)) {
	if f, ok := readQuery(c, read); ok {
		showList(c, list, f)
	}
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
		createFrom(c, collection, bindJSON, func(ctx context.Context, actor string, in In) (T, error) {
			return create(ctx, actor, toEntity(in))
		})
	}
}

// createUnder serves POST /…/:id/…: createOne for an entity that belongs
// to the one with the id in the path (a draft's provision), which toEntity
// is given.
func createUnder[In any, T created](collection string, toEntity func(in In, parentID int64) T, create func(ctx context.Context, actor string, v T) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if parentID, ok := pathID(c, "id"); ok {
			createFrom(c, collection, bindJSON, func(ctx context.Context, actor string, in In) (T, error) {
				return create(ctx, actor, toEntity(in, parentID))
			})
		}
	}
}

// createFrom answers a POST that creates an entity: bind reads the body
// (an In), create makes the entity of it; the answer is 201 with the
// entity, its ETag and its Location under collection.
func createFrom[In any, T created](c *gin.Context, collection string, bind func(c *gin.Context, v any) bool, create func(ctx context.Context, actor string, in In) (T, error)) {
	var in In
	if !bind(c, &in) {
		return
	}
	v, err := create(c.Request.Context(), web.Actor(c), in)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", collection+"/"+strconv.FormatInt(v.RowID(), 10))
	respondEntity(c, http.StatusCreated, v, v.RowVersion())
}

// getOne serves GET /…/:id.
func getOne[T versioned](get func(ctx context.Context, id int64) (T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		if v, ok := loadByID(c, get); ok {
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
