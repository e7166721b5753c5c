package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// Store is what signing in needs of the store.
type Store interface {
	Authenticate(ctx context.Context, username, password string) (models.User, error)
	CreateSession(ctx context.Context, userID int64) (string, error)
	Session(ctx context.Context, secret string, policy store.SessionPolicy) (store.Session, error)
	DeleteSession(ctx context.Context, secret string) error
	TokenUser(ctx context.Context, secret string) (models.User, models.Token, error)
}

// CookieName is the session cookie.
const CookieName = "plantracker_session"

// DefaultPolicy: signed out after 8 hours without a request, and after 7
// days in any case.
var DefaultPolicy = store.SessionPolicy{Idle: 8 * time.Hour, MaxAge: 7 * 24 * time.Hour}

// Authenticator finds out who makes each request: from an API token
// (Authorization: Bearer pt_…) or from the session cookie of a signed-in
// browser.
type Authenticator struct {
	Store  Store
	Policy store.SessionPolicy
	// SecureCookies marks every cookie Secure (the session's, the
	// pre-session CSRF token's, the UI's flash message). serve sets it when
	// PLANTRACKER_PUBLIC_URL is https: behind a proxy that ends TLS the
	// server sees plain HTTP. A request that does arrive over TLS gets
	// Secure cookies either way.
	SecureCookies bool
}

const (
	userKey    = "plantracker.user"
	csrfKey    = "plantracker.csrf"
	viaKey     = "plantracker.via"
	viaToken   = "token"
	viaSession = "session"
	secureKey  = "plantracker.secure"
)

// SecureCookie says whether cookies set on this response must be Secure:
// the request came over TLS, or the server is configured to be reached
// over https (Authenticator.SecureCookies).
func SecureCookie(c *gin.Context) bool {
	return c.Request.TLS != nil || c.GetBool(secureKey)
}

// Identify is the middleware that looks at the credentials of every
// request. It never refuses one: the surfaces decide what an anonymous or
// under-privileged request gets (401 or a redirect to sign in, 403).
// A request with a bad token is anonymous; one with an expired session
// cookie has the cookie cleared.
func (a *Authenticator) Identify() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		c.Set(authnKey, a) // for StillSignedIn, which long requests call
		if a.SecureCookies {
			c.Set(secureKey, true)
		}
		if h := c.GetHeader("Authorization"); h != "" {
			// The scheme is case-insensitive (RFC 9110 §11.1): "bearer"
			// and "BEARER" are "Bearer".
			if scheme, secret, ok := strings.Cut(strings.TrimSpace(h), " "); ok && strings.EqualFold(scheme, "Bearer") {
				if u, _, err := a.Store.TokenUser(ctx, strings.TrimSpace(secret)); err == nil {
					setUser(c, u, viaToken, "")
				} else if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
					Logger(ctx).Error("token lookup failed", "err", err)
				}
			}
		} else if cookie, err := c.Cookie(CookieName); err == nil && cookie != "" {
			sess, err := a.Store.Session(ctx, cookie, a.Policy)
			switch {
			case err == nil:
				setUser(c, sess.User, viaSession, sess.CSRF)
			case errors.Is(err, store.ErrNotFound):
				a.clearCookie(c)
			case ctx.Err() != nil: // the client went away
			default:
				Logger(ctx).Error("session lookup failed", "err", err)
			}
		}
		c.Next()
	}
}

func setUser(c *gin.Context, u models.User, via, csrf string) {
	c.Set(userKey, u)
	c.Set(viaKey, via)
	c.Set(csrfKey, csrf)
	SetActor(c, u.Username)
}

// User returns the signed-in user, if any.
func User(c *gin.Context) (models.User, bool) {
	v, ok := c.Get(userKey)
	if !ok {
		return models.User{}, false
	}
	u, ok := v.(models.User)
	return u, ok
}

// ViaSession reports whether the request is authenticated by a session
// cookie (a browser), which is what CSRF protection is for.
func ViaSession(c *gin.Context) bool { return c.GetString(viaKey) == viaSession }

// Allowed says whether the request may do what needs role: 0 when it may,
// else 401 (no one is signed in) or 403 (someone is, without the role).
func Allowed(c *gin.Context, role string) int {
	u, ok := User(c)
	switch {
	case !ok:
		return http.StatusUnauthorized
	case !u.Can(role):
		return http.StatusForbidden
	}
	return 0
}

// SignIn checks a username and password and starts a session; the cookie
// is set on the response.
func (a *Authenticator) SignIn(c *gin.Context, username, password string) (models.User, error) {
	u, err := a.Store.Authenticate(c.Request.Context(), username, password)
	if err != nil {
		return u, err
	}
	secret, err := a.Store.CreateSession(c.Request.Context(), u.ID)
	if err != nil {
		return u, err
	}
	a.setCookie(c, secret, int(a.Policy.MaxAge.Seconds()))
	return u, nil
}

// SignOut ends the request's session and clears the cookie.
func (a *Authenticator) SignOut(c *gin.Context) error {
	cookie, err := c.Cookie(CookieName)
	a.clearCookie(c)
	if err != nil || cookie == "" {
		return nil
	}
	return a.Store.DeleteSession(c.Request.Context(), cookie)
}

func (a *Authenticator) setCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: CookieName, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: a.SecureCookies || SecureCookie(c)})
}

func (a *Authenticator) clearCookie(c *gin.Context) { a.setCookie(c, "", -1) }
