package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
)

// TokenStore is what the token handlers need of the store.
type TokenStore interface {
	Tokens(ctx context.Context, username string) ([]models.Token, error)
	CreateToken(ctx context.Context, actor, username, name string) (string, models.Token, error)
	RevokeToken(ctx context.Context, actor string, id int64) error
}

// TokenInput names a new token.
type TokenInput struct {
	Name string `json:"name"`
}

// NewToken is a created token with its secret, shown this once.
type NewToken struct {
	models.Token
	Secret string `json:"token"`
}

// listTokens lists the caller's tokens; an admin sees everyone's.
func (a *API) listTokens(c *gin.Context) {
	u, _ := web.User(c)
	owner := u.Username
	if u.Can(models.RoleAdmin) {
		owner = ""
	}
	showList(c, a.store.Tokens, owner)
}

// createToken makes a token for the caller.
func (a *API) createToken(c *gin.Context) {
	var in TokenInput
	if !bindJSON(c, &in) {
		return
	}
	u, _ := web.User(c)
	secret, tok, err := a.store.CreateToken(c.Request.Context(), u.Username, u.Username, in.Name)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, NewToken{Token: tok, Secret: secret})
}

// revokeToken revokes one of the caller's tokens, or any, for an admin. A
// token the caller may not see is "not found", not "forbidden": its
// existence is not the caller's business.
func (a *API) revokeToken(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	u, _ := web.User(c)
	if !u.Can(models.RoleAdmin) {
		mine, ok := load(c, a.store.Tokens, u.Username)
		if !ok {
			return
		}
		if !hasToken(mine, id) {
			problem(c, http.StatusNotFound, "You have no token "+strconv.FormatInt(id, 10)+".")
			return
		}
	}
	if err := a.store.RevokeToken(c.Request.Context(), u.Username, id); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func hasToken(tokens []models.Token, id int64) bool {
	for _, t := range tokens {
		if t.ID == id {
			return true
		}
	}
	return false
}
