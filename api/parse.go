package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"

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
//
// The reading has parse.Timeout and stops when the client goes or the
// server shuts down: a text of more than parse.MaxPoints points is 422
// with a field error on text; a reading that runs out of time is 503 with
// Retry-After; a client gone is logged, not answered (499).
func (a *API) parse(c *gin.Context) {
	var in parse.Input
	if !bindJSON(c, &in) {
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), parse.Timeout)
	defer cancel()
	res, err := a.store.ParseDraftText(ctx, in)
	if err != nil {
		failParse(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

// failParse answers the parser's own errors; the rest go to fail.
func failParse(c *gin.Context, err error) {
	var tooMany *parse.TooManyPointsError
	switch {
	case errors.As(err, &tooMany):
		writeProblem(c, Problem{Status: http.StatusUnprocessableEntity, Title: "Text too long to read",
			Detail: tooMany.Error(), Errors: tooMany.Validation().Errors})
	case errors.Is(err, context.DeadlineExceeded) && !web.ClientGone(c):
		web.Logger(c.Request.Context()).Warn("parse ran out of time", "err", err)
		c.Header("Retry-After", "30")
		problem(c, http.StatusServiceUnavailable, "The text could not be read in the time a request may take; the server may be busy. Try again later, or send the draft in parts.")
	default:
		fail(c, err)
	}
}
