package ui

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
)

// checkCSRF refuses a form post from a signed-in browser that does not carry
// the session's token: another site cannot post in the user's name. Every
// form carries the token (the "csrf" partial); requests without a session
// cookie have nothing to ride on and pass, as web.CSRFValid decides.
func checkCSRF() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !web.CSRFValid(c) {
			showError(c, http.StatusForbidden, "This form has expired",
				"The form did not carry this session's security token, so nothing was saved. Go back, reload the page and try again.")
			return
		}
		c.Next()
	}
}
