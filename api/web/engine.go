package web

import (
	"fmt"
	"net/http"

	"github.com/gin-contrib/gzip"
	"github.com/gin-gonic/gin"
)

// EngineConfig is what the engine needs besides the surfaces it serves.
type EngineConfig struct {
	// Authenticator finds who is asking (a session cookie, a bearer
	// token) on every request. Required.
	Authenticator *Authenticator
	// TrustedProxies are the reverse proxies (IPs or CIDRs) whose
	// X-Forwarded-For and X-Real-IP ClientIP believes (the sign-in and
	// public-route limits' address, the access log); with none, it is the
	// connection's address.
	TrustedProxies []string
	// BodyLimit caps every request body; 0 is DefaultBodyLimit.
	BodyLimit int64
}

// DefaultBodyLimit caps request bodies: far above any provision or form,
// far below what would strain memory.
const DefaultBodyLimit = 1 << 20

// Surface is one of what the engine serves (the API, the UI): its routes,
// and its answers to the requests no route takes.
type Surface struct {
	// Mount registers the surface's routes, with its own middleware.
	Mount func(r gin.IRouter)
	// Owns says whether an unrouted path is this surface's to answer; nil
	// owns every path. The first surface that owns a path answers it.
	Owns func(path string) bool
	// NotFound answers an unknown path the surface owns, a trailing slash
	// included (the engine leaves gin's HTML redirect off);
	// MethodNotAllowed a known path asked with another method. Nil: a
	// bare 404 or 405.
	NotFound, MethodNotAllowed gin.HandlerFunc
	// Streams are paths whose answers go out as they are written (event
	// streams): never compressed, which would hold them back.
	Streams []string
}

// NewEngine builds the one Gin engine Plantracker serves, in main and in
// every test harness: the shared middleware in the order it runs, then the
// surfaces mounted on it.
//
// The order: recovery (a panic outside a surface's own recovery is a 500,
// not a dead connection); the request id, which the access log and every
// later log line carry; the access log, which times everything after it;
// the security headers; compression; the body limit; and who is asking.
// Rate limits belong to the routes they guard (sign-in, the public API
// routes), mounted by the surfaces.
func NewEngine(cfg EngineConfig, surfaces ...Surface) (*gin.Engine, error) {
	if cfg.Authenticator == nil {
		return nil, fmt.Errorf("web.NewEngine: no Authenticator")
	}
	limit := cfg.BodyLimit
	if limit == 0 {
		limit = DefaultBodyLimit
	}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// A trailing slash is answered by NotFound of the surface that owns
	// the path: gin's own redirect answers HTML, where the API answers
	// problem documents.
	r.RedirectTrailingSlash = false
	if err := r.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	var streams []string
	for _, s := range surfaces {
		streams = append(streams, s.Streams...)
	}
	r.Use(gin.Recovery(), RequestID(), AccessLog(), SecurityHeaders(), compression(streams),
		MaxBodyBytes(limit), cfg.Authenticator.Identify())
	for _, s := range surfaces {
		if s.Mount != nil {
			s.Mount(r)
		}
	}
	r.NoRoute(unrouted(surfaces, func(s Surface) gin.HandlerFunc { return s.NotFound }, http.StatusNotFound))
	r.NoMethod(unrouted(surfaces, func(s Surface) gin.HandlerFunc { return s.MethodNotAllowed }, http.StatusMethodNotAllowed))
	return r, nil
}

// unrouted answers a request no route takes with the handler of the first
// surface that owns its path, or a bare status.
func unrouted(surfaces []Surface, handler func(Surface) gin.HandlerFunc, status int) gin.HandlerFunc {
	return func(c *gin.Context) {
		for _, s := range surfaces {
			if s.Owns != nil && !s.Owns(c.Request.URL.Path) {
				continue
			}
			if h := handler(s); h != nil {
				h(c)
				return
			}
			break
		}
		c.AbortWithStatus(status)
	}
}

// compression gzips responses for clients that accept it: pages of 20 to
// 80 KiB, JSON and the static files shrink to a fifth. What is compressed
// already (PNG charts, PDF, ZIP and XLSX downloads) goes as it is, and so
// do the streams, which must reach the client as they are written. Error
// responses go uncompressed (the middleware's choice).
func compression(streams []string) gin.HandlerFunc {
	return gzip.Gzip(gzip.DefaultCompression,
		gzip.WithExcludedExtensions([]string{".png", ".gif", ".jpg", ".jpeg", ".pdf", ".zip", ".xlsx"}),
		gzip.WithExcludedPaths(streams))
}
