package bench

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"plantracker/api"
	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/store/gen"
)

// In-process benchmarks of the API's hot routes: the engine as main builds
// it (the shared middleware, token authentication, the access log written
// to nowhere), requests served with ServeHTTP, no network. They show what
// a request costs in our code, and profile it (-cpuprofile).

type apiWorld struct {
	h     http.Handler
	auth  string
	ids   []int64
	small []int64
	big   [2]int64
}

var (
	apiOnce sync.Once
	apiW    apiWorld
	apiErr  error
	apiDir  string // removed by TestMain
)

func apiBench(b *testing.B) apiWorld {
	b.Helper()
	apiOnce.Do(func() {
		if apiDir, apiErr = os.MkdirTemp("", "plantracker-bench-"); apiErr == nil {
			apiW, apiErr = openAPIWorld(apiDir)
		}
	})
	if apiErr != nil {
		b.Fatal(apiErr)
	}
	return apiW
}

// openAPIWorld opens a copy of PLANTRACKER_BENCH_DB, or generates a small
// database (5,000 provisions, and two drafts of 1,000).
func openAPIWorld(dir string) (apiWorld, error) {
	ctx := context.Background()
	path := filepath.Join(dir, "bench.db")
	src := os.Getenv(dbEnv)
	if src != "" {
		if err := copyFile(src, path); err != nil {
			return apiWorld{}, err
		}
	}
	s, err := store.Open(ctx, path, store.Options{Synchronous: "NORMAL", BcryptCost: bcrypt.MinCost})
	if err != nil {
		return apiWorld{}, err
	}
	if src == "" {
		for _, cfg := range []gen.Config{{Plans: 5, Drafts: 10, Provisions: 100, Seed: 1}, {Plans: 1, Drafts: 2, Provisions: 1000, Seed: 2}} {
			if _, err := gen.Generate(ctx, s, cfg); err != nil {
				return apiWorld{}, err
			}
		}
	}
	if _, err := s.CreateUser(ctx, "bench", models.User{Username: "bench", Role: models.RoleEditor}, "bench-password-1234"); err != nil {
		return apiWorld{}, err
	}
	secret, _, err := s.CreateToken(ctx, "bench", "bench", "load")
	if err != nil {
		return apiWorld{}, err
	}
	h, err := engine(s)
	if err != nil {
		return apiWorld{}, err
	}
	w := apiWorld{h: h, auth: "Bearer " + secret}
	db, err := sql.Open("sqlite3", sqliteDSN(path, "NORMAL", true))
	if err != nil {
		return w, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id FROM provisions ORDER BY id`)
	if err != nil {
		return w, err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		w.ids = append(w.ids, id)
	}
	rows.Close()
	rows, err = db.Query(`SELECT draft_id, COUNT(*) FROM provisions GROUP BY draft_id ORDER BY draft_id`)
	if err != nil {
		return w, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		rows.Scan(&id, &n)
		switch {
		case n < 1000:
			w.small = append(w.small, id)
		case w.big[0] == 0:
			w.big[0] = id
		default:
			w.big[1] = id
		}
	}
	return w, rows.Err()
}

// engine is main's engine (web.NewEngine: the shared middleware in
// production order), less the UI, with the API over s.
func engine(s *store.Store) (http.Handler, error) {
	gin.SetMode(gin.ReleaseMode)
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	authn := &web.Authenticator{Store: s, Policy: web.DefaultPolicy}
	return web.NewEngine(web.EngineConfig{Authenticator: authn, BodyLimit: api.MaxBodyBytes}, api.New(s).Surface())
}

func (w apiWorld) serve(b *testing.B, method, url string, body []byte) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	req.Header.Set("Authorization", w.auth)
	rec := httptest.NewRecorder()
	w.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s %s: %d %s", method, url, rec.Code, rec.Body)
	}
}

func BenchmarkAPIGetProvision(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", "/api/v1/provisions/"+strconv.FormatInt(w.ids[rng.IntN(len(w.ids))], 10), nil)
	}
}

func BenchmarkAPIDraftPage(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", fmt.Sprintf("/api/v1/drafts/%d/provisions?limit=50", w.small[rng.IntN(len(w.small))]), nil)
	}
}

func BenchmarkAPISearch(b *testing.B) {
	w := apiBench(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w.serve(b, "GET", "/api/v1/provisions?"+searches[i%len(searches)], nil)
		i++
	}
}

func BenchmarkAPIPatchProvision(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		w.serve(b, "PATCH", "/api/v1/provisions/"+strconv.FormatInt(w.ids[rng.IntN(len(w.ids))], 10),
			[]byte(`{"title":"Revised in a benchmark, `+strconv.Itoa(n)+`"}`))
	}
}

func BenchmarkAPICompare1000(b *testing.B) {
	w := apiBench(b)
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", fmt.Sprintf("/api/v1/compare?from=%d&to=%d", w.big[0], w.big[1]), nil)
	}
}

// BenchmarkFloorGetProvision is BenchmarkAPIGetProvision's floor: the bare
// handler, in process.
func BenchmarkFloorGetProvision(b *testing.B) {
	w := apiBench(b)
	f, err := OpenFloor(filepath.Join(apiDir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	h := f.Handler()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/provisions/"+strconv.FormatInt(w.ids[rng.IntN(len(w.ids))], 10), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}

// BenchmarkFloorDraftPage is BenchmarkAPIDraftPage's floor: the bare
// handler, in process.
func BenchmarkFloorDraftPage(b *testing.B) {
	w := apiBench(b)
	f, err := OpenFloor(filepath.Join(apiDir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	h := f.Handler()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", fmt.Sprintf("/drafts/%d/provisions?limit=50", w.small[rng.IntN(len(w.small))]), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}
