package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
)

// UserStore is what the user handlers need of the store.
type UserStore interface {
	Users(ctx context.Context) ([]models.User, error)
	UserByName(ctx context.Context, username string) (models.User, error)
	CreateUser(ctx context.Context, actor string, u models.User, password string) (models.User, error)
	SetRole(ctx context.Context, actor, username, role string) (models.User, error)
	SetPassword(ctx context.Context, actor, username, password string, keepTokens bool) error
	DeleteUser(ctx context.Context, actor, username string) error
	SetLanguage(ctx context.Context, actor, username, language string) (models.User, error)
}

// UserInput is what an admin sends to add a user.
type UserInput struct {
	Username string `json:"username"`
	Role     string `json:"role"`
	Password string `json:"password"`
}

// UserPatch changes a user's role or password; nil fields stay. A new
// password signs the user out everywhere: sessions and API tokens end,
// unless KeepTokens says to leave the tokens.
type UserPatch struct {
	Role       *string `json:"role"`
	Password   *string `json:"password"`
	KeepTokens bool    `json:"keep_tokens,omitempty"`
}

// me serves GET /me: who the caller is.
func (a *API) me(c *gin.Context) {
	u, _ := web.User(c)
	c.JSON(http.StatusOK, u)
}

// MePatch is what anyone signed in may change of their own account: the
// UI language they chose (en or uk; "" clears the choice), which the pages
// use when the browser has made no choice of its own.
type MePatch struct {
	Language *string `json:"language"`
}

// updateMe serves PATCH /me, for every role: a preference, not the data.
func (a *API) updateMe(c *gin.Context) {
	var patch MePatch
	if !bindJSON(c, &patch) {
		return
	}
	me, _ := web.User(c)
	if patch.Language != nil {
		u, err := a.store.SetLanguage(c.Request.Context(), web.Actor(c), me.Username, *patch.Language)
		if err != nil {
			fail(c, err)
			return
		}
		me = u
	}
	c.JSON(http.StatusOK, me)
}

func (a *API) createUser(c *gin.Context) {
	var in UserInput
	if !bindJSON(c, &in) {
		return
	}
	u, err := a.store.CreateUser(c.Request.Context(), web.Actor(c), models.User{Username: in.Username, Role: in.Role}, in.Password)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/users/"+u.Username)
	c.JSON(http.StatusCreated, u)
}

// updateUser changes a user's role and/or password. The password goes
// first: if the role change then fails, the request did half its work, so
// a role is checked before anything is written.
func (a *API) updateUser(c *gin.Context) {
	var patch UserPatch
	if !bindJSON(c, &patch) {
		return
	}
	ctx, name := c.Request.Context(), c.Param("name")
	if patch.Role != nil && !models.UserRoles.Has(*patch.Role) {
		fail(c, models.Invalid("role", "must be one of: viewer, editor, admin"))
		return
	}
	if patch.Password != nil {
		if err := a.store.SetPassword(ctx, web.Actor(c), name, *patch.Password, patch.KeepTokens); err != nil {
			fail(c, err)
			return
		}
	}
	if patch.Role != nil {
		if _, err := a.store.SetRole(ctx, web.Actor(c), name, *patch.Role); err != nil {
			fail(c, err)
			return
		}
	}
	u, err := a.store.UserByName(ctx, name)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}

func (a *API) deleteUser(c *gin.Context) {
	if me, _ := web.User(c); me.Username == models.NormalizeUsername(c.Param("name")) {
		problem(c, http.StatusConflict, "You cannot remove yourself; ask another admin.")
		return
	}
	if err := a.store.DeleteUser(c.Request.Context(), web.Actor(c), c.Param("name")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
