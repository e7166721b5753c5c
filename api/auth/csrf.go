package auth

import (
	"crypto/subtle"
	"net/http"

	"github.com/gin-gonic/gin"
)

// CSRF protection for browsers: every session has a random token, forms
// carry it in a hidden field (CSRFField), and a state-changing request
// authenticated by the session cookie must send it back, in the form or in
// the X-CSRF-Token header. Requests with an API token carry no cookie a
// third-party page could ride on, and need none.

// CSRFField is the form field that carries the token.
const CSRFField = "csrf_token"

// CSRFHeader is the header that may carry it instead.
const CSRFHeader = "X-CSRF-Token"

// CSRFToken returns the token the request's forms must carry ("" when no
// one is signed in).
func CSRFToken(c *gin.Context) string { return c.GetString(csrfKey) }

// CSRFValid reports whether a request may change state: safe methods always
// may; others authenticated by a session cookie must carry its token.
func CSRFValid(c *gin.Context) bool {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	if !ViaSession(c) {
		return true
	}
	want := CSRFToken(c)
	got := c.GetHeader(CSRFHeader)
	if got == "" {
		got = c.PostForm(CSRFField)
	}
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
