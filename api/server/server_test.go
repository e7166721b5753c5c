package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// quiet is IO for commands whose output the tests do not read.
var quiet = IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}

// run runs a command as main does, its output discarded.
func run(args []string) error { return Run(context.Background(), args, quiet) }

// runOn runs a command as main does on the database db, with stdin as its
// standard input; what it wrote to standard output.
func runOn(db, stdin string, args ...string) (string, error) {
	var out strings.Builder
	err := Run(context.Background(), append(args, "-db", db), IO{In: strings.NewReader(stdin), Out: &out, Err: io.Discard})
	return out.String(), err
}

// readmePath is the README, at the module's root.
const readmePath = "../../README.md"

func TestMain(m *testing.M) {
	// The access log writes a line per request; the tests make thousands.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	gin.SetMode(gin.ReleaseMode) // as serve sets it: no debug lines for every route
	os.Exit(m.Run())
}

// The full engine, as served: every API route it registers is in the
// OpenAPI document, and unknown API paths get problems.
func TestEngineRoutesAreDocumented(t *testing.T) {
	s := storetest.OpenSQLite(t)
	engine := mustEngine(t, s, EngineOptions{})
	doc, err := api.New(s).OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	n := 0
	for _, r := range engine.Routes() {
		if !api.IsAPIPath(r.Path) {
			continue
		}
		n++
		item := doc.Paths.Find(param.ReplaceAllString(r.Path, "{$1}"))
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is served but not in the OpenAPI document", r.Method, r.Path)
		}
	}
	if n < 30 {
		t.Fatalf("only %d API routes", n)
	}
	w := httptest.NewRecorder()
	engine.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/nothing", nil))
	if w.Code != http.StatusNotFound || w.Header().Get("Content-Type") != api.ProblemContentType {
		t.Fatalf("unknown API path: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Request-Id") == "" {
		t.Fatal("shared middleware not installed")
	}
}

// `plantracker seed` loads the seed data once; a second run adds nothing.
func TestSeedCommandIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "seed.db")
	for i := 0; i < 2; i++ {
		if err := run([]string{"seed", "-db", db}); err != nil {
			t.Fatal(err)
		}
	}
	s := storetest.Open(t, db, store.Options{})
	page, err := s.Provisions(context.Background(), store.ProvisionFilter{Kind: "troop_cap"})
	if err != nil || page.Total != 4 {
		t.Fatalf("troop caps after two seed runs: %d (%v)", page.Total, err)
	}
}

// backup, restore, export and import from the command line.
func TestDataCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	if err := run([]string{"seed", "-db", db}); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"backup", filepath.Join(dir, "snap.db"), "-db", db},
		{"export", filepath.Join(dir, "all.json"), "-db", db},
		{"import", filepath.Join(dir, "all.json"), "-db", filepath.Join(dir, "copy.db")},
		{"restore", filepath.Join(dir, "snap.db"), "-db", filepath.Join(dir, "fresh.db")},
	} {
		if err := run(args); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	for _, name := range []string{"copy.db", "fresh.db"} {
		s := storetest.Open(t, filepath.Join(dir, name), store.Options{})
		page, _ := s.Provisions(context.Background(), store.ProvisionFilter{Kind: "troop_cap"})
		s.Close()
		if page.Total != 4 {
			t.Fatalf("%s holds %d troop caps", name, page.Total)
		}
	}
	if err := run([]string{"import", filepath.Join(dir, "all.json"), "-db", db}); err == nil {
		t.Fatal("imported into a database that holds data")
	}
	if err := run([]string{"backup", "-db", db}); err == nil {
		t.Fatal("backup without a file name")
	}
}

