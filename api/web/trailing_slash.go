package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// TrailingSlashRedirect says where a request for a path with a trailing
// slash ("/parties/") goes: the path without it, with the query, and the
// status (301 for GET and HEAD, 308 otherwise, which keeps the method and
// body). The surfaces answer it each in its own way (a problem document,
// an HTML redirect). ok is false for any other path, and for one whose
// target would leave this site ("//evil.example/" → "//evil.example").
func TrailingSlashRedirect(c *gin.Context) (target string, status int, ok bool) {
	p := c.Request.URL.Path
	if len(p) < 2 || !strings.HasSuffix(p, "/") {
		return "", 0, false
	}
	target = strings.TrimRight(p, "/")
	if target == "" || strings.HasPrefix(target, "//") || strings.HasPrefix(target, "/\\") {
		return "", 0, false
	}
	if q := c.Request.URL.RawQuery; q != "" {
		target += "?" + q
	}
	status = http.StatusMovedPermanently
	if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
		status = http.StatusPermanentRedirect
	}
	return target, status, true
}
