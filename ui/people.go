package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/form"
)

// People: the admin's page of users (add, change a role, reset a
// password, remove) and each user's page of their own API tokens (create,
// showing the secret once; revoke; when each was last used). Both are the
// store's functions the API's /users and /tokens use, with the same rules:
// nobody removes themselves, the last admin stays admin, a token is
// revoked by its owner (or an admin).

type usersPage struct {
	Page
	Users   []userRow
	Add     userAddForm
	Problem string // a refusal not about one field: "the last admin"
}

type userRow struct {
	models.User
	Me       bool
	Role     fieldView
	Password fieldView
}

type userAddForm struct {
	Username, Role, Password fieldView
	Errors                   []summaryItem
}

// showUsers renders the users page, with the add form as typed and errors
// beside their fields (rowErrs for the row of user rowUser).
func (u *UI) showUsers(c *gin.Context, status int, add form.Errors, typed map[string]string, rowUser string, rowErrs form.Errors, problem string) {
	users, err := u.store.Users(c.Request.Context())
	if err != nil {
		fail(c, err)
		return
	}
	me, _ := web.User(c)
	page := &usersPage{Page: Page{Title: loc(c).T("nav.users"), Section: "users"}, Problem: problem}
	for _, usr := range users {
		errs := form.Errors{}
		if usr.Username == rowUser {
			errs = rowErrs
		}
		s := newFieldSet(errs)
		row := userRow{User: usr, Me: usr.Username == me.Username,
			Role:     s.choice("role", "Role of "+usr.Username, usr.Role, "", models.UserRoles),
			Password: s.field("password", "New password for "+usr.Username, "password", "")}
		row.Role.ID, row.Password.ID = "role-"+usr.Username, "password-"+usr.Username
		page.Users = append(page.Users, row)
	}
	s := newFieldSet(add)
	page.Add = userAddForm{Username: s.text("username", "Username", typed["username"]),
		Role:     s.choice("role", "Role", cmpOr(typed["role"], models.RoleViewer), "", models.UserRoles),
		Password: s.field("password", "Password", "password", "")}
	page.Add.Username.Required, page.Add.Role.Required, page.Add.Password.Required = true, true, true
	page.Add.Username.Spell = "false"
	page.Add.Username.Help = "Lower-case letters, digits, dots, hyphens and underscores."
	page.Add.Password.Help = "At least " + strconv.Itoa(models.MinPasswordLength) + " characters; the user can be told it once and should change it."
	page.Add.Role.Help = "Viewer reads; editor changes data; admin manages users too."
	page.Add.Errors = s.summary()
	render(c, status, "users", page)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// listUsers serves GET /users.
func (u *UI) listUsers(c *gin.Context) {
	u.showUsers(c, http.StatusOK, form.Errors{}, nil, "", form.Errors{}, "")
}

// createUser serves POST /users.
func (u *UI) createUser(c *gin.Context) {
	typed := map[string]string{"username": strings.TrimSpace(c.PostForm("username")), "role": c.PostForm("role")}
	usr := models.User{Username: models.NormalizeUsername(typed["username"]), Role: typed["role"]}
	_, err := u.store.CreateUser(c.Request.Context(), web.Actor(c), usr, c.PostForm("password"))
	if u.userRefused(c, err, func(errs form.Errors, problem string) {
		u.showUsers(c, http.StatusUnprocessableEntity, errs, typed, "", form.Errors{}, problem)
	}) {
		return
	}
	seeOtherSaying(c, "/users", "Added "+usr.Username+" as "+strings.ToLower(models.UserRoles.Label(usr.Role))+". Tell them their password; they can change it and make API tokens.")
}

// setUserRole serves POST /users/:name/role.
func (u *UI) setUserRole(c *gin.Context) {
	name := c.Param("name")
	role := c.PostForm("role")
	var err error
	if !models.UserRoles.Has(role) {
		err = models.Invalid("role", "must be one of: viewer, editor, admin")
	} else {
		_, err = u.store.SetRole(c.Request.Context(), web.Actor(c), name, role)
	}
	if u.userRefused(c, err, func(errs form.Errors, problem string) {
		u.showUsers(c, http.StatusUnprocessableEntity, form.Errors{}, nil, name, errs, problem)
	}) {
		return
	}
	seeOtherSaying(c, "/users", name+" is now "+strings.ToLower(models.UserRoles.Label(role))+".")
}

// resetPassword serves POST /users/:name/password: a new password, which
// ends the user's sessions and tokens (as the API's does without
// keep_tokens).
func (u *UI) resetPassword(c *gin.Context) {
	name := c.Param("name")
	err := u.store.SetPassword(c.Request.Context(), web.Actor(c), name, c.PostForm("password"), false)
	if u.userRefused(c, err, func(errs form.Errors, problem string) {
		u.showUsers(c, http.StatusUnprocessableEntity, form.Errors{}, nil, name, errs, problem)
	}) {
		return
	}
	seeOtherSaying(c, "/users", loc(c).T("flash.password_set", "User", name))
}

// confirmRemoveUser serves GET /users/:name/remove: the question.
func (u *UI) confirmRemoveUser(c *gin.Context) {
	usr, err := u.store.UserByName(c.Request.Context(), c.Param("name"))
	if err != nil {
		fail(c, err)
		return
	}
	d := deletion{Name: "the user " + usr.Username + " (" + strings.ToLower(models.UserRoles.Label(usr.Role)) + ")",
		Goes:   []string{"their sessions and API tokens"},
		Action: "/users/" + usr.Username + "/remove", Back: "/users", After: "/users", Verb: "Remove",
		NoUndo: "Their edits stay in the history under their name. A removed user cannot be undone: add them again if need be."}
	render(c, http.StatusOK, "delete", &deletePage{Page: Page{Title: deleteHeading(c, d), Section: "users"}, Target: d})
}

// removeUser serves POST /users/:name/remove.
func (u *UI) removeUser(c *gin.Context) {
	name := models.NormalizeUsername(c.Param("name"))
	var err error
	if me, _ := web.User(c); me.Username == name {
		err = errors.New("you cannot remove yourself; ask another admin")
	} else {
		err = u.store.DeleteUser(c.Request.Context(), web.Actor(c), name)
	}
	if errors.Is(err, store.ErrNotFound) {
		fail(c, err)
		return
	}
	if err != nil {
		u.showUsers(c, http.StatusConflict, form.Errors{}, nil, "", form.Errors{}, capitalize(err.Error())+".")
		return
	}
	seeOtherSaying(c, "/users", loc(c).T("flash.user_removed", "User", name))
}

// userRefused shows a refused change of a user on the page and reports
// true; on no error it reports false. Field errors go beside their fields,
// other refusals (the last admin, a taken name) at the top.
func (u *UI) userRefused(c *gin.Context, err error, show func(form.Errors, string)) bool {
	if err == nil {
		return false
	}
	var verr *models.ValidationError
	switch {
	case errors.As(err, &verr):
		show(form.ErrorsFrom(verr), "")
	case errors.Is(err, store.ErrDuplicate):
		var errs form.Errors
		errs.Add("username", "is taken: another user has this name")
		show(errs, "")
	case errors.Is(err, store.ErrLastAdmin):
		show(form.Errors{}, capitalize(strings.TrimPrefix(err.Error(), store.ErrLastAdmin.Error()+": "))+".")
	default:
		fail(c, err)
	}
	return true
}

type tokensPage struct {
	Page
	Tokens []models.Token
	Name   fieldView
	Errors []summaryItem
	// Secret is the token just created, shown this once.
	Secret    string
	NewToken  models.Token
	CanManage bool
}

func (u *UI) showTokens(c *gin.Context, status int, name string, errs form.Errors, secret string, tok models.Token) {
	me, _ := web.User(c)
	tokens, err := u.store.Tokens(c.Request.Context(), me.Username)
	if err != nil {
		fail(c, err)
		return
	}
	s := newFieldSet(errs)
	page := &tokensPage{Page: Page{Title: loc(c).T("tokens.title"), Section: "tokens"}, Tokens: tokens,
		Name: s.text("name", "Name", name), Secret: secret, NewToken: tok}
	page.Name.Required = true
	page.Name.Help = "What the token is for, such as “weekly export script”: it tells your tokens apart."
	page.Errors = s.summary()
	if secret != "" {
		c.Header("Cache-Control", "no-store")
	}
	render(c, status, "tokens", page)
}

// listTokens serves GET /tokens: the signed-in user's own tokens.
func (u *UI) listTokens(c *gin.Context) {
	u.showTokens(c, http.StatusOK, "", form.Errors{}, "", models.Token{})
}

// createToken serves POST /tokens: a new token for the signed-in user,
// its secret shown on this answer once (never stored, never redirected
// through a cookie).
func (u *UI) createToken(c *gin.Context) {
	me, _ := web.User(c)
	name := c.PostForm("name")
	secret, tok, err := u.store.CreateToken(c.Request.Context(), me.Username, me.Username, name)
	var verr *models.ValidationError
	if errors.As(err, &verr) {
		u.showTokens(c, http.StatusUnprocessableEntity, name, form.ErrorsFrom(verr), "", models.Token{})
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	u.showTokens(c, http.StatusCreated, "", form.Errors{}, secret, tok)
}

// revokeToken serves POST /tokens/:id/revoke: one of the user's own
// tokens; another's is "not found", as in the API.
func (u *UI) revokeToken(c *gin.Context) {
	id, ok := pathID(c, "id")
	if !ok {
		return
	}
	me, _ := web.User(c)
	ctx := c.Request.Context()
	mine, err := u.store.Tokens(ctx, me.Username)
	if err != nil {
		fail(c, err)
		return
	}
	var tok *models.Token
	for i := range mine {
		if mine[i].ID == id {
			tok = &mine[i]
		}
	}
	if tok == nil {
		showError(c, http.StatusNotFound, "Not found", "You have no token "+strconv.FormatInt(id, 10)+".")
		return
	}
	if err := u.store.RevokeToken(ctx, me.Username, id); err != nil {
		fail(c, err)
		return
	}
	seeOtherSaying(c, "/tokens", loc(c).T("flash.token_revoked", "Name", tok.Name))
}
