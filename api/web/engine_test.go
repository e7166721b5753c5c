package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// The engine answers a request no route takes with the surface that owns
// its path (a trailing slash included: gin's own HTML redirect is off), sets
// the shared headers on every answer, and compresses all but the streams.
func TestEngine(t *testing.T) {
	a, _ := newAuthenticator(t)
	big := strings.Repeat("provision ", 1000)
	api := Surface{
		Mount: func(r gin.IRouter) {
			r.GET("/api/page", func(c *gin.Context) { c.String(200, big) })
			r.GET("/api/stream", func(c *gin.Context) { c.String(200, big) })
		},
		Owns:             func(path string) bool { return strings.HasPrefix(path, "/api/") },
		NotFound:         func(c *gin.Context) { c.String(404, "api: no such route") },
		MethodNotAllowed: func(c *gin.Context) { c.String(405, "api: not that method") },
		Streams:          []string{"/api/stream"},
	}
	pages := Surface{
		Mount:    func(r gin.IRouter) { r.GET("/page", func(c *gin.Context) { c.String(200, "a page") }) },
		NotFound: func(c *gin.Context) { c.String(404, "pages: not found") },
	}
	r, err := NewEngine(EngineConfig{Authenticator: a}, api, pages)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		wantStatus   int
		wantBody     string
		wantGzip     bool
	}{
		{"GET", "/api/nothing", 404, "api: no such route", false},
		{"GET", "/api/page/", 404, "api: no such route", false},
		{"POST", "/api/page", 405, "api: not that method", false},
		{"GET", "/nothing", 404, "pages: not found", false},
		{"GET", "/page/", 404, "pages: not found", false},
		{"POST", "/page", 405, "", false}, // the pages surface answers no 405 of its own
		{"GET", "/api/page", 200, "", true},
		{"GET", "/api/stream", 200, big, false},
	}
	for _, tt := range tests {
		w := serve(r, tt.method, tt.path, "", "Accept-Encoding", "gzip")
		if w.Code != tt.wantStatus || tt.wantBody != "" && w.Body.String() != tt.wantBody {
			t.Errorf("%s %s: %d %.40q, want %d %.40q", tt.method, tt.path, w.Code, w.Body, tt.wantStatus, tt.wantBody)
		}
		if gz := w.Header().Get("Content-Encoding") == "gzip"; gz != tt.wantGzip {
			t.Errorf("%s %s: compressed %v, want %v", tt.method, tt.path, gz, tt.wantGzip)
		}
		if w.Header().Get(RequestIDHeader) == "" || w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s: no request id or security headers: %v", tt.method, tt.path, w.Header())
		}
	}
}

func TestEngineRefusesBadConfig(t *testing.T) {
	if _, err := NewEngine(EngineConfig{}); err == nil {
		t.Error("an engine without an authenticator")
	}
	a, _ := newAuthenticator(t)
	if _, err := NewEngine(EngineConfig{Authenticator: a, TrustedProxies: []string{"proxy.example"}}); err == nil {
		t.Error("a trusted proxy that is no address")
	}
}

// The body limit applies to every request: reading past it fails.
func TestEngineBodyLimit(t *testing.T) {
	a, _ := newAuthenticator(t)
	r, err := NewEngine(EngineConfig{Authenticator: a, BodyLimit: 10}, Surface{Mount: func(r gin.IRouter) {
		r.POST("/echo", func(c *gin.Context) {
			if _, err := c.GetRawData(); err != nil {
				c.String(http.StatusRequestEntityTooLarge, "too large")
				return
			}
			c.String(200, "ok")
		})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if w := serve(r, "POST", "/echo", "short"); w.Code != 200 {
		t.Errorf("a short body: %d", w.Code)
	}
	if w := serve(r, "POST", "/echo", "a body past the limit"); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a long body: %d", w.Code)
	}
}
