package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// Every mutable row has a version; its ETag is that version, quoted.
// Writes honour If-Match: a stale one gets 412 and changes nothing.

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// ifMatch reads If-Match as the version the client expects: 0 when the
// header is absent or "*" (no check). A value that cannot be one of our
// ETags can never match, so it is answered 412 straight away; ok is false
// then and the problem has been sent.
func ifMatch(c *gin.Context) (version int, ok bool) {
	h := strings.TrimSpace(c.GetHeader("If-Match"))
	if h == "" || h == "*" {
		return 0, true
	}
	v := strings.TrimPrefix(h, "W/")
	if unq, err := strconv.Unquote(v); err == nil {
		v = unq
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		problem(c, http.StatusPreconditionFailed, "If-Match does not match the current ETag; fetch the resource again.")
		return 0, false
	}
	return n, true
}

// respondEntity sends one resource with its ETag. A GET whose If-None-Match
// names the current ETag gets 304 without a body.
func respondEntity(c *gin.Context, status int, body any, version int) {
	tag := etag(version)
	c.Header("ETag", tag)
	if c.Request.Method == http.MethodGet {
		for _, t := range strings.Split(c.GetHeader("If-None-Match"), ",") {
			if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/")); t == tag || t == "*" {
				c.Status(http.StatusNotModified)
				return
			}
		}
	}
	c.JSON(status, body)
}
