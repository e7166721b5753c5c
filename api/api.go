// Package api is Plantracker's JSON REST API under /api/v1: it speaks JSON
// to programs. Handlers read straight down: bind, validate, call the store,
// respond. Every route is in the table in Routes, which also drives the
// OpenAPI document, so a route cannot be added without being described.
package api

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/models/parse"
	"plantracker/models/report"
	"plantracker/store/dataset"
)

// Store is everything the API needs of the store; *store.Store has it all.
type Store interface {
	PartyStore
	SourceStore
	PlanStore
	DraftStore
	ParseStore
	ProvisionStore
	SearchStore
	ChangeStore
	ReportStore
	dataset.Store
	TimelineStore
	UserStore
	TokenStore
	UndoStore
	PositionStore
	ImplementationStore
	RecordStore
	Ping(ctx context.Context) error
	WriteProbe(ctx context.Context) error
}

// The parties, the sources and the plans have no handlers of their own:
// the generic ones in resource.go serve their five routes, straight from
// these stores.

// PartyStore is what the party routes need of the store.
type PartyStore interface {
	Parties(ctx context.Context) ([]models.Party, error)
	Party(ctx context.Context, id int64) (models.Party, error)
	CreateParty(ctx context.Context, actor string, p models.Party) (models.Party, error)
	UpdateParty(ctx context.Context, actor string, id int64, ifVersion int, patch models.PartyPatch) (models.Party, error)
	DeleteParty(ctx context.Context, actor string, id int64, ifVersion int) error
}

// SourceStore is what the source routes need of the store.
type SourceStore interface {
	Sources(ctx context.Context) ([]models.Source, error)
	Source(ctx context.Context, id int64) (models.Source, error)
	CreateSource(ctx context.Context, actor string, s models.Source) (models.Source, error)
	UpdateSource(ctx context.Context, actor string, id int64, ifVersion int, patch models.SourcePatch) (models.Source, error)
	DeleteSource(ctx context.Context, actor string, id int64, ifVersion int) error
}

// PlanStore is what the plan routes need of the store.
type PlanStore interface {
	Plans(ctx context.Context) ([]models.Plan, error)
	Plan(ctx context.Context, id int64) (models.Plan, error)
	CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error)
	UpdatePlan(ctx context.Context, actor string, id int64, ifVersion int, patch models.PlanPatch) (models.Plan, error)
	DeletePlan(ctx context.Context, actor string, id int64, ifVersion int) error
}

// API serves the REST API.
type API struct {
	store Store
	// publicLimit bounds the calls one address makes to the public
	// routes: no token stands between them and anyone.
	publicLimit *web.AddressLimiter
	// healthLimit is the health check's own bucket, per address: a client
	// polling the OpenAPI document cannot starve a monitor on the same
	// address (a NAT, a proxy) of health answers, nor the reverse.
	healthLimit *web.AddressLimiter
	streams     *streamHub    // the one poller behind every event stream
	end         chan struct{} // closed by EndStreams
	endOnce     sync.Once
}

// Public routes: each address may call them 30 times at once, then ten
// times a second; far beyond a load balancer's or a monitor's polling.
const (
	publicBurst    = 30
	publicInterval = 100 * time.Millisecond
)

// New returns the API over a store.
func New(s Store) *API {
	return &API{store: s, publicLimit: web.NewAddressLimiter(publicInterval, publicBurst),
		healthLimit: web.NewAddressLimiter(publicInterval, publicBurst), end: make(chan struct{}),
		streams: newStreamHub(s.Changes, pollInterval)}
}

// Route is one entry of the route table. Role is what the caller must be:
// viewer to read, editor to change data, admin to manage users; public
// routes (the health check, the OpenAPI document) need no one.
type Route struct {
	Method  string
	Path    string // Gin syntax: /api/v1/drafts/:id
	Role    string
	Handler gin.HandlerFunc
	Doc     Doc
}

