package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/models/parse"
)

// ParseStore is what reading a draft's text needs of the store.
type ParseStore interface {
	ParseDraftText(ctx context.Context, in parse.Input) (parse.Result, error)
}

// parse serves POST /parse: the provisions a draft's text proposes, with
// their kinds, terms, keys matched to the base draft, confidence and notes.
// It saves nothing; POST /plans/{id}/drafts with provisions saves the
// reviewed ones.
func (a *API) parse(c *gin.Context) {
	var in parse.Input
	if !bindJSON(c, &in) {
		return
	}
	res, err := a.store.ParseDraftText(c.Request.Context(), in)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}
