package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
	pgtest "plantracker/store/storetest"
)

// Every scenario runs against its own copy of a database holding the seed
// data, so scenarios cannot see each other's writes: once on SQLite and once
// on PostgreSQL (the subtests "sqlite/…" and "postgres/…"). The seeded
// templates are built once; copying a file, or creating a PostgreSQL
// database from a template, is much faster than seeding again.
var (
	sqliteTemplate   string // a file
	postgresTemplate string // a database on the pgtest server; "" without PostgreSQL
)

// seeded holds the ids of the seeded rows the scenarios refer to; seeding
// gives the same ids on both databases.
var seeded pgtest.SeededIDs

// testDir holds every file the package's tests make outside t.TempDir()
// (the templates, the fuzzing database); TestMain removes it.
var testDir string

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	// The access log writes a line per request at Info; warnings and
	// errors still show.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	dir, err := os.MkdirTemp("", "plantracker-api-test")
	if err != nil {
		panic(err)
	}
	testDir = dir
	code := pgtest.Main(m, func() error { return buildTemplates(dir) })
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildTemplates seeds the SQLite template and, when the PostgreSQL server
// runs, the PostgreSQL one.
func buildTemplates(dir string) error {
	sqliteTemplate = filepath.Join(dir, "template.db")
	var err error
	if seeded, err = buildTemplate(sqliteTemplate); err != nil {
		return fmt.Errorf("sqlite template: %w", err)
	}
	srv, err := pgtest.Shared()
	if err != nil {
		return nil // the postgres subtests skip, or fail in CI, saying why
	}
	name, err := srv.CreateDatabase(context.Background(), "template", "")
	if err != nil {
		return err
	}
	ids, err := buildTemplate(srv.DSN(name))
	if err != nil {
		return fmt.Errorf("postgres template: %w", err)
	}
	if ids != seeded {
		return fmt.Errorf("seeding gave other ids on PostgreSQL than on SQLite:\n%+v\n%+v", ids, seeded)
	}
	postgresTemplate = name
	return nil
}

// buildTemplate seeds a new database and returns the ids of what the
// scenarios use. It closes the store: a file is then complete (the WAL is
// checkpointed into it), and a PostgreSQL template must have no connections
// while it is copied.
func buildTemplate(dsn string) (pgtest.SeededIDs, error) {
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		return pgtest.SeededIDs{}, err
	}
	defer s.Close()
	if _, err := seeds.Load(ctx, s); err != nil {
		return pgtest.SeededIDs{}, err
	}
	// The source the scenarios' new provisions cite, whatever the seed
	// data's sources are called.
	if _, err := s.CreateSource(ctx, "setup", testSource); err != nil {
		return pgtest.SeededIDs{}, err
	}
	for _, u := range testUsers {
		if _, err := s.CreateUser(ctx, "test", u, "correct horse battery"); err != nil {
			return pgtest.SeededIDs{}, err
		}
	}
	return pgtest.FindSeeded(ctx, s)
}

// testUsers are in every test database, one per role. Requests are made as
// ed, the editor, unless a scenario says otherwise (as: "vera", "ada", or
// anonymous for none).
var testUsers = []models.User{{Username: "ada", Role: "admin"}, {Username: "ed", Role: "editor"}, {Username: "vera", Role: "viewer"}}

// anonymous, as a scenario's "as", sends no credentials.
const anonymous = "anonymous"

// dialect names a database the API tests run against.
type dialect string

const (
	sqlite   dialect = "sqlite"
	postgres dialect = "postgres"
)

// forEachDialect runs test once per database, as the subtests "sqlite" and
// "postgres". Without PostgreSQL installed the "postgres" subtest skips,
// except in CI, where it fails.
func forEachDialect(t *testing.T, test func(t *testing.T, d dialect)) {
	t.Helper()
	for _, d := range []dialect{sqlite, postgres} {
		t.Run(string(d), func(t *testing.T) {
			if d == postgres {
				pgtest.Require(t) // skip or fail once, here, not in every scenario
			}
			test(t, d)
		})
	}
}

// forEachServer runs test on each database, on a test server of its own.
func forEachServer(t *testing.T, test func(t *testing.T, ts *testServer)) {
	t.Helper()
	forEachDialect(t, func(t *testing.T, d dialect) { test(t, newTestServer(t, d)) })
}

// testServer is the API over a fresh copy of the seeded database, with an
// API token for each test user.
type testServer struct {
	t       *testing.T
	store   *store.Store
	handler http.Handler
	tokens  map[string]string // username → token secret
	as      string            // whose token requests carry; "" is ed
}

func newTestServer(t *testing.T, d dialect) *testServer {
	t.Helper()
	return serverOn(t, pgtest.Open(t, freshDatabase(t, d), store.Options{}))
}