// Routes is the route table: every route the API serves.
func (a *API) Routes() []Route {
	const v1 = "/api/v1"
	routes := []Route{
		{"GET", healthPath, public, a.healthz, Doc{Tag: "meta", Summary: "Whether the server and its database are up", Response: Health{}, NoProblems: true, Unavailable: true}},
		{"GET", v1 + "/openapi.json", public, a.openAPI, Doc{Tag: "meta", Summary: "This OpenAPI document", Response: map[string]any{}, NoProblems: true}},
		{"GET", v1 + "/kinds", viewer, a.listKinds, Doc{Tag: "kinds", Summary: "The provision kinds, with their typed fields, and the vocabularies", Response: KindList{}}},
		{"GET", v1 + "/kinds/:name", viewer, a.getKind, Doc{Tag: "kinds", Summary: "One provision kind", Response: models.Kind{}}},

		{"GET", v1 + "/parties", viewer, listAll(a.store.Parties), Doc{Tag: "parties", Summary: "List parties", Response: List[models.Party]{}}},
		{"POST", v1 + "/parties", editor, createOne(v1+"/parties", models.PartyInput.Party, a.store.CreateParty), Doc{Tag: "parties", Summary: "Create a party", Body: models.PartyInput{}, Response: models.Party{}, Status: http.StatusCreated}},
		{"GET", v1 + "/parties/:id", viewer, getOne(a.store.Party), Doc{Tag: "parties", Summary: "Get a party", Response: models.Party{}, ETag: true}},
		{"PATCH", v1 + "/parties/:id", editor, updateOne(a.store.Party, a.store.UpdateParty), Doc{Tag: "parties", Summary: "Change a party", Body: models.PartyPatch{}, Response: models.Party{}, IfMatch: true}},
		{"DELETE", v1 + "/parties/:id", editor, deleteOne(a.store.Party, a.store.DeleteParty), Doc{Tag: "parties", Summary: "Delete a party nothing refers to", IfMatch: true}},

		{"GET", v1 + "/sources", viewer, listAll(a.store.Sources), Doc{Tag: "sources", Summary: "List sources: the publications and documents facts rest on, newest first", Response: List[models.Source]{}}},
		{"POST", v1 + "/sources", editor, createOne(v1+"/sources", models.SourceInput.Source, a.store.CreateSource), Doc{Tag: "sources", Summary: "Create a source; drafts, provisions and stances cite it by its key", Body: models.SourceInput{}, Response: models.Source{}, Status: http.StatusCreated}},
		{"GET", v1 + "/sources/:id", viewer, getOne(a.store.Source), Doc{Tag: "sources", Summary: "Get a source", Response: models.Source{}, ETag: true}},
		{"PATCH", v1 + "/sources/:id", editor, updateOne(a.store.Source, a.store.UpdateSource), Doc{Tag: "sources", Summary: "Change a source (its key stays)", Body: models.SourcePatch{}, Response: models.Source{}, IfMatch: true}},
		{"DELETE", v1 + "/sources/:id", editor, deleteOne(a.store.Source, a.store.DeleteSource), Doc{Tag: "sources", Summary: "Delete a source nothing cites", IfMatch: true}},

		{"GET", v1 + "/plans", viewer, listAll(a.store.Plans), Doc{Tag: "plans", Summary: "List plans", Response: List[models.Plan]{}}},
		{"POST", v1 + "/plans", editor, createOne(v1+"/plans", models.PlanInput.Plan, a.store.CreatePlan), Doc{Tag: "plans", Summary: "Create a plan", Body: models.PlanInput{}, Response: models.Plan{}, Status: http.StatusCreated}},
		{"GET", v1 + "/plans/:id", viewer, getOne(a.store.Plan), Doc{Tag: "plans", Summary: "Get a plan", Response: models.Plan{}, ETag: true}},
		{"PATCH", v1 + "/plans/:id", editor, updateOne(a.store.Plan, a.store.UpdatePlan), Doc{Tag: "plans", Summary: "Change a plan", Body: models.PlanPatch{}, Response: models.Plan{}, IfMatch: true}},
		{"DELETE", v1 + "/plans/:id", editor, deleteOne(a.store.Plan, a.store.DeletePlan), Doc{Tag: "plans", Summary: "Delete a plan with its drafts", IfMatch: true}},
		{"GET", v1 + "/plans/:id/drafts", viewer, listByID(a.store.Drafts), Doc{Tag: "drafts", Summary: "List a plan's drafts", Response: List[models.Draft]{}}},
		{"POST", v1 + "/plans/:id/drafts", editor, a.createDraft, Doc{Tag: "drafts", Summary: "Add a draft to a plan, numbered next; with provisions, the draft and all of them in one transaction",
			Description: "standing defaults to reported; with provisions (a draft read from its text by POST /parse) to scenario, an analyst's own until said otherwise.", Body: models.DraftInput{}, Response: models.Draft{}, Status: http.StatusCreated}},
		{"POST", v1 + "/parse", editor, a.parse, Doc{Tag: "drafts", Summary: "Read a draft's text: the provisions it proposes, with kinds, terms, keys matched to a base draft, confidence and notes; saves nothing", Body: parse.Input{}, Response: parse.Result{}}},

		{"GET", v1 + "/drafts/:id", viewer, getOne(a.store.Draft), Doc{Tag: "drafts", Summary: "Get a draft", Response: models.Draft{}, ETag: true}},
		{"PATCH", v1 + "/drafts/:id", editor, updateOne(a.store.Draft, a.store.UpdateDraft), Doc{Tag: "drafts", Summary: "Change a draft", Body: models.DraftPatch{}, Response: models.Draft{}, IfMatch: true}},
		{"DELETE", v1 + "/drafts/:id", editor, deleteOne(a.store.Draft, a.store.DeleteDraft), Doc{Tag: "drafts", Summary: "Delete a draft with its provisions", IfMatch: true}},
		{"POST", v1 + "/drafts/:id/fork", editor, a.forkDraft, Doc{Tag: "drafts", Summary: "Fork a draft: the next draft of its plan, with a copy of every provision; its standing is scenario unless given", Body: models.ForkInput{}, Response: models.Draft{}, Status: http.StatusCreated}},
		{"GET", v1 + "/drafts/:id/provisions", viewer, a.listDraftProvisions, Doc{Tag: "provisions", Summary: "List a draft's provisions", Query: provisionQueryParams, Response: provisionPage{}}},
		{"POST", v1 + "/drafts/:id/provisions", editor, createUnder(v1+"/provisions", models.ProvisionInput.Provision, a.store.CreateProvision), Doc{Tag: "provisions", Summary: "Add a provision to a draft", Body: models.ProvisionInput{}, Response: models.Provision{}, Status: http.StatusCreated}},

		{"GET", v1 + "/provisions", viewer, a.listProvisions, Doc{Tag: "provisions", Summary: "Search and filter provisions across drafts", Query: append([]QueryParam{{"draft", "integer", "Only this draft's provisions"}, {"plan", "integer", "Only provisions of this plan's drafts"}}, provisionQueryParams...), Response: provisionPage{}}},
		{"GET", v1 + "/search", viewer, a.search, Doc{Tag: "provisions", Summary: "Search provisions across drafts, answered with hits: where each stands, what it is, and a snippet of its wording", Description: searchDescription, Query: append([]QueryParam{{"draft", "integer", "Only this draft's provisions"}, {"plan", "integer", "Only provisions of this plan's drafts"}, {"lang", "string", "The language to give the hits' titles in: en or uk; a hit whose provision has no title in it keeps the English one"}}, provisionQueryParams...), Response: searchPage{}}},
		{"GET", v1 + "/provisions/:id", viewer, getOne(a.store.Provision), Doc{Tag: "provisions", Summary: "Get a provision", Response: models.Provision{}, ETag: true}},
		{"PATCH", v1 + "/provisions/:id", editor, a.patchProvision, Doc{Tag: "provisions", Summary: "Change a provision",
			Description: "With Content-Type application/json (the default) the fields given replace the provision's, the terms whole. " +
				"With application/merge-patch+json (RFC 7396) the body is merged into the provision: nested terms merge, null removes a term or clears a field.",
			Body: models.ProvisionPatch{}, MergePatch: true, Response: models.Provision{}, IfMatch: true}},
		{"DELETE", v1 + "/provisions/:id", editor, deleteOne(a.store.Provision, a.store.DeleteProvision), Doc{Tag: "provisions", Summary: "Delete a provision", IfMatch: true}},
		{"GET", v1 + "/provisions/:id/parties", viewer, a.listProvisionParties, Doc{Tag: "provisions", Summary: "A provision's parties with their roles and stances", Response: List[models.ProvisionParty]{}, ETag: true}},
		{"PUT", v1 + "/provisions/:id/parties", editor, a.replaceProvisionParties, Doc{Tag: "provisions", Summary: "Replace a provision's parties", Body: []models.ProvisionParty{}, Response: List[models.ProvisionParty]{}, IfMatch: true}},
		{"POST", v1 + "/provisions/:id/parties", editor, a.addProvisionParty, Doc{Tag: "provisions", Summary: "Give a party a role on a provision, or change its stance", Body: models.ProvisionParty{}, Response: List[models.ProvisionParty]{}, IfMatch: true}},
		{"DELETE", v1 + "/provisions/:id/parties/:party", editor, a.removeProvisionParty, Doc{Tag: "provisions", Summary: "Take a party off a provision (from one ?role=, or all)", Query: []QueryParam{{"role", "string", "Only this role"}}, Response: List[models.ProvisionParty]{}, IfMatch: true}},

		{"GET", v1 + "/drafts/:id/summary", viewer, a.draftSummary, Doc{Tag: "reports", Summary: "A draft's provision summary: provisions by category with headline terms, parties and sources", Response: report.Summary{}}},
		{"GET", v1 + "/compare", viewer, a.compare, Doc{Tag: "reports", Summary: "Compare two drafts (any plans) by provision key, earlier → later", Query: []QueryParam{{"from", "integer", "The earlier draft (asked the other way round, the answer is turned round and says swapped)"}, {"to", "integer", "The later draft"}, {"lang", "string", "The language to compare the words in: en (the default) or uk; a key is compared in it where both drafts have the words in it, else in English"}, {"status", "string", "The rows to give in full: those of these statuses, separated by commas (added, removed, not_reported, changed, unchanged). When not given, every status but unchanged is given in full and the unchanged keys are listed in unchanged, without their two sides (alike in substance; what differs in form or sourcing is in their changes); give all five for every row in full. Counts still count every key, and sources are those of the rows in full"}}, Response: report.Comparison{}}},
		{"GET", v1 + "/timeline", viewer, a.timelineKeys, Doc{Tag: "reports", Summary: "The provision keys, with how many drafts mention each: what has a timeline", Query: []QueryParam{{"kind", "string", "Only keys of this kind (all troop caps: troop_cap)"}}, Response: List[report.TimelineKey]{}}},
		{"GET", v1 + "/timeline/:key", viewer, a.timeline, Doc{Tag: "reports", Summary: "One provision key across every draft of every plan that mentions it, by date then lineage: its value, status and sourcing in each, gaps where a partial draft does not report it, and numeric headline terms as series; the analysts' own scenario drafts only with include=scenarios",
			Query: []QueryParam{{"include", "string", "scenarios: the analysts' own scenario drafts too (left out by default: they are not part of the record)"}}, Response: report.Timeline{}}},
		{"GET", v1 + "/matrix", viewer, a.matrix, Doc{Tag: "reports", Summary: "Several drafts side by side, one row per provision key, in reading order (earlier → later)", Query: []QueryParam{{"drafts", "string", "Draft ids, comma-separated, 1 to 20"}}, Response: report.Matrix{}}},

		{"GET", v1 + "/positions", viewer, a.listPositions, Doc{Tag: "positions", Summary: "The parties' stated positions on provision keys: a constraint on one typed term (limit >= 800000) or words", Query: positionQueryParams, Response: List[models.Position]{}}},
		{"POST", v1 + "/positions", editor, createOne(v1+"/positions", models.PositionInput.Position, a.store.CreatePosition), Doc{Tag: "positions", Summary: "Record a party's stated position; the term must be one of the kind's and the value must fit it", Body: models.PositionInput{}, Response: models.Position{}, Status: http.StatusCreated}},
		{"GET", v1 + "/positions/:id", viewer, getOne(a.store.Position), Doc{Tag: "positions", Summary: "Get a position", Response: models.Position{}, ETag: true}},
		{"PATCH", v1 + "/positions/:id", editor, updateOne(a.store.Position, a.store.UpdatePosition), Doc{Tag: "positions", Summary: "Change a position", Body: models.PositionPatch{}, Response: models.Position{}, IfMatch: true}},
		{"DELETE", v1 + "/positions/:id", editor, deleteOne(a.store.Position, a.store.DeletePosition), Doc{Tag: "positions", Summary: "Delete a position", IfMatch: true}},
		{"GET", v1 + "/drafts/:id/positions", viewer, a.draftPositions, Doc{Tag: "positions", Summary: "A draft checked against the stated positions: per provision, the positions on its key with their verdicts (meets, crosses, silent, unchecked), and the positions on keys the draft lacks", Response: models.DraftPositions{}}},
		{"GET", v1 + "/drafts/:id/stance-map", viewer, a.stanceMap, Doc{Tag: "positions", Summary: "A draft's stance map: provisions as rows, parties as columns, each cell the party's roles and stance with its date and sources", Query: stanceMapQueryParams, Response: models.StanceMap{}}},
		{"GET", v1 + "/parties/:id/record", viewer, a.partyRecord, Doc{Tag: "positions", Summary: "A party's record: the provisions that bind it, guarantee for it or benefit it in every draft by date, its stances, and its stated positions checked against every draft", Response: models.PartyRecord{}}},
		{"GET", v1 + "/gaps/:key", viewer, a.gaps, Doc{Tag: "positions", Summary: "One provision key: what each party asked (positions) beside what the latest draft of every plan that mentions the key offers (its typed terms), with verdicts", Response: models.Gaps{}}},
		{"GET", v1 + "/implementation", viewer, a.listImplementation, Doc{Tag: "implementation", Summary: "What was carried out of provisions and events, by date, scored on the Peace Accords Matrix scale (0 not initiated, 1 minimal, 2 intermediate, 3 full)", Query: implementationQueryParams, Response: List[models.ImplementationStep]{}}},
		{"POST", v1 + "/implementation", editor, createOne(v1+"/implementation", models.ImplementationInput.Step, a.store.CreateImplementationStep), Doc{Tag: "implementation", Summary: "Record an implementation step of an event (its key) or a provision (draft_id and key)", Body: models.ImplementationInput{}, Response: models.ImplementationStep{}, Status: http.StatusCreated}},
		{"GET", v1 + "/implementation/:id", viewer, getOne(a.store.ImplementationStep), Doc{Tag: "implementation", Summary: "Get an implementation step", Response: models.ImplementationStep{}, ETag: true}},
		{"PATCH", v1 + "/implementation/:id", editor, updateOne(a.store.ImplementationStep, a.store.UpdateImplementationStep), Doc{Tag: "implementation", Summary: "Change an implementation step", Body: models.ImplementationPatch{}, Response: models.ImplementationStep{}, IfMatch: true}},
		{"DELETE", v1 + "/implementation/:id", editor, deleteOne(a.store.ImplementationStep, a.store.DeleteImplementationStep), Doc{Tag: "implementation", Summary: "Delete an implementation step", IfMatch: true}},
	}
	routes = append(routes, a.recordRoutes(v1)...)
	return append(routes, []Route{
		{"GET", v1 + "/dataset.zip", viewer, a.dataset, Doc{Tag: "reports", Summary: "Everything as a dataset for researchers: one CSV file per table (one typed column per term of every kind) and a codebook (Markdown and JSON); the analysts' own scenario drafts only with include=scenarios",
			Query: []QueryParam{{"include", "string", "scenarios: the analysts' own scenario drafts too (left out by default: they are not part of the record)"}}, File: "application/zip"}},

		{"POST", v1 + "/provisions/:id/restore", editor, a.restoreProvision, Doc{Tag: "provisions", Summary: "Restore an earlier version of the provision (by version, or by the change of its history that left it)", Body: RestoreInput{}, Response: models.Provision{}, IfMatch: true}},

		{"GET", v1 + "/me", viewer, a.me, Doc{Tag: "users", Summary: "Who you are signed in as", Response: models.User{}}},
		{"PATCH", v1 + "/me", viewer, a.updateMe, Doc{Tag: "users", Summary: "Change your own account: the UI language you chose (en, uk; \"\" for none)", Body: MePatch{}, Response: models.User{}}},
		{"GET", v1 + "/tokens", viewer, a.listTokens, Doc{Tag: "users", Summary: "Your API tokens (an admin: everyone's), with when each was last used", Response: List[models.Token]{}}},
		{"POST", v1 + "/tokens", viewer, a.createToken, Doc{Tag: "users", Summary: "Create an API token for yourself; its secret is in the answer, once", Body: TokenInput{}, Response: NewToken{}, Status: http.StatusCreated}},
		{"DELETE", v1 + "/tokens/:id", viewer, a.revokeToken, Doc{Tag: "users", Summary: "Revoke one of your tokens (an admin: any)"}},
		{"GET", v1 + "/users", admin, listAll(a.store.Users), Doc{Tag: "users", Summary: "List users", Response: List[models.User]{}}},
		{"POST", v1 + "/users", admin, a.createUser, Doc{Tag: "users", Summary: "Add a user", Body: UserInput{}, Response: models.User{}, Status: http.StatusCreated}},
		{"PATCH", v1 + "/users/:name", admin, a.updateUser, Doc{Tag: "users", Summary: "Change a user's role or password", Body: UserPatch{}, Response: models.User{}}},
		{"DELETE", v1 + "/users/:name", admin, a.deleteUser, Doc{Tag: "users", Summary: "Remove a user with their sessions and tokens"}},

		{"GET", v1 + "/changes", viewer, a.listChanges, Doc{Tag: "changes", Summary: "The audit trail, newest first", Query: changeQueryParams, Response: List[models.Change]{}}},
		{"POST", v1 + "/changes/:id/undo", editor, a.undoChange, Doc{Tag: "changes", Summary: "Undo a deletion: put back what it removed, as it was (a draft with its provisions, a plan with its drafts), with the same ids; answers the change that records the restore",
			Description: "Only deletions of provisions, drafts (with their stances), plans, parties, sources, stances on drafts and events can be undone, and each once (409 after). 409 also when something stands in the way: a provision whose draft is deleted too (undo the draft), a key or short name taken meanwhile.",
			Response:    models.Change{}}},
		{"GET", v1 + "/events", viewer, a.events, Doc{NotFound: true, Tag: "changes", Summary: "Live edits: a stream of Server-Sent Events, one for each save of a draft or its provisions",
			Description: "Each save of the draft or of one of its provisions (create, update, delete, restore) is an event `change` whose `id` is the change's id in the audit trail and whose `data` is a JSON object: " +
				"`{\"id\": 61, \"at\": \"2025-11-21T09:30:00Z\", \"actor\": \"ed\", \"entity\": \"provision\", \"entity_id\": 5, \"action\": \"update\", \"draft_id\": 1, \"version\": 3, \"title\": \"Troop cap\"}` " +
				"(`entity` draft or provision; `version` the row's version after the save, 0 after a delete; `title` the provision's title or the draft's label). " +
				"The stream starts with `retry: 1000` and sends a comment line every 20 s while idle. A reconnecting client's Last-Event-ID (or `since`) resumes after that change; without either, it starts with the next save. " +
				"It ends when the client disconnects, when the server shuts down, when the client falls far behind (it reconnects and resumes), and within a second of its credential ending (a token revoked, a session ended, a password reset, a user removed). " +
				"A token or session may hold 8 streams open at once, a user 32; one more is a 429.",
			Query:   []QueryParam{{"draft", "integer", "The draft to follow (required)"}, {"since", "integer", "Start after this change id (the page's state)"}},
			File:    "text/event-stream",
			TooMany: true}},
		{"GET", v1 + "/deleted", viewer, a.listDeleted, Doc{Tag: "changes", Summary: "The deletions that can be undone now, newest first (a provision deleted with its draft comes back with the draft and is not listed)",
			Query: []QueryParam{{"limit", "integer", "Page size, 1 to 500 (default 50)"}, {"before", "integer", "Only deletions older than this change id (paging)"}}, Response: List[models.Change]{}}},
	}...)
}

