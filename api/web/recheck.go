package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/gin-gonic/gin"
)

// A request that lasts (an event stream) must not outlive its credential:
// a token revoked, a session signed out, a password reset, a user removed
// or demoted. Identify checks the credential when the request arrives;
// StillSignedIn checks it again, as often as the request asks.

const authnKey = "plantracker.authn"

// StillSignedIn returns a check that says whether the request's
// credential (its API token or session cookie, as Identify found it) still
// stands for the same user with at least role. It is false when the
// request was anonymous, or when the store cannot say (a stream ends
// rather than go on unchecked; the client reconnects and is checked
// afresh).
func StillSignedIn(c *gin.Context, role string) func(ctx context.Context) bool {
	a, _ := c.Get(authnKey)
	authn, _ := a.(*Authenticator)
	u, ok := User(c)
	if authn == nil || !ok {
		return func(context.Context) bool { return false }
	}
	via := c.GetString(viaKey)
	secret := credential(c)
	return func(ctx context.Context) bool {
		switch via {
		case viaToken:
			now, _, err := authn.Store.TokenUser(ctx, secret)
			return err == nil && now.ID == u.ID && now.Can(role)
		case viaSession:
			sess, err := authn.Store.Session(ctx, secret, authn.Policy)
			return err == nil && sess.User.ID == u.ID && sess.User.Can(role)
		}
		return false
	}
}

// ClientKey names the request's credential, for per-client limits: its
// API token's or session's hash (never the secret), or for an anonymous
// request its address (an IPv6 client by its /64).
func ClientKey(c *gin.Context) string {
	if secret := credential(c); secret != "" {
		sum := sha256.Sum256([]byte(secret))
		return c.GetString(viaKey) + ":" + hex.EncodeToString(sum[:12])
	}
	return "addr:" + addressKey(c.ClientIP())
}

// credential is the secret Identify accepted: the bearer token or the
// session cookie; "" for an anonymous request.
func credential(c *gin.Context) string {
	switch c.GetString(viaKey) {
	case viaToken:
		_, secret, _ := strings.Cut(strings.TrimSpace(c.GetHeader("Authorization")), " ")
		return strings.TrimSpace(secret)
	case viaSession:
		cookie, _ := c.Cookie(CookieName)
		return cookie
	}
	return ""
}
