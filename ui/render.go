package ui

import (
	"bytes"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/ui/i18n"
)

// loc is the request's localizer, for strings a handler writes (a page's
// title, a flash message).
func loc(c *gin.Context) *i18n.Localizer { return i18n.For(pageLanguage(c)) }

// Page is what the layout needs of every page. Each page's data embeds it,
// and render fills in what comes from the request, so that the signed-in
// user and a CSRF token (a later issue brings sessions) are added here once
// and every form shows them.
type Page struct {
	Title   string // the page's own title; the layout appends the site name
	Section string // the navigation entry to mark as current: home, compare, matrix, parties
	// Lang is the page's language (ui/i18n): the reader's choice, else
	// Accept-Language, else English; Here is the page's own address, to
	// which the language switch returns.
	Lang string
	Here string
	User string
	// SignedIn is false on the sign-in page and error pages seen before
	// signing in; the header then offers to sign in, not out.
	SignedIn bool
	Role     string
	// CSRFToken is the signed-in session's token, which the "csrf"
	// partial puts into every form as CSRFField; empty without a session.
	CSRFToken string
	CSRFField string
	Flash     string
	RequestID string
	// ReadOnly, when set, says why the database cannot be written; every
	// page shows it in a banner.
	ReadOnly string
	// LiveSince, on a page that follows live edits (a draft, its edit
	// forms), is the last change the page reflects: its event stream
	// starts after it.
	LiveSince int64
}

func (p *Page) page() *Page { return p }

// CanEdit reports whether the signed-in user may change data, so that a
// page offers only the buttons that will work.
func (p Page) CanEdit() bool { return models.RoleIncludes(p.Role, models.RoleEditor) }

// pageData is any page's data: a struct embedding Page.
type pageData interface{ page() *Page }

// render executes a page into a buffer first, so that a template error
// becomes a clean error page, never half a page.
func render(c *gin.Context, status int, name string, data pageData) {
	p := data.page()
	p.Lang = pageLanguage(c)
	p.Here = c.Request.URL.RequestURI()
	if c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead {
		// A page answering a form post (its errors) has no address to
		// come back to by GET: the switch goes back to the form's page.
		p.Here = "/"
		if ref, err := url.Parse(c.Request.Referer()); err == nil && ref.Host == c.Request.Host {
			p.Here = safeNext(ref.RequestURI())
		}
	}
	p.User = web.Actor(c)
	if u, ok := web.User(c); ok {
		p.SignedIn, p.Role = true, u.Role
	}
	p.CSRFToken, p.CSRFField = web.CSRFToken(c), web.CSRFField
	p.RequestID = c.GetString("request_id")
	p.ReadOnly = c.GetString(readOnlyKey)
	if p.Flash == "" {
		p.Flash = takeFlash(c)
	}
	t, ok := page(p.Lang, name)
	if !ok {
		serverError(c, errUnknownPage(name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", data); err != nil {
		serverError(c, err)
		return
	}
	c.Header("Cache-Control", "no-store") // pages show live data and forms carry versions
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

type errUnknownPage string

func (e errUnknownPage) Error() string { return "ui: no page template " + string(e) }

// seeOther ends a successful POST: the browser GETs the next page, and a
// reload does not post again.
func seeOther(c *gin.Context, url string) {
	c.Redirect(http.StatusSeeOther, url)
}

// seeOtherSaying ends a successful POST as seeOther does, and leaves the
// next page a message saying what the post did.
func seeOtherSaying(c *gin.Context, url, message string) {
	setFlash(c, message)
	seeOther(c, url)
}
