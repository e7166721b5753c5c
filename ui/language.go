package ui

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/i18n"
)

// The reader's language, from first to last say: the choice made in this
// browser (the header's English | Українська switch, kept in a cookie),
// else the choice kept on the signed-in user's account, else the best match
// of Accept-Language, else English.
//
// The browser's cookie goes before the account: it is the choice made
// where the reader is reading (someone who switched a shared office
// machine to English keeps it there, whatever their account says), and a
// switch made signed in sets both anyway. The account is what a new
// browser starts from: signing in sets the cookie from it (see
// adoptAccountLanguage).

// LanguageStore keeps a signed-in user's choice of language on their
// account.
type LanguageStore interface {
	SetLanguage(ctx context.Context, actor, username, language string) (models.User, error)
}

// pageLanguage is the language of the request's page.
func pageLanguage(c *gin.Context) string {
	choice := languageCookie(c)
	if me, ok := web.User(c); ok && choice == "" {
		choice = me.Language
	}
	return i18n.Choose(choice, c.GetHeader("Accept-Language"))
}

// languageCookie is the language chosen in this browser, "" if none (or
// none the UI speaks).
func languageCookie(c *gin.Context) string {
	if ck, err := c.Request.Cookie(i18n.CookieName); err == nil && i18n.Supported(ck.Value) {
		return ck.Value
	}
	return ""
}

// setLanguageCookie keeps a choice in this browser for a year.
func setLanguageCookie(c *gin.Context, lang string) {
	http.SetCookie(c.Writer, &http.Cookie{Name: i18n.CookieName, Value: lang, Path: "/",
		MaxAge: int((365 * 24 * time.Hour).Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: web.SecureCookie(c)})
}

// adoptAccountLanguage, on sign-in, gives a browser that has made no
// choice the one kept on the account, so that the user need not choose
// again on every new browser.
func adoptAccountLanguage(c *gin.Context, u models.User) {
	if languageCookie(c) == "" && i18n.Supported(u.Language) {
		setLanguageCookie(c, u.Language)
	}
}

// setLanguage keeps the reader's choice of language in a cookie and, when
// they are signed in, on their account too (any role: it is their own
// preference, not the data), and goes back to the page it was made on. A
// store opened read-only keeps it in the browser alone.
func (u *UI) setLanguage(c *gin.Context) {
	lang := c.PostForm("lang")
	if !i18n.Supported(lang) {
		showError(c, http.StatusBadRequest, loc(c).T("language.unknown.title"), loc(c).T("language.unknown.message"))
		return
	}
	if me, ok := web.User(c); ok {
		if ro, _ := u.store.ReadOnly(); !ro {
			if _, err := u.store.SetLanguage(c.Request.Context(), me.Username, me.Username, lang); err != nil {
				fail(c, err)
				return
			}
		}
	}
	setLanguageCookie(c, lang)
	next := c.PostForm("next")
	if strings.HasPrefix(next, "/login") {
		next = "/login" + strings.TrimPrefix(safeNext(strings.Replace(next, "/login", "/x", 1)), "/x")
	} else {
		next = safeNext(next)
	}
	seeOther(c, next)
}
