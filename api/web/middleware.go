package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"
)

// The middleware both surfaces share: a request id on every request and log
// line, an access log, security headers and a cap on request bodies.

// RequestIDHeader carries the request id in and out.
const RequestIDHeader = "X-Request-ID"

type loggerKey struct{}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// RequestID gives every request an id (the caller's, if it sent a sane one)
// and a logger that prints it, reachable through Logger(ctx).
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(RequestIDHeader)
		if !requestIDPattern.MatchString(id) {
			id = newID()
		}
		c.Set("request_id", id)
		c.Header(RequestIDHeader, id)
		logger := slog.Default().With("request_id", id)
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), loggerKey{}, logger))
		c.Next()
	}
}

// Logger returns the request's logger, or the default one outside requests.
func Logger(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.Default()
}

// AccessLog logs one line per request, after it is served.
func AccessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		Logger(c.Request.Context()).Info("request",
			"method", c.Request.Method, "path", c.Request.URL.Path, "status", c.Writer.Status(),
			"bytes", c.Writer.Size(), "duration_ms", float64(time.Since(start).Microseconds())/1000,
			"actor", Actor(c))
	}
}

// MaxBodyBytes caps every request body; reading past it fails, and the
// handlers answer 413.
func MaxBodyBytes(limit int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.Body != nil {
			c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		}
		c.Next()
	}
}

// SecurityHeaders sets the headers every response carries: no script but
// our own, no framing, no MIME sniffing, no referrer leaking across sites.
func SecurityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		c.Next()
	}
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// newSecretToken returns 32 random bytes, URL-safe.
func newSecretToken() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b[:])
}
