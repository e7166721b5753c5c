package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/ui/i18n"
)

// setLanguage keeps the reader's choice of language (the header's
// English | Українська switch) in a cookie for a year and goes back to the
// page it was made on. The choice is the browser's, signed in or not: the
// users table has no column for it (a migration on both stores for one
// preference was not worth it yet), so a new browser starts from its
// Accept-Language again.
func (u *UI) setLanguage(c *gin.Context) {
	lang := c.PostForm("lang")
	if !i18n.Supported(lang) {
		showError(c, http.StatusBadRequest, loc(c).T("language.unknown.title"), loc(c).T("language.unknown.message"))
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: i18n.CookieName, Value: lang, Path: "/",
		MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: web.SecureCookie(c)})
	next := c.PostForm("next")
	if strings.HasPrefix(next, "/login") {
		next = "/login" + strings.TrimPrefix(safeNext(strings.Replace(next, "/login", "/x", 1)), "/x")
	} else {
		next = safeNext(next)
	}
	seeOther(c, next)
}
