package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// In-process benchmarks of the API's hot routes: the engine as main builds
// it (the shared middleware, token authentication, the access log written
// to nowhere), requests served with ServeHTTP, no network. They show what
// a request costs in our code, and profile it (-cpuprofile).

type apiWorld struct {
	storetest.BenchDB
	h    http.Handler
	auth string
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
// database (storetest.OpenBenchDB), and adds a user with a token.
func openAPIWorld(dir string) (apiWorld, error) {
	ctx := context.Background()
	db, err := storetest.OpenBenchDB(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return apiWorld{}, err
	}
	s := db.Store
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
	return apiWorld{BenchDB: db, h: h, auth: "Bearer " + secret}, nil
}

// engine is main's engine less the UI (api.API.Engine) over s, with the
// access log written to nowhere.
func engine(s *store.Store) (http.Handler, error) {
	gin.SetMode(gin.ReleaseMode)
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	return api.New(s).Engine(s)
}

func (w apiWorld) serve(b *testing.B, method, url string, body []byte) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req := httptest.NewRequest(method, url, r)
	req.Header.Set("Authorization", w.auth)
	rec := &sinkRecorder{head: http.Header{}}
	w.h.ServeHTTP(rec, req)
	if rec.code != http.StatusOK {
		b.Fatalf("%s %s: %d %s", method, url, rec.code, rec.start)
	}
}

// sinkRecorder takes a response as a socket would: the body passes
// through and is gone (its first bytes kept for a failure's message).
// httptest.ResponseRecorder keeps the whole body in a buffer it grows as
// the body comes, which would add a 3.3 MB comparison's copy, and the
// growing, to what the benchmark says the server costs.
type sinkRecorder struct {
	head  http.Header
	code  int
	start []byte
}

func (r *sinkRecorder) Header() http.Header { return r.head }

func (r *sinkRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

func (r *sinkRecorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	if keep := 512 - len(r.start); keep > 0 {
		r.start = append(r.start, p[:min(keep, len(p))]...)
	}
	return len(p), nil
}

func BenchmarkAPIGetProvision(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", "/api/v1/provisions/"+strconv.FormatInt(w.IDs[rng.IntN(len(w.IDs))], 10), nil)
	}
}

func BenchmarkAPIDraftPage(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", fmt.Sprintf("/api/v1/drafts/%d/provisions?limit=50", w.Small[rng.IntN(len(w.Small))]), nil)
	}
}

// BenchmarkAPISearch: the load's searches, answered with whole provisions.
func BenchmarkAPISearch(b *testing.B) { benchSearches(b, "/api/v1/provisions?") }

// BenchmarkAPISearchHits: the same searches, answered with hits (what the
// load measures).
func BenchmarkAPISearchHits(b *testing.B) { benchSearches(b, "/api/v1/search?") }

func benchSearches(b *testing.B, path string) {
	w := apiBench(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w.serve(b, "GET", path+searches[i%len(searches)], nil)
		i++
	}
}

// BenchmarkAPISearchApart: each of the load's searches alone, and its
// words and its filter apart, so that what a filter costs (or saves) is
// seen beside the words' own cost.
func BenchmarkAPISearchApart(b *testing.B) {
	w := apiBench(b)
	for _, search := range searches {
		v, err := url.ParseQuery(search)
		if err != nil {
			b.Fatal(err)
		}
		words := url.Values{"q": v["q"]}
		filter := maps.Clone(v)
		delete(filter, "q")
		for _, part := range []struct{ name, query string }{
			{"both", search}, {"words", words.Encode()}, {"filter", filter.Encode()},
		} {
			b.Run(part.name+":"+part.query, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					w.serve(b, "GET", "/api/v1/search?"+part.query, nil)
				}
			})
		}
	}
}

func BenchmarkAPIPatchProvision(b *testing.B) {
	w := apiBench(b)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		w.serve(b, "PATCH", "/api/v1/provisions/"+strconv.FormatInt(w.IDs[rng.IntN(len(w.IDs))], 10),
			[]byte(`{"title":"Revised in a benchmark, `+strconv.Itoa(n)+`"}`))
	}
}

func BenchmarkAPICompare1000(b *testing.B) {
	w := apiBench(b)
	b.ReportAllocs()
	for b.Loop() {
		w.serve(b, "GET", fmt.Sprintf("/api/v1/compare?from=%d&to=%d", w.Big[0], w.Big[1]), nil)
	}
}

// BenchmarkFloorGetProvision is BenchmarkAPIGetProvision's floor: the bare
// handler, in process.
func BenchmarkFloorGetProvision(b *testing.B) {
	benchFloor(b, func(w apiWorld, rng *rand.Rand) string {
		return "/provisions/" + strconv.FormatInt(w.IDs[rng.IntN(len(w.IDs))], 10)
	})
}

// BenchmarkFloorDraftPage is BenchmarkAPIDraftPage's floor: the bare
// handler, in process.
func BenchmarkFloorDraftPage(b *testing.B) {
	benchFloor(b, func(w apiWorld, rng *rand.Rand) string {
		return fmt.Sprintf("/drafts/%d/provisions?limit=50", w.Small[rng.IntN(len(w.Small))])
	})
}

// benchFloor serves GET path (drawn anew each time) from the floor's bare
// handler, in process, on the API benchmarks' database.
func benchFloor(b *testing.B, path func(w apiWorld, rng *rand.Rand) string) {
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
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path(w, rng), nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}
