package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
)

// SourceStore is what the source handlers need of the store.
type SourceStore interface {
	Sources(ctx context.Context) ([]models.Source, error)
	Source(ctx context.Context, id int64) (models.Source, error)
	CreateSource(ctx context.Context, actor string, s models.Source) (models.Source, error)
	UpdateSource(ctx context.Context, actor string, id int64, ifVersion int, patch models.SourcePatch) (models.Source, error)
	DeleteSource(ctx context.Context, actor string, id int64, ifVersion int) error
}

func (a *API) listSources(c *gin.Context) {
	sources, err := a.store.Sources(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(sources))
}

func (a *API) createSource(c *gin.Context) {
	var in models.SourceInput
	if !bindJSON(c, &in) {
		return
	}
	s, err := a.store.CreateSource(c.Request.Context(), auth.Actor(c), in.Source())
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/sources/"+strconv.FormatInt(s.ID, 10))
	respondEntity(c, http.StatusCreated, s, s.Version)
}
