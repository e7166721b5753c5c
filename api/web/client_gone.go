package web

import (
	"github.com/gin-gonic/gin"
)

// StatusClientClosedRequest is nginx's 499: the client went away before
// the answer was ready. Nothing is sent (no one is listening); the status
// is what the access log records, so that a load generator stopping or a
// browser navigating away is not counted as a server error.
const StatusClientClosedRequest = 499

// ClientGone reports whether a request failed because its client went
// away: its context has ended (the connection closed, or the server is
// shutting down), so whatever error the work returned is that, most often
// context.Canceled or the database driver's interruption.
func ClientGone(c *gin.Context) bool {
	return c.Request.Context().Err() != nil
}

// AbortClientGone ends a request whose client has gone, logging the error
// the work returned at Info level: nothing went wrong on the server.
func AbortClientGone(c *gin.Context, err error) {
	Logger(c.Request.Context()).Info("client went away before the answer", "err", err,
		"method", c.Request.Method, "path", c.Request.URL.Path)
	c.AbortWithStatus(StatusClientClosedRequest)
}