// provisionPage is the page of provisions lists answer with (named for the
// OpenAPI document). Total is how many provisions match in all: always
// given within one draft and for all provisions unfiltered; across drafts
// with a filter or a search, only when the whole list is on this page
// (counting every match would cost more than the page: follow next_cursor).
type provisionPage struct {
	Items []models.Provision `json:"items"`
	pageInfo
}

var provisionQueryParams = []QueryParam{
	{"category", "string", "Only this category"},
	{"kind", "string", "Only this kind"},
	{"status", "string", "Only this status"},
	{"sourcing", "string", "Only this sourcing"},
	{"party", "string", "Only provisions where this party (short name) has a role"},
	{"q", "string", "Full-text search: every word, as a prefix, in the key, title, wording or terms"},
	{"limit", "integer", "Page size, 1 to 500 (default 50)"},
	{"cursor", "string", "The next_cursor of the previous page"},
	{"offset", "integer", "Skip this many (instead of a cursor)"},
}

var changeQueryParams = []QueryParam{
	{"entity", "string", "party, source, plan, draft, provision, draft_stance, event, user or token"},
	{"entity_id", "integer", "Only changes of this row"},
	{"actor", "string", "Only changes by this user"},
	{"since", "string", "From this time (RFC 3339 or YYYY-MM-DD)"},
	{"until", "string", "Before this time"},
	{"limit", "integer", "How many, 1 to 500 (default 50)"},
	{"before", "integer", "Only changes older than this change id (paging back)"},
}

