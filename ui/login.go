package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// Signing in and out, and the check every page makes: who is asking, and
// may they?

type loginPage struct {
	Page
	Username string
	Next     string
	Error    string
}

// requireRole lets a request through when its user has role. Someone not
// signed in is sent to the sign-in page, and brought back afterwards; a
// signed-in user without the role gets a 403 page that says why.
func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		switch web.Allowed(c, role) {
		case 0:
			c.Next()
		case http.StatusUnauthorized:
			next := c.Request.URL.RequestURI()
			if c.Request.Method != http.MethodGet {
				next = c.GetHeader("Referer")
			}
			c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(safeNext(next)))
			c.Abort()
		default:
			u, _ := web.User(c)
			showError(c, http.StatusForbidden, "Not allowed for your role",
				"You are signed in as "+u.Username+", a "+models.UserRoles.Label(u.Role)+
					"; this needs "+models.UserRoles.Label(role)+". Ask an admin if you need more.")
		}
	}
}

// safeNext keeps a post-sign-in redirect on this site: a path, never
// another origin ("//evil.example" or "https://…").
func safeNext(next string) string {
	if u, err := url.Parse(next); err == nil && u.Host == "" && u.Scheme == "" {
		next = u.RequestURI()
	} else {
		return "/"
	}
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/login") {
		return "/"
	}
	return next
}

func (u *UI) showLogin(c *gin.Context) {
	if _, ok := web.User(c); ok {
		c.Redirect(http.StatusSeeOther, safeNext(c.Query("next")))
		return
	}
	render(c, http.StatusOK, "login", &loginPage{Page: Page{Title: loc(c).T("layout.signin")}, Next: safeNext(c.Query("next"))})
}

// login checks the password, within the rate limits, and starts a session.
func (u *UI) login(c *gin.Context) {
	username := models.NormalizeUsername(c.PostForm("username"))
	next := safeNext(c.PostForm("next"))
	again := func(status int, msg string) {
		render(c, status, "login", &loginPage{Page: Page{Title: loc(c).T("layout.signin")}, Username: username, Next: next, Error: msg})
	}
	addr := c.ClientIP()
	if !u.logins.Allow(username, addr) {
		logFailedSignIn(c, "rate limited", username, addr)
		again(http.StatusTooManyRequests, loc(c).T("login.too_many"))
		return
	}
	me, err := u.authn.SignIn(c, username, c.PostForm("password"))
	switch {
	case errors.Is(err, store.ErrBadCredentials):
		logFailedSignIn(c, "wrong username or password", username, addr)
		again(http.StatusUnauthorized, loc(c).T("login.wrong"))
	case err != nil:
		fail(c, err) // a read-only or full database says so
	default:
		u.logins.Succeeded(username, addr) // its owner's address: see web.SignInLimiter
		adoptAccountLanguage(c, me)
		c.Redirect(http.StatusSeeOther, next)
	}
}

// logFailedSignIn leaves a line for every refused sign-in, with the
// address and the username tried, so that an operator (or fail2ban) sees
// guessing. The username is logged as typed: slog quotes it, so control
// characters in it cannot forge log lines.
func logFailedSignIn(c *gin.Context, reason, username, addr string) {
	web.Logger(c.Request.Context()).Warn("sign-in failed", "reason", reason, "username", username, "addr", addr)
}

// logout ends the session; the pages already seen are not kept by the
// browser (every page is sent with Cache-Control: no-store), so going back
// shows the sign-in page, not the data.
func (u *UI) logout(c *gin.Context) {
	if err := u.authn.SignOut(c); err != nil {
		serverError(c, err)
		return
	}
	seeOtherSaying(c, "/login", loc(c).T("flash.signed_out"))
}
