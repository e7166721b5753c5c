package ui

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// errorPage is the page every failure shows: what went wrong in words, and
// for a validation failure each field's message.
type errorPage struct {
	Page
	Status  int
	Heading string
	Message string
	Errors  []models.FieldError
	// Instead links what to do instead, where there is something.
	Instead     string
	InsteadText string
}

// NotFound answers a path the UI does not serve with an HTML page. The
// engine's NoRoute calls it for every path outside the API.
//
// A path with a trailing slash is redirected to the path without it (the
// engine turns gin's own redirect off, so that the API can answer its own
// with a problem document).
func NotFound(c *gin.Context) {
	if target, status, ok := web.TrailingSlashRedirect(c); ok {
		c.Redirect(status, target)
		c.Abort()
		return
	}
	showError(c, http.StatusNotFound, loc(c).T("error.not_found.title"), loc(c).T("error.not_found.message"))
}

// MethodNotAllowed answers a known path with the wrong method, such as a
// GET on a form's target.
func MethodNotAllowed(c *gin.Context) {
	showError(c, http.StatusMethodNotAllowed, "Not allowed here",
		"This address does not take "+c.Request.Method+" requests. Go back and use the page's own links and buttons.")
}

func showError(c *gin.Context, status int, heading, message string) {
	render(c, status, "error", &errorPage{Page: Page{Title: heading}, Status: status, Heading: heading, Message: message})
	c.Abort()
}

// fail turns an error from the store into the right error page. Errors it
// does not know are logged with the request id and shown as a 500 that
// names the request id, never the error itself.
func fail(c *gin.Context, err error) {
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		render(c, http.StatusBadRequest, "error", &errorPage{Page: Page{Title: "Invalid request"},
			Status: http.StatusBadRequest, Heading: "Invalid request",
			Message: "Some of what was asked for is not valid:", Errors: verr.Errors})
		c.Abort()
	case errors.Is(err, store.ErrNotFound):
		showError(c, http.StatusNotFound, "Not found", capitalize(err.Error())+".")
	case errors.Is(err, store.ErrConflict), errors.Is(err, store.ErrDuplicate), errors.Is(err, store.ErrInUse):
		showError(c, http.StatusConflict, "Not possible", capitalize(err.Error())+".")
	case errors.Is(err, store.ErrInvalidQuery):
		showError(c, http.StatusBadRequest, "Invalid request", capitalize(err.Error())+".")
	case errors.Is(err, store.ErrReadOnly):
		web.Logger(c.Request.Context()).Warn("write refused: the database is read-only", "err", err)
		showError(c, http.StatusServiceUnavailable, "The database is read-only",
			"Nothing was changed: the database cannot be written at the moment. Everything can still be read and exported.")
	case errors.Is(err, store.ErrStorageFull):
		web.Logger(c.Request.Context()).Error("write failed: the database's disk is full", "err", err)
		showError(c, http.StatusInsufficientStorage, "The disk is full",
			"Nothing was saved: the database's disk is full. Everything can still be read; ask the operator to free space, then try again.")
	default:
		serverError(c, err)
	}
}

// serverError logs err and shows a 500 page. When even the error page
// cannot be rendered it falls back to plain text.
func serverError(c *gin.Context, err error) {
	if web.ClientGone(c) {
		web.AbortClientGone(c, err)
		return
	}
	web.Logger(c.Request.Context()).Error("ui request failed", "err", err,
		"method", c.Request.Method, "path", c.Request.URL.Path)
	const heading = "Something went wrong"
	msg := "Something went wrong on our side; it has been logged. Try again, or quote request " +
		c.GetString("request_id") + " when reporting it."
	t, ok := page("en", "error")
	data := &errorPage{Page: Page{Title: heading, Lang: "en", User: web.Actor(c), RequestID: c.GetString("request_id")},
		Status: http.StatusInternalServerError, Heading: heading, Message: msg}
	var buf strings.Builder
	if !ok || t.ExecuteTemplate(&buf, "layout.html", data) != nil {
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte(msg))
	} else {
		c.Data(http.StatusInternalServerError, "text/html; charset=utf-8", []byte(buf.String()))
	}
	c.Abort()
}

func recovery() gin.HandlerFunc {
	return gin.CustomRecovery(func(c *gin.Context, v any) {
		serverError(c, panicError{v})
	})
}

type panicError struct{ v any }

func (p panicError) Error() string {
	switch v := p.v.(type) {
	case error:
		return "panic: " + v.Error()
	case string:
		return "panic: " + v
	}
	return "panic"
}

// capitalize starts a store message ("not found: no draft 9") with a
// capital letter for a page.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// errBadForm is a posted form that cannot be read at all, such as one
// larger than the body cap.
var errBadForm = models.Invalid("form", "could not be read; it may be too large")

// postedForm reads the posted form into c.Request.PostForm; when it cannot
// be read it answers (errBadForm) and reports false.
func postedForm(c *gin.Context) bool {
	if err := c.Request.ParseForm(); err != nil {
		fail(c, errBadForm)
		return false
	}
	return true
}
