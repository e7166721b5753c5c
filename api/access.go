package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
)

// requireRole lets a request through when its user has role: 401 with a
// WWW-Authenticate challenge when no one is identified, 403 when the user's
// role falls short. A state-changing request from a signed-in browser (the
// session cookie, not a token) must also carry the session's CSRF token.
func requireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		switch web.Allowed(c, role) {
		case http.StatusUnauthorized:
			if web.ClientGone(c) {
				// The credential could not be checked because the client
				// went away (the check reads the database): no one hears
				// a 401, and none is logged as a refusal.
				web.AbortClientGone(c, c.Request.Context().Err())
				return
			}
			c.Header("WWW-Authenticate", `Bearer realm="plantracker"`)
			problem(c, http.StatusUnauthorized, "Sign in first: send an API token as Authorization: Bearer … (plantracker token create).")
			return
		case http.StatusForbidden:
			u, _ := web.User(c)
			problem(c, http.StatusForbidden, "Your role, "+u.Role+", may not do this; it needs "+role+".")
			return
		}
		if !web.CSRFValid(c) {
			problem(c, http.StatusForbidden, "A request from a signed-in browser must carry its CSRF token in "+web.CSRFHeader+".")
			return
		}
		c.Next()
	}
}

// The roles routes need, by name, for the route table.
const (
	public = ""
	viewer = models.RoleViewer
	editor = models.RoleEditor
	admin  = models.RoleAdmin
)
