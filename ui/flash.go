package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
)

// A flash is the one-line message the page after a redirect shows ("Saved
// the troop cap."). It travels in a short-lived cookie rather than in the
// URL, so the URL a person shares is the page, not the message. When
// sessions arrive it can move into the session here, in one place.

const flashCookie = "plantracker_flash"

// setFlash leaves a message for the next page the browser loads.
func setFlash(c *gin.Context, msg string) {
	http.SetCookie(c.Writer, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(msg), Path: "/",
		MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: web.SecureCookie(c)})
}

// takeFlash reads and clears the message, so it shows once.
func takeFlash(c *gin.Context) string {
	raw, err := c.Cookie(flashCookie)
	if err != nil || raw == "" {
		return ""
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: web.SecureCookie(c)})
	msg, err := url.QueryUnescape(raw)
	if err != nil {
		return ""
	}
	if len(msg) > 300 {
		msg = strings.ToValidUTF8(msg[:300], "") // not half a letter: a Ukrainian one is two bytes
	}
	return msg
}
