package ui_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"plantracker/api/server"
	"plantracker/api/web"
	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
	"plantracker/store/storetest"
)

// Every test runs against its own copy of a database holding the seed data,
// so tests cannot see each other's writes. The seeded template is built
// once; copying a file is much faster than seeding again.
var template string

// testPassword is every test user's: ed (editor) and vera (viewer).
const testPassword = "correct horse battery"

// Ids of seeded rows the tests refer to.
var seeded struct {
	draft28, geneva, draft20, e3 int64
	troopCap28, guarantee28      int64
	troopCap20                   int64 // its words in Ukrainian too
	partyUA                      int64
}

func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode)
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil))) // the access log, one line per request
	dir, err := os.MkdirTemp("", "plantracker-ui-test")
	if err != nil {
		panic(err)
	}
	template = filepath.Join(dir, "template.db")
	if err := buildTemplate(template); err != nil {
		panic(err)
	}
	code := m.Run()
	stopBrowser()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildTemplate(path string) error {
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		return err
	}
	defer s.Close() // checkpoints the WAL into the file, so copying the file copies everything
	if _, err := seeds.Load(ctx, s); err != nil {
		return err
	}
	// The source the tests' new provisions cite, whatever the seed data's
	// sources are called.
	if _, err := s.CreateSource(ctx, "test", testSource); err != nil {
		return err
	}
	for _, u := range []models.User{{Username: "ed", Role: models.RoleEditor}, {Username: "vera", Role: models.RoleViewer}} {
		if _, err := s.CreateUser(ctx, "test", u, testPassword); err != nil {
			return err
		}
	}
	ids, err := storetest.FindSeeded(ctx, s)
	if err != nil {
		return err
	}
	seeded.draft28, seeded.geneva, seeded.draft20, seeded.e3 = ids.Draft28, ids.Geneva, ids.Draft20, ids.E3
	seeded.troopCap28, seeded.guarantee28, seeded.partyUA = ids.TroopCap28, ids.Guarantee28, ids.PartyUA
	seeded.troopCap20 = ids.TroopCap20
	return nil
}

// openStore opens a fresh copy of the seeded database.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ui.db")
	raw, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testEngine is the engine main serves (server.NewEngine: the shared
// middleware, the API and the UI), over s.
func testEngine(s *store.Store) http.Handler {
	engine, err := server.NewEngine(s, server.EngineOptions{})
	if err != nil {
		panic(err) // no options to get wrong
	}
	return engine
}

// app is the UI over a fresh database, for tests without a browser. Its
// requests come from a browser signed in as ed, an editor, whose form posts
// carry the session's CSRF token, unless a request brings its own cookie.
type app struct {
	t       *testing.T
	store   *store.Store
	handler http.Handler
	cookie  *http.Cookie // the session; nil: not signed in
	csrf    string
}

func newApp(t *testing.T) *app {
	t.Helper()
	s := openStore(t)
	a := &app{t: t, store: s, handler: testEngine(s)}
	a.signIn("ed")
	return a
}

// signIn makes the app's browser signed in as username; "" signs out.
func (a *app) signIn(username string) {
	a.t.Helper()
	a.cookie, a.csrf = nil, ""
	if username == "" {
		return
	}
	ctx := context.Background()
	u, err := a.store.UserByName(ctx, username)
	if err != nil {
		a.t.Fatal(err)
	}
	secret, err := a.store.CreateSession(ctx, u.ID)
	if err != nil {
		a.t.Fatal(err)
	}
	sess, err := a.store.Session(ctx, secret, web.DefaultPolicy)
	if err != nil {
		a.t.Fatal(err)
	}
	a.cookie, a.csrf = &http.Cookie{Name: web.CookieName, Value: secret}, sess.CSRF
}

// get sends a GET and returns the response with its body read.
func (a *app) get(path string) (*http.Response, string) {
	a.t.Helper()
	return a.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// post sends a form, with the session's CSRF token unless the form has
// one, and returns the response (redirects are not followed).
func (a *app) post(path string, form url.Values) (*http.Response, string) {
	a.t.Helper()
	if a.csrf != "" && form.Get(web.CSRFField) == "" {
		form = cloneValues(form)
		form.Set(web.CSRFField, a.csrf)
	}
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return a.do(req)
}

func (a *app) do(req *http.Request) (*http.Response, string) {
	a.t.Helper()
	if _, err := req.Cookie(web.CookieName); a.cookie != nil && err != nil {
		req.AddCookie(a.cookie)
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return res, string(body)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func id(n int64) string { return fmt.Sprint(n) }

// testSource is the source the tests cite.
var testSource = models.Source{Key: "test-source", Publisher: "Plantracker tests", Title: "A source the tests cite", Date: "2025-11-21"}

// testCites cites testSource.
var testCites = []models.Citation{{Source: "test-source", Sourcing: "reported"}}
