package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
)

// PartyStore is what the party handlers need of the store.
type PartyStore interface {
	Parties(ctx context.Context) ([]models.Party, error)
	Party(ctx context.Context, id int64) (models.Party, error)
	CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error)
	UpdateParty(ctx context.Context, actor string, id int64, ifVersion int, patch models.PartyPatch) (models.Party, error)
	DeleteParty(ctx context.Context, actor string, id int64, ifVersion int) error
}

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

func (a *API) listParties(c *gin.Context) {
	parties, err := a.store.Parties(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(parties))
}

func (a *API) createParty(c *gin.Context) {
	var in models.PartyInput
	if !bindJSON(c, &in) {
		return
	}
	p, err := a.store.CreateParty(c.Request.Context(), auth.Actor(c), in.Party())
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/parties/"+strconv.FormatInt(p.ID, 10))
	respondEntity(c, http.StatusCreated, p, p.Version)
}
