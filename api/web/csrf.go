package web

import (
	"crypto/subtle"
	"net/http"

	"github.com/gin-gonic/gin"
)

// CSRF protection for browsers: every session has a random token, forms
// carry it in a hidden field (CSRFField), and a state-changing request
// authenticated by the session cookie must send it back, in the form or in
// the X-CSRF-Token header. Before signing in (the sign-in form itself) the
// token lives in a cookie of its own and the form must repeat it (a double
// submit: another site can make a browser send the cookie, but cannot read
// it to put it in the form). Requests with an API token carry no cookie a
// third-party page could ride on, and need none.

// CSRFField is the form field that carries the token.
const CSRFField = "csrf_token"

// CSRFHeader is the header that may carry it instead.
const CSRFHeader = "X-CSRF-Token"

// PreSessionCookie holds the CSRF token of a browser not signed in.
const PreSessionCookie = "plantracker_csrf"

// CSRFToken returns the token the request's forms must carry: the
// session's, or for a browser not signed in, its pre-session token (set as
// a cookie the first time a page asks for it).
func CSRFToken(c *gin.Context) string {
	if t := c.GetString(csrfKey); t != "" {
		return t
	}
	if t, err := c.Cookie(PreSessionCookie); err == nil && len(t) >= 32 {
		return t
	}
	t := newSecretToken()
	http.SetCookie(c.Writer, &http.Cookie{Name: PreSessionCookie, Value: t, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: SecureCookie(c)})
	c.Set(csrfKey, t)
	return t
}

// CSRFValid reports whether a request may change state: safe methods and
// API-token requests always may; others must carry the session's token, or
// without a session, the pre-session cookie's.
func CSRFValid(c *gin.Context) bool {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	if c.GetString(viaKey) == viaToken {
		return true
	}
	want := c.GetString(csrfKey)
	if !ViaSession(c) {
		want, _ = c.Cookie(PreSessionCookie)
	}
	got := c.GetHeader(CSRFHeader)
	if got == "" {
		got = c.PostForm(CSRFField)
	}
	return len(want) >= 32 && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
