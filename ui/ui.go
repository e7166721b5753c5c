// Package ui is Plantracker's web UI: server-rendered HTML pages for people,
// and the documents they download (through ui/export). It speaks HTML,
// Markdown, CSV and PDF; the JSON API is package api, and the two never
// import each other.
//
// The shape follows miniflux: every route is in Routes, the one table,
// with the forms that add, edit and delete each kind of row declared once
// per entity (formEntity: its paths, its newFlow and editFlow, its delete)
// and their routes made from the declarations; form parsing lives in
// ui/form, apart from the handlers; templates and static files are
// embedded and parsed once, when the package starts. Pages work without
// JavaScript; app.js only makes some of them nicer (the kind select
// re-renders the form on change, the compare page hides unchanged rows
// without a reload, party rows can be added).
//
// Writes follow post/redirect/get: a successful POST answers 303 See Other,
// a failed one re-renders the form with every error beside its field and
// what was typed kept. The store does every check; the UI only maps the
// store's field paths ("terms.limit", "parties[0].role") back to inputs.
package ui

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
	"plantracker/ui/chart"
)

// Store is what the UI needs of the store; *store.Store has it all.
type Store interface {
	Plans(ctx context.Context) ([]models.Plan, error)
	Plan(ctx context.Context, id int64) (models.Plan, error)
	CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error)
	UpdatePlan(ctx context.Context, actor string, id int64, ifVersion int, patch models.PlanPatch) (models.Plan, error)
	DeletePlan(ctx context.Context, actor string, id int64, ifVersion int) error
	AllDrafts(ctx context.Context) ([]models.Draft, error)
	Drafts(ctx context.Context, planID int64) ([]models.Draft, error)
	Draft(ctx context.Context, id int64) (models.Draft, error)
	ForkDraft(ctx context.Context, actor string, id int64, in models.ForkInput) (models.Draft, error)
	CreateDraft(ctx context.Context, actor string, d models.Draft) (models.Draft, error)
	UpdateDraft(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftPatch) (models.Draft, error)
	DeleteDraft(ctx context.Context, actor string, id int64, ifVersion int) error

	Provisions(ctx context.Context, f store.ProvisionFilter) (store.Page[models.Provision], error)
	DraftProvisions(ctx context.Context, draftID int64) ([]models.Provision, error)
	ProvisionCounts(ctx context.Context) (map[int64]int64, error)
	Provision(ctx context.Context, id int64) (models.Provision, error)
	CreateProvision(ctx context.Context, actor string, p models.Provision) (models.Provision, error)
	UpdateProvision(ctx context.Context, actor string, id int64, ifVersion int, patch models.ProvisionPatch) (models.Provision, error)
	DeleteProvision(ctx context.Context, actor string, id int64, ifVersion int) error

	Parties(ctx context.Context) ([]models.Party, error)
	Party(ctx context.Context, id int64) (models.Party, error)
	Sources(ctx context.Context) ([]models.Source, error)
	// AsOf is the time of the latest recorded change to drafts, their
	// plans and provisions, and the sources given by key (exports).
	AsOf(ctx context.Context, draftIDs []int64, sourceKeys []string) (time.Time, error)
	Source(ctx context.Context, id int64) (models.Source, error)
	CreateSource(ctx context.Context, actor string, s models.Source) (models.Source, error)
	UpdateSource(ctx context.Context, actor string, id int64, ifVersion int, patch models.SourcePatch) (models.Source, error)
	CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error)
	UpdateParty(ctx context.Context, actor string, id int64, ifVersion int, patch models.PartyPatch) (models.Party, error)
	DeleteParty(ctx context.Context, actor string, id int64, ifVersion int) error
	DeleteSource(ctx context.Context, actor string, id int64, ifVersion int) error

	Changes(ctx context.Context, f store.ChangeFilter) ([]models.Change, error)
	RestoreProvision(ctx context.Context, actor string, id int64, ifVersion int, changeID int64) (models.Provision, error)
	Deleted(ctx context.Context, limit int, beforeID int64) ([]models.Change, error)
	UndoDelete(ctx context.Context, actor string, changeID int64) (models.Change, error)

	Users(ctx context.Context) ([]models.User, error)
	UserByName(ctx context.Context, username string) (models.User, error)
	CreateUser(ctx context.Context, actor string, u models.User, password string) (models.User, error)
	SetRole(ctx context.Context, actor, username, role string) (models.User, error)
	SetPassword(ctx context.Context, actor, username, password string, keepTokens bool) error
	DeleteUser(ctx context.Context, actor, username string) error
	Tokens(ctx context.Context, username string) ([]models.Token, error)
	CreateToken(ctx context.Context, actor, username, name string) (string, models.Token, error)
	RevokeToken(ctx context.Context, actor string, id int64) error

	DraftTextStore
	AgreeStore
	RecordStore
	LanguageStore
	ReadOnly() (bool, string)

	Summary(ctx context.Context, draftID int64) (report.Summary, error)
	// ComparisonIn compares in the reader's language where both sides
	// have the words in it.
	ComparisonIn(ctx context.Context, fromID, toID int64, language string) (report.Comparison, error)
	Matrix(ctx context.Context, draftIDs []int64) (report.Matrix, error)

	Timeline(ctx context.Context, key string, scenarios bool) (report.Timeline, error)
	TimelineKeys(ctx context.Context, kind string) ([]report.TimelineKey, error)
}