// who needs what, for every route the engine serves, written out here apart
// from the route tables so that the test checks them rather than repeats
// them. A route missing from this table fails the test: adding a route
// means deciding who may use it. The API's versioned resources, each with
// its five routes alike, are listed by name.
var authorization = withResources(map[string]string{
	"GET /healthz": "", "GET /api/v1/openapi.json": "",
	"GET /api/v1/kinds": "viewer", "GET /api/v1/kinds/:name": "viewer",
	"GET /api/v1/dataset.zip": "viewer", "GET /api/v1/events": "viewer",
	"GET /api/v1/plans/:id/drafts": "viewer", "POST /api/v1/plans/:id/drafts": "editor",
	"POST /api/v1/parse":     "editor",
	"GET /api/v1/drafts/:id": "viewer", "PATCH /api/v1/drafts/:id": "editor", "DELETE /api/v1/drafts/:id": "editor",
	"POST /api/v1/drafts/:id/fork": "editor", "GET /api/v1/drafts/:id/provisions": "viewer",
	"POST /api/v1/drafts/:id/provisions": "editor", "GET /api/v1/drafts/:id/summary": "viewer",
	"GET /api/v1/provisions": "viewer", "GET /api/v1/search": "viewer", "GET /api/v1/provisions/:id": "viewer", "PATCH /api/v1/provisions/:id": "editor",
	"DELETE /api/v1/provisions/:id": "editor", "GET /api/v1/provisions/:id/parties": "viewer",
	"PUT /api/v1/provisions/:id/parties": "editor", "POST /api/v1/provisions/:id/parties": "editor",
	"DELETE /api/v1/provisions/:id/parties/:party": "editor", "POST /api/v1/provisions/:id/restore": "editor",
	"GET /api/v1/compare": "viewer", "GET /api/v1/matrix": "viewer", "GET /api/v1/changes": "viewer",
	"POST /api/v1/changes/:id/undo": "editor", "GET /api/v1/deleted": "viewer",
	"GET /api/v1/timeline": "viewer", "GET /api/v1/timeline/:key": "viewer",
	"GET /api/v1/me": "viewer", "PATCH /api/v1/me": "viewer", "GET /api/v1/tokens": "viewer", "POST /api/v1/tokens": "viewer", "DELETE /api/v1/tokens/:id": "viewer",
	// The record beyond the texts: stances on drafts as a whole, events, the chronology.
	"GET /api/v1/drafts/:id/stances": "viewer", "POST /api/v1/drafts/:id/stances": "editor",
	"GET /api/v1/draft-stances/:id": "viewer", "PATCH /api/v1/draft-stances/:id": "editor", "DELETE /api/v1/draft-stances/:id": "editor",
	"GET /api/v1/chronology": "viewer",

	"GET /chronology": "viewer", "GET /chronology/events/new": "editor", "POST /chronology/events": "editor",
	"GET /chronology/events/:id/edit": "editor", "POST /chronology/events/:id": "editor",
	"GET /chronology/events/:id/delete": "editor", "POST /chronology/events/:id/delete": "editor",
	"GET /drafts/:id/stances/new": "editor", "POST /drafts/:id/stances": "editor",
	"GET /draft-stances/:id/edit": "editor", "POST /draft-stances/:id": "editor",
	"GET /draft-stances/:id/delete": "editor", "POST /draft-stances/:id/delete": "editor",
	// Who agrees: positions, the party record, stance maps, gaps and implementation.
	"GET /api/v1/drafts/:id/positions": "viewer", "GET /api/v1/drafts/:id/stance-map": "viewer",
	"GET /api/v1/parties/:id/record": "viewer", "GET /api/v1/gaps/:key": "viewer",
	"GET /parties/:id": "viewer", "GET /gaps/:key": "viewer",
	"GET /drafts/:id/stances": "viewer", "GET /drafts/:id/stances.csv": "viewer", "GET /drafts/:id/stances.md": "viewer",
	"GET /api/v1/users": "admin", "POST /api/v1/users": "admin", "PATCH /api/v1/users/:name": "admin", "DELETE /api/v1/users/:name": "admin",

	"GET /static/*path": "", "GET /licenses": "", "GET /login": "", "POST /login": "", "POST /logout": "", "POST /language": "",
	"GET /": "viewer", "GET /drafts/:id": "viewer", "POST /drafts/:id/fork": "editor",
	"GET /drafts/:id/summary.md": "viewer", "GET /drafts/:id/summary.csv": "viewer", "GET /drafts/:id/summary.pdf": "viewer", "GET /drafts/:id/summary.xlsx": "viewer",
	"GET /drafts/:id/provisions/new": "editor", "POST /drafts/:id/provisions": "editor",
	"GET /provisions/:id": "viewer", "GET /provisions/:id/edit": "editor", "POST /provisions/:id": "editor",
	"GET /provisions/:id/history": "viewer", "GET /provisions/:id/restore": "editor", "POST /provisions/:id/restore": "editor",
	"GET /sources": "viewer", "GET /sources/new": "editor", "POST /sources": "editor",
	"GET /sources/:id/edit": "editor", "POST /sources/:id": "editor",
	"GET /plans/:id/drafts/new-from-text": "editor", "POST /plans/:id/drafts/review": "editor", "POST /plans/:id/drafts/from-text": "editor",
	"GET /parties": "viewer", "POST /parties": "editor", "GET /parties/:id/edit": "editor", "POST /parties/:id": "editor",
	"GET /compare": "viewer", "GET /compare.md": "viewer", "GET /compare.csv": "viewer", "GET /compare.pdf": "viewer", "GET /compare.xlsx": "viewer",
	"GET /matrix":    "viewer",
	"GET /plans/new": "editor", "POST /plans": "editor", "GET /plans/:id/edit": "editor", "POST /plans/:id": "editor",
	"GET /plans/:id/delete": "editor", "POST /plans/:id/delete": "editor", "GET /plans/:id/drafts/new": "editor", "POST /plans/:id/drafts": "editor",
	"GET /drafts/:id/edit": "editor", "POST /drafts/:id": "editor", "GET /drafts/:id/fork": "editor",
	"GET /drafts/:id/delete": "editor", "POST /drafts/:id/delete": "editor",
	"GET /provisions/:id/delete": "editor", "POST /provisions/:id/delete": "editor",
	"GET /parties/:id/delete": "editor", "POST /parties/:id/delete": "editor",
	"GET /sources/:id/delete": "editor", "POST /sources/:id/delete": "editor",
	"GET /users": "admin", "POST /users": "admin", "POST /users/:name/role": "admin", "POST /users/:name/password": "admin",
	"GET /users/:name/remove": "admin", "POST /users/:name/remove": "admin",
	"GET /tokens": "viewer", "POST /tokens": "viewer", "POST /tokens/:id/revoke": "viewer",
	"GET /search": "viewer", "GET /history": "viewer", "GET /deleted": "viewer", "POST /changes/:id/undo": "editor",
	"GET /timeline": "viewer", "GET /timeline/:key": "viewer", "GET /timeline/:key/chart.svg": "viewer", "GET /timeline/:key/chart.png": "viewer",
}, "parties", "sources", "plans", "chronology/events", "positions", "implementation")

