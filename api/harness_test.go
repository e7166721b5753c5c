package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/api/auth"
	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
)

// Every scenario runs against its own copy of a database holding the seed
// data, so scenarios cannot see each other's writes. The seeded template is
// built once; copying a file is much faster than seeding again.
var template string

// Ids of seeded rows the scenarios refer to.
var seeded struct {
	usPlan, e3Plan                     int64
	draft28, draftGeneva, draft20, e3  int64
	troopCap28, guarantee28, amnestyE3 int64
	partyUA, partyFI                   int64
}

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	dir, err := os.MkdirTemp("", "plantracker-api-test")
	if err != nil {
		panic(err)
	}
	template = filepath.Join(dir, "template.db")
	if err := buildTemplate(template); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildTemplate(path string) error {
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close() // checkpoints the WAL into the file, so copying the file copies everything
	if _, err := seeds.Load(ctx, s); err != nil {
		return err
	}
	plans, _ := s.Plans(ctx)
	for _, p := range plans {
		drafts, _ := s.Drafts(ctx, p.ID)
		switch p.Title {
		case "US peace framework":
			seeded.usPlan = p.ID
			seeded.draft28, seeded.draftGeneva, seeded.draft20 = drafts[0].ID, drafts[1].ID, drafts[2].ID
		case "European counter-proposal":
			seeded.e3Plan, seeded.e3 = p.ID, drafts[0].ID
		}
	}
	for _, f := range []struct {
		draft int64
		key   string
		id    *int64
	}{{seeded.draft28, "troop-cap", &seeded.troopCap28}, {seeded.draft28, "security-guarantee", &seeded.guarantee28}, {seeded.e3, "amnesty", &seeded.amnestyE3}} {
		ps, err := s.DraftProvisions(ctx, f.draft)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Key == f.key {
				*f.id = p.ID
			}
		}
	}
	parties, _ := s.Parties(ctx)
	for _, p := range parties {
		switch p.ShortName {
		case "UA":
			seeded.partyUA = p.ID
		case "FI":
			seeded.partyFI = p.ID
		}
	}
	if seeded.troopCap28 == 0 || seeded.e3 == 0 || seeded.partyUA == 0 || seeded.amnestyE3 == 0 {
		return fmt.Errorf("seed data lacks what the API tests use: %+v", seeded)
	}
	return nil
}

// testServer is the API over a fresh copy of the seeded database.
type testServer struct {
	t       *testing.T
	store   *store.Store
	handler http.Handler
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	path := filepath.Join(t.TempDir(), "api.db")
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
	return &testServer{t: t, store: s, handler: testEngine(s)}
}

// testEngine mounts the API the way main does, with the shared middleware.
func testEngine(s Store) *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(auth.RequestID(), auth.SecurityHeaders(), auth.MaxBodyBytes(MaxBodyBytes))
	New(s).Mount(r)
	r.NoRoute(NotFound)
	r.NoMethod(MethodNotAllowed)
	return r
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
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	w := httptest.NewRecorder()
	ts.handler.ServeHTTP(w, req)
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
	wantStatus  int
	wantContain []string // substrings of the body
	wantFields  []string // fields named in a problem's errors list
	check       func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder)
}

func runScenarios(t *testing.T, scenarios []scenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			ts := newTestServer(t)
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