// UI serves the web pages.
type UI struct {
	store  Store
	authn  *web.Authenticator
	logins *web.SignInLimiter
}

// New returns the UI over a store; authn signs people in and out.
func New(s Store, authn *web.Authenticator) *UI {
	return &UI{store: s, authn: authn, logins: web.NewSignInLimiter()}
}

// Route is one entry of the route table. Role is what the signed-in user
// must be to use it (models.RoleViewer to read, RoleEditor to change data),
// or "" for what anyone may reach: the sign-in page and static files.
type Route struct {
	Method  string
	Path    string // Gin syntax: /drafts/:id
	Role    string
	Handler gin.HandlerFunc
}

// Routes is the route table: every page, form target and download the UI
// serves. URLs are stable and shareable; lists and reports take their
// choices as query parameters (/compare?from=3&to=7). The forms that add,
// edit and delete each kind of row are declared with it (formEntities),
// and their routes made from the declarations.
func (u *UI) Routes() []Route {
	routes := []Route{
		{"GET", "/", models.RoleViewer, u.home},
		{"GET", "/static/*path", "", serveStatic},
		{"GET", "/licenses", "", serveNotices},
		{"GET", "/login", "", u.showLogin},
		{"POST", "/login", "", u.login},
		{"POST", "/logout", "", u.logout},
		{"POST", "/language", "", u.setLanguage},

		{"GET", "/plans/:id/drafts/new-from-text", models.RoleEditor, u.newDraftFromText},
		{"POST", "/plans/:id/drafts/review", models.RoleEditor, u.reviewDraftText},
		{"POST", "/plans/:id/drafts/from-text", models.RoleEditor, u.createDraftFromText},

		{"GET", "/drafts/:id", models.RoleViewer, u.showDraft},
		{"GET", "/drafts/:id/fork", models.RoleEditor, u.forkFlow().form},
		{"POST", "/drafts/:id/fork", models.RoleEditor, u.forkFlow().post},
		{"GET", "/drafts/:id/summary.md", models.RoleViewer, u.exportSummary("md")},
		{"GET", "/drafts/:id/summary.csv", models.RoleViewer, u.exportSummary("csv")},
		{"GET", "/drafts/:id/summary.pdf", models.RoleViewer, u.exportSummary("pdf")},
		{"GET", "/drafts/:id/summary.xlsx", models.RoleViewer, u.exportSummaryWorkbook},
		{"GET", "/drafts/:id/stances", models.RoleViewer, u.showStances},
		{"GET", "/drafts/:id/stances.csv", models.RoleViewer, u.exportStances("csv")},
		{"GET", "/drafts/:id/stances.md", models.RoleViewer, u.exportStances("md")},

		{"GET", "/provisions/:id", models.RoleViewer, u.showProvision},
		{"GET", "/provisions/:id/history", models.RoleViewer, u.provisionHistory},
		{"GET", "/provisions/:id/restore", models.RoleEditor, u.confirmRestore},
		{"POST", "/provisions/:id/restore", models.RoleEditor, u.restoreProvision},

		{"GET", "/parties", models.RoleViewer, u.listParties},
		{"GET", "/parties/:id", models.RoleViewer, u.showParty},
		{"GET", "/sources", models.RoleViewer, u.listSources},
		{"GET", "/chronology", models.RoleViewer, u.chronology},

		{"GET", "/search", models.RoleViewer, u.search},
		{"GET", "/history", models.RoleViewer, u.history},
		{"GET", "/deleted", models.RoleViewer, u.listDeleted},
		{"POST", "/changes/:id/undo", models.RoleEditor, u.undoDelete},

		{"GET", "/users", models.RoleAdmin, u.listUsers},
		{"POST", "/users", models.RoleAdmin, u.createUser},
		{"POST", "/users/:name/role", models.RoleAdmin, u.setUserRole},
		{"POST", "/users/:name/password", models.RoleAdmin, u.resetPassword},
		{"GET", "/users/:name/remove", models.RoleAdmin, u.confirmRemoveUser},
		{"POST", "/users/:name/remove", models.RoleAdmin, u.removeUser},
		{"GET", "/tokens", models.RoleViewer, u.listTokens},
		{"POST", "/tokens", models.RoleViewer, u.createToken},
		{"POST", "/tokens/:id/revoke", models.RoleViewer, u.revokeToken},

		{"GET", "/compare", models.RoleViewer, u.compare},
		{"GET", "/compare.md", models.RoleViewer, u.exportComparison("md")},
		{"GET", "/compare.csv", models.RoleViewer, u.exportComparison("csv")},
		{"GET", "/compare.pdf", models.RoleViewer, u.exportComparison("pdf")},
		{"GET", "/compare.xlsx", models.RoleViewer, u.exportComparison("xlsx")},
		{"GET", "/matrix", models.RoleViewer, u.matrix},

		{"GET", "/timeline", models.RoleViewer, u.timelineIndex},
		{"GET", "/timeline/:key", models.RoleViewer, u.showTimeline},
		{"GET", "/timeline/:key/chart.svg", models.RoleViewer, u.timelineChartImage(chart.SVG)},
		{"GET", "/timeline/:key/chart.png", models.RoleViewer, u.timelineChartImage(chart.PNG)},
		{"GET", "/gaps/:key", models.RoleViewer, u.showGaps},
	}
	for _, e := range u.formEntities() {
		routes = append(routes, e.routes()...)
	}
	return routes
}

// Surface is the UI as the engine (web.NewEngine) mounts it: its routes,
// and HTML error pages for every path no route takes. Mount it after the
// API, which owns the paths under /api/.
func (u *UI) Surface() web.Surface {
	return web.Surface{Mount: u.Mount, NotFound: NotFound, MethodNotAllowed: MethodNotAllowed}
}

// Mount registers every route on r, with the UI's own recovery, which
// answers a panic with an HTML error page rather than a bare 500, the
// read-only notice, the role the route needs, and the CSRF check on every
// form post.
func (u *UI) Mount(r gin.IRouter) {
	g := r.Group("", recovery(), u.readOnlyNotice())
	for _, rt := range u.Routes() {
		// Who may, before whether the form is genuine: someone signed
		// out is sent to sign in, not told their form expired.
		chain := []gin.HandlerFunc{checkCSRF(), rt.Handler}
		if rt.Role != "" {
			chain = append([]gin.HandlerFunc{requireRole(rt.Role)}, chain...)
		}
		g.Handle(rt.Method, rt.Path, chain...)
		if rt.Method == http.MethodGet {
			g.Handle(http.MethodHead, rt.Path, chain...) // what GET answers, without the body
		}
	}
}