// MaxBodyBytes caps request bodies: far above any provision, far below
// what could hurt the server. The engine (web.NewEngine) applies it.
const MaxBodyBytes = web.DefaultBodyLimit

// Mount registers every route on r, with the API's own recovery, which
// answers a panic with a problem, not a stack trace. Every GET route
// answers HEAD too (RFC 9110 §9.3.2: what GET would, without the body),
// as monitors probe /healthz.
func (a *API) Mount(r gin.IRouter) {
	g := r.Group("", recovery())
	for _, rt := range a.Routes() {
		chain := []gin.HandlerFunc{rt.Handler}
		if rt.Role != public {
			chain = append([]gin.HandlerFunc{requireRole(rt.Role)}, chain...)
		} else {
			limit := a.limitPublic
			if rt.Path == healthPath {
				limit = a.limitHealth
			}
			chain = append([]gin.HandlerFunc{limit}, chain...)
		}
		g.Handle(rt.Method, rt.Path, chain...)
		if rt.Method == http.MethodGet {
			g.Handle(http.MethodHead, rt.Path, chain...)
		}
	}
}

// Surface is the API as the engine (web.NewEngine) mounts it: its routes,
// and problem documents for the paths under /api/ (and /healthz) that no
// route takes. The event stream goes uncompressed.
func (a *API) Surface() web.Surface {
	return web.Surface{Mount: a.Mount, Owns: IsAPIPath, NotFound: NotFound, MethodNotAllowed: MethodNotAllowed,
		Streams: []string{"/api/v1/events"}}
}