// withResources adds to roles the five routes of each versioned resource
// /api/v1/<name>: a viewer lists it and gets one; an editor creates,
// changes and deletes.
func withResources(roles map[string]string, names ...string) map[string]string {
	for _, name := range names {
		list, one := "/api/v1/"+name, "/api/v1/"+name+"/:id"
		roles["GET "+list], roles["POST "+list] = "viewer", "editor"
		roles["GET "+one], roles["PATCH "+one], roles["DELETE "+one] = "viewer", "editor", "editor"
	}
	return roles
}

// identity is one way of asking: no one, or a user of a role.
type identity struct {
	name string // "" for anonymous
	role string
}

var identities = []identity{{"", ""}, {"vera", models.RoleViewer}, {"ed", models.RoleEditor}, {"ada", models.RoleAdmin}}

func TestAuthorizationMatrix(t *testing.T) {
	s := storetest.OpenSQLite(t)
	tokens := map[string]string{}
	for _, id := range identities[1:] {
		tokens[id.name] = userWithToken(t, s, id.name, id.role)
	}
	engine := mustEngine(t, s, EngineOptions{})
	routes := engine.Routes()
	if len(routes) < 60 {
		t.Fatalf("only %d routes", len(routes))
	}
	for _, r := range routes {
		key := r.Method + " " + r.Path
		if r.Method == http.MethodHead {
			key = "GET " + r.Path // every GET route answers HEAD, with GET's rules
		}
		need, ok := authorization[key]
		if !ok {
			t.Errorf("%s has no entry in the authorization table: decide who may use it", key)
			continue
		}
		for _, id := range identities {
			req := sampleRequest(t, s, r.Method, r.Path, id, tokens)
			w := httptest.NewRecorder()
			engine.ServeHTTP(w, req)
			allowed := need == "" || (id.name != "" && models.RoleIncludes(id.role, need))
			refused := refusal(r.Path, w)
			switch {
			case allowed && refused != "":
				t.Errorf("%s as %q: %s (%d), but %s may", key, id.name, refused, w.Code, roleOrAnyone(need))
			case !allowed && id.name == "" && refused != "sign in":
				t.Errorf("%s anonymously: %d, want to be asked to sign in", key, w.Code)
			case !allowed && id.name != "" && refused != "forbidden":
				t.Errorf("%s as %s (%s): %d, want 403", key, id.name, id.role, w.Code)
			}
		}
	}
	for key := range authorization {
		found := false
		for _, r := range routes {
			found = found || r.Method+" "+r.Path == key
		}
		if !found {
			t.Errorf("the authorization table lists %s, which is not served", key)
		}
	}
}

