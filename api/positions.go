package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// PositionStore is what the position handlers need of the store: the
// parties' stated positions, and the reports that check drafts against
// them (who agrees).
type PositionStore interface {
	Positions(ctx context.Context, f store.PositionFilter) ([]models.Position, error)
	Position(ctx context.Context, id int64) (models.Position, error)
	CreatePosition(ctx context.Context, actor string, p models.Position) (models.Position, error)
	UpdatePosition(ctx context.Context, actor string, id int64, ifVersion int, patch models.PositionPatch) (models.Position, error)
	DeletePosition(ctx context.Context, actor string, id int64, ifVersion int) error
	DraftPositions(ctx context.Context, draftID int64) (models.DraftPositions, error)
	PartyRecord(ctx context.Context, partyID int64) (models.PartyRecord, error)
	StanceMap(ctx context.Context, draftID int64, category, party string) (models.StanceMap, error)
	Gaps(ctx context.Context, key string) (models.Gaps, error)
}

var positionQueryParams = []QueryParam{
	{"party", "string", "Only this party's positions (short name)"},
	{"key", "string", "Only positions on this provision key"},
}

// listPositions serves GET /positions?party=&key=.
func (a *API) listPositions(c *gin.Context) {
	listFiltered(c, func(q *queryReader) store.PositionFilter {
		return store.PositionFilter{Party: strings.ToUpper(q.text("party", 16)), Key: q.text("key", 80)}
	}, a.store.Positions)
}

// draftPositions serves GET /drafts/:id/positions: each provision of the
// draft with the positions on its key and their verdicts.
func (a *API) draftPositions(c *gin.Context) { showOne(c, a.store.DraftPositions) }

// partyRecord serves GET /parties/:id/record.
func (a *API) partyRecord(c *gin.Context) { showOne(c, a.store.PartyRecord) }

var stanceMapQueryParams = []QueryParam{
	{"category", "string", "Only provisions of this category"},
	{"party", "string", "Only this party's column, and the provisions it has a part in (short name)"},
}

// stanceMap serves GET /drafts/:id/stance-map?category=&party=.
func (a *API) stanceMap(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	q := newQueryReader(c)
	category := q.oneOf("category", models.Categories.Values())
	party := strings.ToUpper(q.text("party", 16))
	if !q.ok() {
		return
	}
	m, err := a.store.StanceMap(c.Request.Context(), id, category, party)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, m)
}

// gaps serves GET /gaps/:key.
func (a *API) gaps(c *gin.Context) {
	if key, ok := pathKey(c); ok {
		show(c, a.store.Gaps, key)
	}
}
