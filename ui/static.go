package ui

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/ui/notices"
)

// The static files (one stylesheet, one script, an icon) are embedded and
// served under /static/. Pages link them with a hash of their content in
// the query (?v=…), so they can be cached for a year: a changed file gets a
// new URL.

//go:embed static
var staticFS embed.FS

// assetHashes maps a static file name to a short hash of its content.
var assetHashes = hashAssets()

func hashAssets() map[string]string {
	out := map[string]string{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		panic("ui: reading embedded static files: " + err.Error())
	}
	return out
}

// assetURL is the URL of a static file, versioned by its content.
func assetURL(name string) string {
	if h, ok := assetHashes[name]; ok {
		return "/static/" + name + "?v=" + h
	}
	return "/static/" + name
}

// serveStatic serves GET /static/*path.
func serveStatic(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean(c.Param("path")), "/")
	h, ok := assetHashes[name]
	if !ok {
		NotFound(c)
		return
	}
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil {
		NotFound(c)
		return
	}
	etag := `"` + h + `"`
	if c.Query("v") == h {
		c.Header("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Header("Cache-Control", "no-cache")
	}
	c.Header("ETag", etag)
	if c.GetHeader("If-None-Match") == etag {
		c.Status(http.StatusNotModified)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	c.Data(http.StatusOK, ctype, b)
}

// serveNotices is the licences of what the binary carries (the Go modules
// compiled in, the PDF fonts among them), as plain text: what those
// licences ask every copy to show its user.
func serveNotices(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=86400")
	c.String(http.StatusOK, notices.Text())
}