// userWithToken adds a user of a role and makes an API token for them; the
// token's secret.
func userWithToken(t *testing.T, s *store.Store, name, role string) string {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "test", models.User{Username: name, Role: role}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	token, _, err := s.CreateToken(ctx, "test", name, "test")
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// refusal says how a response refuses, if it does: "sign in" (401, or the
// UI's redirect to the sign-in page), "forbidden" (403), or "".
func refusal(path string, w *httptest.ResponseRecorder) string {
	switch {
	case path == "/login":
		return "" // its 401 is its answer to the empty password the sample sends
	case w.Code == http.StatusUnauthorized:
		return "sign in"
	case !api.IsAPIPath(path) && w.Code == http.StatusSeeOther && strings.HasPrefix(w.Header().Get("Location"), "/login?next="):
		return "sign in"
	case w.Code == http.StatusForbidden:
		return "forbidden"
	}
	return ""
}

func roleOrAnyone(role string) string {
	if role == "" {
		return "anyone"
	}
	return "a " + role
}

// sampleRequest builds a request for a route: ids that do not exist (so
// nothing is changed or deleted, and the answer for those allowed is a
// 404, 400 or the like, never 401 or 403), an API token for API routes, and
// for the UI a browser session (or none) whose forms carry its CSRF token.
func sampleRequest(t *testing.T, s *store.Store, method, path string, id identity, tokens map[string]string) *http.Request {
	t.Helper()
	target := strings.NewReplacer(":id", "999999", ":name", "nobody", ":party", "ZZ", "*path", "app.css").Replace(path)
	if api.IsAPIPath(path) {
		req := httptest.NewRequest(method, target, strings.NewReader(`{}`))
		req.Header.Set("Content-Type", "application/json")
		if id.name != "" {
			req.Header.Set("Authorization", "Bearer "+tokens[id.name])
		}
		return req
	}
	// A browser: signed in with a session, or not, with a pre-session
	// token; either way its forms carry the right CSRF token, so that only
	// authorization decides.
	var cookie *http.Cookie
	csrf := strings.Repeat("x", 43)
	if id.name == "" {
		cookie = &http.Cookie{Name: web.PreSessionCookie, Value: csrf}
	} else {
		u, err := s.UserByName(context.Background(), id.name)
		if err != nil {
			t.Fatal(err)
		}
		secret, err := s.CreateSession(context.Background(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		sess, err := s.Session(context.Background(), secret, web.DefaultPolicy)
		if err != nil {
			t.Fatal(err)
		}
		cookie, csrf = &http.Cookie{Name: web.CookieName, Value: secret}, sess.CSRF
	}
	req := httptest.NewRequest(method, target, strings.NewReader(url.Values{web.CSRFField: {csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(cookie)
	return req
}

// Every state-changing form refuses a post whose CSRF token is missing or
// wrong, with 403, before its handler runs. The posts are an admin's, who
// may use every form, and the 403 must be the CSRF check's ("This form
// has expired"): an editor's post to an admin form is refused for the
// role first, which would hide a form that lost its CSRF check.
func TestEveryFormNeedsItsCSRFToken(t *testing.T) {
	s := storetest.OpenSQLite(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, "test", models.User{Username: "ed", Role: models.RoleAdmin}, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	engine := mustEngine(t, s, EngineOptions{})
	forms := 0
	for _, r := range engine.Routes() {
		if r.Method != http.MethodPost || api.IsAPIPath(r.Path) {
			continue
		}
		forms++
		target := strings.NewReplacer(":id", "1").Replace(r.Path)
		for _, token := range []string{"", "forged-token-of-the-right-length-forged-tok"} {
			secret, err := s.CreateSession(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			form := url.Values{"username": {"ed"}, "password": {"correct horse battery"}}
			if token != "" {
				form.Set(web.CSRFField, token)
			}
			req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if r.Path == "/login" {
				req.AddCookie(&http.Cookie{Name: web.PreSessionCookie, Value: strings.Repeat("x", 43)})
			} else {
				req.AddCookie(&http.Cookie{Name: web.CookieName, Value: secret})
			}
			w := httptest.NewRecorder()
			engine.ServeHTTP(w, req)
			if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "This form has expired") {
				t.Errorf("POST %s with token %q: %d, want 403 from the CSRF check\n%.300s", r.Path, token, w.Code, w.Body)
			}
		}
	}
	if forms < 8 {
		t.Fatalf("only %d forms", forms)
	}
	if n, err := s.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision}); err != nil || len(n) != 0 {
		t.Fatalf("a refused form changed data (%v)", err)
	}
}

// mustEngine builds the engine as serve does, with its options.
func mustEngine(t *testing.T, s *store.Store, o EngineOptions) *gin.Engine {
	t.Helper()
	engine, err := NewEngine(s, o)
	if err != nil {
		t.Fatal(err)
	}
	return engine
}

// The sign-in limit counts the connection's address, not one a client
// claims in X-Forwarded-For or X-Real-IP, unless the connection comes from
// a proxy the operator trusts. Thirty attempts from one client, each
// claiming another address, meet the per-address limit at the 21st.
func TestSignInLimitIgnoresForgedAddresses(t *testing.T) {
	tests := []struct {
		name       string
		proxies    string
		header     string
		want21st   int
		wantLogged string
	}{
		{"X-Forwarded-For, no trusted proxy", "", "X-Forwarded-For", http.StatusTooManyRequests, "addr=192.0.2.1"},
		{"X-Real-IP, no trusted proxy", "", "X-Real-IP", http.StatusTooManyRequests, "addr=192.0.2.1"},
		{"X-Forwarded-For from a trusted proxy", "192.0.2.0/24", "X-Forwarded-For", http.StatusUnauthorized, "addr=198.51.100.21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := storetest.OpenSQLite(t)
			cfg, err := parseServe(quiet, []string{"-trusted-proxies", tt.proxies})
			if err != nil {
				t.Fatal(err)
			}
			engine := mustEngine(t, s, cfg.engineOptions())
			var log bytes.Buffer
			defer swapLogger(slog.New(slog.NewTextHandler(&log, nil)))()
			var last *httptest.ResponseRecorder
			for i := 1; i <= 21; i++ {
				// Another account each time: only the address limit applies.
				last = postLogin(engine, "guess"+strconv.Itoa(i), "198.51.100."+strconv.Itoa(i), tt.header)
			}
			if last.Code != tt.want21st {
				t.Fatalf("21st attempt: %d, want %d", last.Code, tt.want21st)
			}
			if !strings.Contains(log.String(), `msg="sign-in failed"`) || !strings.Contains(log.String(), "username=guess21") ||
				!strings.Contains(log.String(), tt.wantLogged) {
				t.Fatalf("the failed sign-in is not logged with its username and %s:\n%s", tt.wantLogged, log.String())
			}
		})
	}
}

// postLogin posts the sign-in form from 192.0.2.1, claiming addr in header.
func postLogin(engine http.Handler, username, addr, header string) *httptest.ResponseRecorder {
	csrf := strings.Repeat("x", 43)
	form := url.Values{"username": {username}, "password": {"not the password"}, web.CSRFField: {csrf}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.RemoteAddr = "192.0.2.1:40000"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(header, addr)
	req.AddCookie(&http.Cookie{Name: web.PreSessionCookie, Value: csrf})
	w := httptest.NewRecorder()
	engine.ServeHTTP(w, req)
	return w
}

// swapLogger makes l the default logger until the returned func runs.
func swapLogger(l *slog.Logger) func() {
	old := slog.Default()
	slog.SetDefault(l)
	return func() { slog.SetDefault(old) }
}

// A trusted proxy must be an address or a CIDR block: a typo is refused at
// start, not silently trusting nothing (or everything).
func TestTrustedProxiesAreChecked(t *testing.T) {
	tests := []struct {
		proxies string
		want    []string
		wantErr bool
	}{
		{"", nil, false},
		{"10.0.0.1", []string{"10.0.0.1"}, false},
		{" 10.0.0.0/8, ::1 ", []string{"10.0.0.0/8", "::1"}, false},
		{"proxy.example", nil, true},
		{"10.0.0.0/99", nil, true},
	}
	for _, tt := range tests {
		cfg, err := parseServe(quiet, []string{"-trusted-proxies", tt.proxies})
		if (err != nil) != tt.wantErr || (!tt.wantErr && strings.Join(cfg.trustedProxies, " ") != strings.Join(tt.want, " ")) {
			t.Errorf("%q: %v %v, want %v (error: %v)", tt.proxies, cfg.trustedProxies, err, tt.want, tt.wantErr)
		}
	}
}

// Cookies are Secure when the server is reached over https: served over
// TLS itself, or behind a proxy that ends TLS when PLANTRACKER_PUBLIC_URL
// is https. Plain http on a developer's machine keeps them usable.
func TestCookiesAreSecureOverHTTPS(t *testing.T) {
	s := storetest.OpenSQLite(t)
	if _, err := s.CreateUser(context.Background(), "test", models.User{Username: "ed", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		publicURL  string
		tls        bool
		wantSecure bool
	}{
		{"http", "", false, false},
		{"public URL http", "http://plans.example.org", false, false},
		{"public URL https", "https://plans.example.org", false, true},
		{"served over TLS", "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseServe(quiet, []string{"-public-url", tt.publicURL})
			if err != nil {
				t.Fatal(err)
			}
			engine := mustEngine(t, s, cfg.engineOptions())
			get := httptest.NewRequest(http.MethodGet, "/login", nil)
			csrf := strings.Repeat("x", 43)
			form := url.Values{"username": {"ed"}, "password": {"correct horse battery"}, web.CSRFField: {csrf}}
			post := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
			post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			post.AddCookie(&http.Cookie{Name: web.PreSessionCookie, Value: csrf})
			var cookies []*http.Cookie
			for _, req := range []*http.Request{get, post} {
				if tt.tls {
					req.TLS = &tls.ConnectionState{}
				}
				w := httptest.NewRecorder()
				engine.ServeHTTP(w, req)
				cookies = append(cookies, w.Result().Cookies()...)
			}
			names := map[string]bool{}
			for _, c := range cookies {
				names[c.Name] = true
				if c.Secure != tt.wantSecure {
					t.Errorf("cookie %s: Secure %v, want %v", c.Name, c.Secure, tt.wantSecure)
				}
			}
			if !names[web.CookieName] || !names[web.PreSessionCookie] {
				t.Fatalf("cookies set: %v; want the session and the pre-session token", names)
			}
		})
	}
	if _, err := parseServe(quiet, []string{"-public-url", "plans.example.org"}); err == nil {
		t.Fatal("a public URL without a scheme was accepted")
	}
}

// A sign-in post without the pre-session cookie is refused (403) even with
// the right password and no token at all: another site could otherwise
// sign a browser in to an account of its choosing (login CSRF).
func TestSignInWithoutThePreSessionCookie(t *testing.T) {
	s := storetest.OpenSQLite(t)
	if _, err := s.CreateUser(context.Background(), "test", models.User{Username: "ed", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	engine := mustEngine(t, s, EngineOptions{})
	for _, form := range []url.Values{
		{"username": {"ed"}, "password": {"correct horse battery"}},
		{"username": {"ed"}, "password": {"correct horse battery"}, web.CSRFField: {""}},
		{"username": {"ed"}, "password": {"correct horse battery"}, web.CSRFField: {strings.Repeat("x", 43)}},
	} {
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		engine.ServeHTTP(w, req)
		if w.Code != http.StatusForbidden {
			t.Errorf("%v without the cookie: %d, want 403", form, w.Code)
		}
		for _, c := range w.Result().Cookies() {
			if c.Name == web.CookieName && c.Value != "" {
				t.Errorf("%v without the cookie signed in", form)
			}
		}
	}
}

// HTTP as clients and monitors speak it: HEAD where GET is served (a
// monitor probing /healthz got 405), the Authorization scheme in any case
// ("bearer" was refused), and a trailing slash on an API path redirected
// with a problem document (it was gin's HTML).
func TestHTTPAsClientsSpeakIt(t *testing.T) {
	s := storetest.OpenSQLite(t)
	token := userWithToken(t, s, "vera", models.RoleViewer)
	engine := mustEngine(t, s, EngineOptions{})
	tests := []struct {
		name         string
		method, path string
		auth         string
		wantStatus   int
		wantType     string
		wantLocation string
	}{
		{"HEAD /healthz", "HEAD", "/healthz", "", 200, "application/json", ""},
		{"HEAD /, signed out", "HEAD", "/", "", http.StatusSeeOther, "", "/login?next=%2F"},
		{"HEAD an API route", "HEAD", "/api/v1/kinds", "Bearer " + token, 200, "application/json", ""},
		{"bearer in lower case", "GET", "/api/v1/me", "bearer " + token, 200, "application/json", ""},
		{"BEARER in capitals", "GET", "/api/v1/me", "BEARER " + token, 200, "application/json", ""},
		{"another scheme", "GET", "/api/v1/me", "Basic " + token, 401, api.ProblemContentType, ""},
		{"API path with a trailing slash", "GET", "/api/v1/plans/?limit=5", "Bearer " + token, 301, api.ProblemContentType, "/api/v1/plans?limit=5"},
		{"API write with a trailing slash", "POST", "/api/v1/plans/", "Bearer " + token, 308, api.ProblemContentType, "/api/v1/plans"},
		{"UI path with a trailing slash", "GET", "/parties/", "", 301, "", "/parties"},
		{"no redirect off the site", "GET", "//evil.example/", "", 404, "text/html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			w := httptest.NewRecorder()
			engine.ServeHTTP(w, req)
			if w.Code != tt.wantStatus || !strings.HasPrefix(w.Header().Get("Content-Type"), tt.wantType) ||
				w.Header().Get("Location") != tt.wantLocation {
				t.Fatalf("%d %q Location %q; want %d %q Location %q\n%.300s", w.Code, w.Header().Get("Content-Type"),
					w.Header().Get("Location"), tt.wantStatus, tt.wantType, tt.wantLocation, w.Body)
			}
		})
	}
}

// The README's API examples run as written, in order, against a freshly
// seeded server: each curl answers 2xx, or the status the comment just
// above it promises ("… (400)"). Only the address is changed, to the test
// server's, and $AUTH carries an editor's token as the README sets it.
func TestREADMEExamples(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Fatal("curl is needed to run the README's examples: ", err)
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	script, wants := readmeExamples(t, string(readme))

	dir := t.TempDir()
	db := filepath.Join(dir, "readme.db")
	if err := run([]string{"seed", "-db", db}); err != nil {
		t.Fatal(err)
	}
	s := storetest.Open(t, db, store.Options{})
	token := userWithToken(t, s, "alice", models.RoleEditor)
	srv := httptest.NewServer(mustEngine(t, s, EngineOptions{}))
	defer srv.Close()

	// curl, as the examples call it, with each answer's status on stderr.
	prelude := `set -u
AUTH="Authorization: Bearer ` + token + `"
curl() { command curl -sS -w '%{stderr}STATUS %{http_code}\n' "$@" >/dev/null; }
`
	script = strings.ReplaceAll(script, "localhost:8080", strings.TrimPrefix(srv.URL, "http://"))
	cmd := exec.Command("bash", "-c", prelude+script)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("the examples as a script: %v\n%s", err, stderr.String())
	}
	var got []int
	for _, line := range strings.Split(stderr.String(), "\n") {
		if code, ok := strings.CutPrefix(line, "STATUS "); ok {
			n, _ := strconv.Atoi(code)
			got = append(got, n)
		} else if strings.TrimSpace(line) != "" {
			t.Errorf("curl said: %s", line)
		}
	}
	if len(got) != len(wants) {
		t.Fatalf("%d answers to %d curl commands\n%s", len(got), len(wants), stderr.String())
	}
	for i, want := range wants {
		ok := got[i] == want.status || want.status == 0 && got[i] >= 200 && got[i] < 300
		if !ok {
			t.Errorf("README example %d answers %d, want %s: %s", i+1, got[i], want.describe(), want.command)
		}
	}
}

type readmeWant struct {
	command string
	status  int // 0: any 2xx
}

func (w readmeWant) describe() string {
	if w.status == 0 {
		return "2xx"
	}
	return strconv.Itoa(w.status)
}

var promisedStatus = regexp.MustCompile(`\((\d{3})\)\s*$`)

// readmeExamples finds the API examples: the shell block after the one
// that sets AUTH, under "The API by example". Each line starting with curl
// is one request; a comment line right above it ending "(NNN)" promises
// that status.
func readmeExamples(t *testing.T, readme string) (string, []readmeWant) {
	t.Helper()
	_, section, ok := strings.Cut(readme, "## The API by example")
	if !ok {
		t.Fatal(`README.md has no "The API by example" section`)
	}
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(section, 2)
	if len(blocks) < 2 || !strings.Contains(blocks[0][1], `AUTH="Authorization: Bearer $TOKEN"`) {
		t.Fatal("the section should set AUTH in one block and give the examples in the next")
	}
	script := blocks[1][1]
	var wants []readmeWant
	previous := ""
	for _, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(line, "curl ") {
			want := readmeWant{command: line}
			if m := promisedStatus.FindStringSubmatch(previous); m != nil && strings.HasPrefix(previous, "#") {
				want.status, _ = strconv.Atoi(m[1])
			}
			wants = append(wants, want)
		}
		previous = line
	}
	if len(wants) < 20 {
		t.Fatalf("only %d examples found", len(wants))
	}
	return script, wants
}

// The README's comparison of the 28-point draft with the E3
// counter-proposal states the counts the seed data gives: a change to the
// seed data or the comparison that changes them must change the README.
func TestREADMEComparisonIsTheSeeds(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "seeded.db")
	if err := run([]string{"seed", "-db", db}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := storetest.Open(t, db, store.Options{})
	c, err := s.Comparison(ctx, 1, 4)
	if err != nil {
		t.Fatal(err)
	}
	n := c.Counts
	heading := fmt.Sprintf("%s → %s", c.From.Name, c.To.Name)
	counts := fmt.Sprintf("+ %d added   − %d removed (%d withdrawn)   ~ %d changed   … %d not reported   = %d unchanged",
		n.Added, n.Removed, n.Withdrawn, n.Changed, n.NotReported, n.Unchanged)
	for _, want := range []string{heading, counts, fmt.Sprintf("· %d keys", n.Total)} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md should say %q, as the seed data's comparison does", want)
		}
	}
}

// TestResponsesAreCompressed: pages, JSON and static files go gzipped to a
// client that accepts it, and identical once unzipped; a PNG chart and
// error responses go as they are.
func TestResponsesAreCompressed(t *testing.T) {
	s := storetest.OpenSQLite(t)
	engine := mustEngine(t, s, EngineOptions{})
	get := func(path, encoding string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		w := httptest.NewRecorder()
		engine.ServeHTTP(w, req)
		return w
	}
	for _, path := range []string{"/login", "/static/app.css", "/api/v1/openapi.json", "/licenses"} {
		plain, zipped := get(path, ""), get(path, "gzip, deflate, br")
		if plain.Code != 200 || zipped.Code != 200 || zipped.Header().Get("Content-Encoding") != "gzip" || plain.Header().Get("Content-Encoding") != "" ||
			!strings.Contains(zipped.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: %d %q, %d %q", path, plain.Code, plain.Header().Get("Content-Encoding"), zipped.Code, zipped.Header().Get("Content-Encoding"))
			continue
		}
		zr, err := gzip.NewReader(zipped.Body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// The login page carries a fresh CSRF token each time: compare sizes there.
		if path != "/login" && string(body) != plain.Body.String() {
			t.Errorf("%s: unzipped body differs", path)
		}
		if zipped.Body.Len() >= plain.Body.Len() {
			t.Errorf("%s: %d bytes zipped, %d plain", path, zipped.Body.Len(), plain.Body.Len())
		}
	}
	if w := get("/api/v1/nope", "gzip"); w.Header().Get("Content-Encoding") != "" || !strings.Contains(w.Body.String(), `"status"`) {
		t.Errorf("an error response: %q %.100s", w.Header().Get("Content-Encoding"), w.Body)
	}
}
