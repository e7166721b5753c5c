package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
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
//
// BREACH: pages are gzip-compressed, and some reflect what the request
// says (/search?q=, /drafts/N?q=) beside the token. An attacker who can
// make a victim's browser load such pages with chosen queries, and see
// the compressed sizes, could learn a fixed token a character at a time.
// So a page never carries the token itself: CSRFToken gives it masked
// afresh on every call (a random mask, then the token XOR the mask,
// base64url), and CSRFValid unmasks before comparing. The compressed size
// then says nothing about the token. Compression stays on for every page:
// turning it off where input is reflected would have to know every such
// page, now and later; the mask protects them all.

// CSRFField is the form field that carries the token.
const CSRFField = "csrf_token"

// CSRFHeader is the header that may carry it instead.
const CSRFHeader = "X-CSRF-Token"

// PreSessionCookie holds the CSRF token of a browser not signed in.
const PreSessionCookie = "plantracker_csrf"

// CSRFToken returns the token the request's forms must carry: the
// session's, or for a browser not signed in, its pre-session token (set as
// a cookie the first time a page asks for it).
// The token is masked afresh on every call (see BREACH above).
func CSRFToken(c *gin.Context) string {
	if t := c.GetString(csrfKey); t != "" {
		return maskToken(t)
	}
	if t, err := c.Cookie(PreSessionCookie); err == nil && len(t) >= 32 {
		return maskToken(t)
	}
	t := newSecretToken()
	http.SetCookie(c.Writer, &http.Cookie{Name: PreSessionCookie, Value: t, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: SecureCookie(c)})
	c.Set(csrfKey, t)
	return maskToken(t)
}

// maskToken returns base64url(mask ‖ token XOR mask) with a fresh random
// mask as long as the token.
func maskToken(token string) string {
	buf := make([]byte, 2*len(token))
	mask, masked := buf[:len(token)], buf[len(token):]
	_, _ = rand.Read(mask) // crypto/rand never fails on supported platforms
	for i := range len(token) {
		masked[i] = token[i] ^ mask[i]
	}
	return base64.RawURLEncoding.EncodeToString(buf)
}

// unmaskToken undoes maskToken; ok is false for anything maskToken could
// not have made.
func unmaskToken(s string) (string, bool) {
	buf, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(buf) == 0 || len(buf)%2 != 0 {
		return "", false
	}
	n := len(buf) / 2
	out := make([]byte, n)
	for i := range n {
		out[i] = buf[i] ^ buf[n+i]
	}
	return string(out), true
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
	if len(want) < 32 {
		return false
	}
	// A page's masked token, or the token itself (a script that read it
	// from the session, as the tests do).
	if t, ok := unmaskToken(got); ok && subtle.ConstantTimeCompare([]byte(t), []byte(want)) == 1 {
		return true
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
