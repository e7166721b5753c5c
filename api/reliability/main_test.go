package reliability

import (
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
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/models"
	"plantracker/store"
	pgtest "plantracker/store/storetest"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode)
	// The access log writes a line per request at Info, thousands here;
	// warnings and errors still show.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(pgtest.Main(m, nil))
}

// serve starts a real HTTP server on loopback over a store, with the API
// as main serves it less the UI (api.API.Engine); the test's cleanup stops
// it.
func serve(t *testing.T, s *store.Store) *httptest.Server {
	t.Helper()
	engine, err := api.New(s).Engine(s)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(engine)
	t.Cleanup(srv.Close)
	return srv
}

// openSQLite opens a store on a new SQLite file.
func openSQLite(t *testing.T) (*store.Store, string) {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "reliability.db")
	return open(t, dsn), dsn
}

// openPostgres opens a store on a new database of the test server.
func openPostgres(t *testing.T) (*store.Store, string) {
	t.Helper()
	dsn := pgtest.NewDatabase(t)
	return open(t, dsn), dsn
}

func open(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// world creates what the tests write to: a party, a plan, a draft, and n
// troop caps in it. It returns the draft and the provisions' ids.
func world(t *testing.T, s *store.Store, n int) (draftID int64, ids []int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "setup", models.User{Username: "loader", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateParty(ctx, "setup", models.Party{Name: "Ukraine", ShortName: "UA", Type: "state"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSource(ctx, "setup", models.Source{Key: "test", Publisher: "Plantracker tests", Title: "Load test"}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.CreatePlan(ctx, "setup", models.Plan{Title: "Load test"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CreateDraft(ctx, "setup", models.DraftInput{Label: "Draft", Date: "2025-11-20"}.Draft(plan.ID))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p, err := s.CreateProvision(ctx, "setup", models.Provision{DraftID: d.ID, Key: fmt.Sprintf("cap-%02d", i),
			Point: fmt.Sprint(i + 1), Kind: "troop_cap", Title: fmt.Sprintf("Cap %d", i),
			Terms: json.RawMessage(`{"party":"UA","limit":1000}`), Sourcing: "reported", Sources: []models.Citation{{Source: "test", Sourcing: "reported"}},
			Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor"}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return d.ID, ids
}

// response is what a request got back.
type response struct {
	status int
	etag   string
	body   []byte
}

// do sends one request with a JSON body (when not empty) and extra headers
// as name, value pairs.
func do(ctx context.Context, c *http.Client, method, url, body string, headers ...string) (response, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return response{}, err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return response{status: res.StatusCode, etag: res.Header.Get("ETag"), body: b}, err
}

// newClient is an HTTP client that keeps enough idle connections for many
// goroutines, so that they reuse connections instead of running the
// machine out of ports, and signs every request with an API token.
func newClient(token string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 256
	tr.MaxIdleConnsPerHost = 128
	return &http.Client{Transport: bearer{token, tr}}
}

// bearer adds "Authorization: Bearer token" to every request.
type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(req)
}

// tokenFor makes an API token for the loader, world's editor.
func tokenFor(t *testing.T, s *store.Store) string {
	t.Helper()
	secret, _, err := s.CreateToken(context.Background(), "setup", "loader", "load")
	if err != nil {
		t.Fatal(err)
	}
	return secret
}