// freshDatabase makes a database of dialect d that is a copy of the seeded
// template; its DSN.
func freshDatabase(t *testing.T, d dialect) string {
	t.Helper()
	if d == postgres {
		pgtest.Require(t)
		if postgresTemplate == "" {
			t.Fatal("no PostgreSQL template database")
		}
		return pgtest.NewDatabaseFrom(t, postgresTemplate)
	}
	path := filepath.Join(t.TempDir(), "api.db")
	if err := copyTemplate(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyTemplate copies the seeded SQLite template to path.
func copyTemplate(path string) error {
	raw, err := os.ReadFile(sqliteTemplate)
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o600)
}

// serverOn serves the API over s, making a token for each test user.
func serverOn(t *testing.T, s *store.Store) *testServer {
	t.Helper()
	ts := &testServer{t: t, store: s, handler: testEngine(s), tokens: map[string]string{}}
	for _, u := range testUsers {
		secret, _, err := s.CreateToken(context.Background(), "test", u.Username, "tests")
		if err != nil {
			t.Fatal(err)
		}
		ts.tokens[u.Username] = secret
	}
	return ts
}

// testEngine is the API's own engine (API.Engine) over s.
func testEngine(s *store.Store) *gin.Engine {
	return engineFor(s, New(s))
}

// engineFor is testEngine with the API a mounted, authenticating against
// s, for a test that needs the API made otherwise (another store, other
// limits, its streams ended).
func engineFor(s web.Store, a *API) *gin.Engine {
	engine, err := a.Engine(s)
	if err != nil {
		panic(err) // no options to get wrong
	}
	return engine
}

// do sends one request and returns the recorded response.
func (ts *testServer) do(method, url, body string, headers ...string) *httptest.ResponseRecorder {
	ts.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	switch who := ts.as; {
	case who == anonymous:
	case who == "":
		req.Header.Set("Authorization", "Bearer "+ts.tokens["ed"])
	default:
		req.Header.Set("Authorization", "Bearer "+ts.tokens[who])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	ts.handler.ServeHTTP(w, req)
	checkContract(ts.t, ts.store, req, w)
	return w
}

// decode reads a JSON response into v, failing the test if it is not JSON.
func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("response is not the JSON expected: %v\n%s", err, w.Body)
	}
	return v
}

// scenario is one request and what must come back. A scenario runs on a
// fresh database; check, when set, looks at the store afterwards.
type scenario struct {
	name        string
	method, url string
	body        string
	headers     []string
	as          string // who asks: "" for ed (editor), "vera", "ada", or anonymous
	wantStatus  int
	wantContain []string // substrings of the body
	wantFields  []string // fields named in a problem's errors list
	check       func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder)
}

func runScenarios(t *testing.T, scenarios []scenario) {
	t.Helper()
	forEachDialect(t, func(t *testing.T, d dialect) {
		runScenariosOn(t, d, scenarios)
	})
}

// scenarioWorkers is how many scenarios run at once, each on its own
// database. Most of a PostgreSQL scenario's time is the server creating the
// database and answering the schema check of store.Open, so running a few
// at once pays even on two cores, whatever go test's -parallel says.
const scenarioWorkers = 4

func runScenariosOn(t *testing.T, d dialect, scenarios []scenario) {
	// t.Run may be called from several goroutines at once; each returns
	// before this function does.
	work := make(chan scenario)
	var wg sync.WaitGroup
	for range scenarioWorkers {
		wg.Go(func() {
			for sc := range work {
				runScenario(t, d, sc)
			}
		})
	}
	for _, sc := range scenarios {
		work <- sc
	}
	close(work)
	wg.Wait()
}

func runScenario(t *testing.T, d dialect, sc scenario) {
	t.Run(sc.name, func(t *testing.T) {
		ts := newTestServer(t, d)
		ts.as = sc.as
		before := snapshot(t, ts.store)
		w := ts.do(sc.method, sc.url, sc.body, sc.headers...)
		if w.Code != sc.wantStatus {
			t.Fatalf("%s %s: status %d, want %d\n%s", sc.method, sc.url, w.Code, sc.wantStatus, w.Body)
		}
		for _, s := range sc.wantContain {
			if !strings.Contains(w.Body.String(), s) {
				t.Errorf("body lacks %q:\n%s", s, w.Body)
			}
		}
		if w.Code >= 400 {
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, ProblemContentType) {
				t.Errorf("error with Content-Type %q, want %s", ct, ProblemContentType)
			}
			p := decode[Problem](t, w)
			if p.Status != w.Code || p.Title == "" {
				t.Errorf("malformed problem: %+v", p)
			}
			for _, f := range sc.wantFields {
				if !hasField(p.Errors, f) {
					t.Errorf("problem errors %+v do not name %s", p.Errors, f)
				}
			}
			// A rejected request changes nothing.
			if after := snapshot(t, ts.store); after != before {
				t.Errorf("a rejected request changed the data:\nbefore %s\nafter  %s", before, after)
			}
		}
		if sc.check != nil {
			sc.check(t, ts.store, w)
		}
	})
}

func hasField(errs []models.FieldError, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

// snapshot summarises the data: the newest change and the row counts. Any
// write records a change, so an unchanged snapshot means no write happened.
func snapshot(t *testing.T, s *store.Store) string {
	t.Helper()
	ctx := context.Background()
	changes, err := s.Changes(ctx, store.ChangeFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	page, err := s.Provisions(ctx, store.ProvisionFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	parties, _ := s.Parties(ctx)
	plans, _ := s.Plans(ctx)
	var b bytes.Buffer
	fmt.Fprintf(&b, "changes-top=%d provisions=%d parties=%d plans=%d", changes[0].ID, page.Total, len(parties), len(plans))
	return b.String()
}

func url(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// testSource is the source the scenarios cite; testCites is a citation of
// it as JSON.
var testSource = models.Source{Key: "test-source", Publisher: "Plantracker tests", Title: "A source the tests cite", Date: "2025-11-21"}

const testCites = `[{"source":"test-source","sourcing":"reported"}]`
