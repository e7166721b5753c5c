package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/ui/i18n"

	"plantracker/models"
	"plantracker/store"
)

// Problem is an RFC 9457 problem details object. Errors lists, for a
// validation failure, every field that failed and why.
type Problem struct {
	Type     string              `json:"type"`
	Title    string              `json:"title"`
	Status   int                 `json:"status"`
	Detail   string              `json:"detail,omitempty"`
	Instance string              `json:"instance,omitempty"`
	Errors   []models.FieldError `json:"errors,omitempty"`
}

// ProblemContentType is the media type of every error response.
const ProblemContentType = "application/problem+json"

// writeProblem sends a problem and stops the handler chain.
func writeProblem(c *gin.Context, p Problem) {
	if p.Type == "" {
		p.Type = "about:blank"
	}
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	localizeProblem(c, &p)
	if p.Instance == "" {
		p.Instance = c.Request.URL.Path
	}
	c.Header("Content-Type", ProblemContentType)
	c.Header("Cache-Control", "no-store")
	c.AbortWithStatusJSON(p.Status, p)
}

// problem sends a problem with a status and a detail.
func problem(c *gin.Context, status int, detail string) {
	writeProblem(c, Problem{Status: status, Detail: detail})
}

// fail turns an error from the store or the domain into the right problem.
// Errors it does not know are logged with the request id and answered with a
// bare 500: a database error never reaches a client.
func fail(c *gin.Context, err error) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		writeProblem(c, Problem{Status: http.StatusBadRequest, Title: "Invalid input",
			Detail: "Some fields are not valid; see errors.", Errors: verr.Errors})
	case errors.Is(err, store.ErrNotFound):
		problem(c, http.StatusNotFound, err.Error())
	case errors.Is(err, store.ErrConflict):
		status := http.StatusPreconditionFailed
		if c.GetHeader("If-Match") == "" {
			status = http.StatusConflict
		}
		problem(c, status, err.Error())
	case errors.Is(err, store.ErrDuplicate), errors.Is(err, store.ErrInUse), errors.Is(err, store.ErrLastAdmin):
		problem(c, http.StatusConflict, err.Error())
	case errors.Is(err, store.ErrInvalidQuery):
		problem(c, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrReadOnly):
		web.Logger(c.Request.Context()).Warn("write refused: the database is read-only", "err", err)
		c.Header("Retry-After", "300")
		problem(c, http.StatusServiceUnavailable, "The database is read-only: nothing was changed. Reading goes on working; writes will once the operator makes it writable again.")
	case errors.Is(err, store.ErrStorageFull):
		web.Logger(c.Request.Context()).Error("write failed: the database's disk is full", "err", err)
		problem(c, http.StatusInsufficientStorage, "The database's disk is full: nothing was saved. Reading goes on working; writes will once the operator frees space.")
	case web.ClientGone(c):
		web.AbortClientGone(c, err)
	default:
		web.Logger(c.Request.Context()).Error("request failed", "err", err,
			"method", c.Request.Method, "path", c.Request.URL.Path)
		problem(c, http.StatusInternalServerError, "Something went wrong on our side; it has been logged.")
	}
}

// problemTitles and problemDetails key the problems' fixed English titles
// and details in the catalog (ui/i18n): a client asking for Ukrainian
// (Accept-Language: uk) reads them in Ukrainian. The type stays the stable
// English URI (or about:blank) a client branches on, and details built
// from data (a store error naming a row) stay as they are.
var problemTitles = map[string]string{
	"Invalid input":         "problem.title.invalid_input",
	"Text too long to read": "problem.title.text_too_long",
}

var problemDetails = map[string]string{
	"Some fields are not valid; see errors.":                "problem.detail.invalid_fields",
	"Something went wrong on our side; it has been logged.": "problem.detail.server_error",
	"The database is read-only: nothing was changed. Reading goes on working; writes will once the operator makes it writable again.": "problem.detail.read_only",
	"The database's disk is full: nothing was saved. Reading goes on working; writes will once the operator frees space.":             "problem.detail.storage_full",
}

func localizeProblem(c *gin.Context, p *Problem) {
	lang := i18n.Choose("", c.GetHeader("Accept-Language"))
	if lang == i18n.English {
		return
	}
	l := i18n.For(lang)
	if key, ok := problemTitles[p.Title]; ok {
		p.Title = l.Or(key, p.Title)
	} else if p.Title == http.StatusText(p.Status) {
		p.Title = l.Or("problem.status."+strconv.Itoa(p.Status), p.Title)
	}
	if key, ok := problemDetails[p.Detail]; ok {
		p.Detail = l.Or(key, p.Detail)
	}
	c.Header("Content-Language", lang)
	c.Header("Vary", "Accept-Language")
}