// healthPath is the health check's (GET and HEAD), limited in its own
// bucket.
const healthPath = "/healthz"

// limitPublic answers 429 to an address that calls the public routes
// faster than publicLimit allows.
func (a *API) limitPublic(c *gin.Context) { limitBy(c, a.publicLimit) }

// limitHealth is limitPublic for the health check, with its own budget.
func (a *API) limitHealth(c *gin.Context) { limitBy(c, a.healthLimit) }

func limitBy(c *gin.Context, l *web.AddressLimiter) {
	if !l.Allow(c.ClientIP()) {
		c.Header("Retry-After", "1")
		problem(c, http.StatusTooManyRequests, "Too many requests from your address to a public route; try again in a second.")
	}
}

// IsAPIPath says whether a request path belongs to this surface, for the
// engine's shared not-found and method-not-allowed handlers.
func IsAPIPath(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/healthz"
}

// NotFound answers an unknown API path. A path with a trailing slash is
// redirected to the path without it, with a problem document, not the HTML
// gin's own redirect writes (the engine turns that off).
func NotFound(c *gin.Context) {
	if target, status, ok := web.TrailingSlashRedirect(c); ok {
		c.Header("Location", target)
		problem(c, status, "API paths have no trailing slash: "+strings.TrimRight(c.Request.URL.Path, "/")+".")
		return
	}
	problem(c, http.StatusNotFound, "No such route; GET /api/v1/openapi.json lists them.")
}

// MethodNotAllowed answers a known path with the wrong method.
func MethodNotAllowed(c *gin.Context) {
	problem(c, http.StatusMethodNotAllowed, "This route does not take "+c.Request.Method+"; GET /api/v1/openapi.json lists what it takes.")
}

func recovery() gin.HandlerFunc {
	return gin.CustomRecovery(func(c *gin.Context, err any) {
		fail(c, panicError{err})
	})
}

type panicError struct{ v any }

func (p panicError) Error() string { return "panic: " + strings.TrimSpace(stringOf(p.v)) }

func stringOf(v any) string {
	if err, ok := v.(error); ok {
		return err.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "unexpected value"
}
