package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"plantracker/store"
)

// FuzzWrites sends arbitrary bodies, path parameters and query strings to
// every route that changes data, through the real engine over a real
// SQLite store with the seed data, as an editor. Whatever comes in: no
// panic, no 5xx, every 4xx a problem document, and a refused request
// changes nothing.
func FuzzWrites(f *testing.F) {
	routes := writeRoutes()
	for i := range routes {
		for _, body := range []string{`{}`, `{"key":"x","kind":"troop_cap","title":"T","sourcing":"reported","sources":` + testCites + `,"terms":{"party":"UA","limit":-5}}`,
			`{"terms":{"party":"UA","limit":"lots"}}`, `[{"party":"RU","role":"signatory"}]`, `{"name":"Türkiye","short_name":"TR","type":"state"}`,
			`{"label":"Fork","date":"2025-13-45"}`, `{"title":"`, `null`, `"\u0000"`, `{"change_id":1}`, `{"role":"admin","password":"x"}`} {
			f.Add(uint8(i), int16(5), "UA", "role=signatory", []byte(body))
		}
	}
	f.Add(uint8(0), int16(-1), "../../etc", "limit=%zz", []byte(`{"a":1e999}`))
	f.Fuzz(func(t *testing.T, route uint8, id int16, seg, query string, body []byte) {
		ts := fuzzServer(t)
		rt := routes[int(route)%len(routes)]
		path := strings.NewReplacer(":id", strconv.Itoa(int(id)), ":party", pathSegment(seg), ":name", pathSegment(seg)).Replace(rt.Path)
		req, err := http.NewRequest(rt.Method, path+"?"+query, strings.NewReader(string(body)))
		if err != nil {
			return // not a request a client could send
		}
		req.Header.Set("Authorization", "Bearer "+ts.tokens["ed"])
		ts.mu.Lock()
		defer ts.mu.Unlock()
		before := snapshot(t, ts.store)
		w := httptest.NewRecorder()
		ts.handler.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d\n%s", rt.Method, req.URL, w.Code, w.Body)
		}
		if w.Code >= 400 {
			if ct := w.Header().Get("Content-Type"); ct != ProblemContentType {
				t.Fatalf("%s %s: %d with Content-Type %q", rt.Method, req.URL, w.Code, ct)
			}
			var p Problem
			if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Status != w.Code {
				t.Fatalf("%s %s: not a problem document: %s", rt.Method, req.URL, w.Body)
			}
			if after := snapshot(t, ts.store); after != before {
				t.Fatalf("%s %s was refused (%d) but changed the data: %s → %s", rt.Method, req.URL, w.Code, before, after)
			}
		}
	})
}

// FuzzWrites' database lives in the directory TestMain removes, so that
// fuzzing leaves nothing behind in the system's temp dir.
func TestFuzzDatabaseIsCleanedUp(t *testing.T) {
	fuzzServer(t)
	if rel, err := filepath.Rel(testDir, fuzzDir); err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		t.Fatalf("the fuzzing database is in %s, outside %s, which TestMain removes", fuzzDir, testDir)
	}
}

// writeRoutes are the routes that change data.
func writeRoutes() []Route {
	var out []Route
	for _, rt := range New((*store.Store)(nil)).Routes() { // only the table is read
		if rt.Method != http.MethodGet {
			out = append(out, rt)
		}
	}
	return out
}

// pathSegment keeps a fuzzed path parameter one segment.
func pathSegment(s string) string { return strings.ReplaceAll(s, "/", "%2F") }

// fuzzTarget is one server per fuzzing process: making a database per
// input would leave no time for fuzzing. Inputs run one at a time on it,
// so each one's snapshot is its own.
type fuzzTarget struct {
	*testServer
	mu sync.Mutex
}

var (
	fuzzOnce sync.Once
	fuzzTS   *fuzzTarget
	fuzzErr  error
	fuzzDir  string // where the fuzzing database is
)

func fuzzServer(t *testing.T) *fuzzTarget {
	fuzzOnce.Do(func() {
		// In the package's test directory, which TestMain removes: a
		// directory of its own in the system's temp dir was left behind
		// by every run.
		dir, err := os.MkdirTemp(testDir, "fuzz")
		if err != nil {
			fuzzErr = err
			return
		}
		path := filepath.Join(dir, "fuzz.db")
		if err := copyTemplate(path); err != nil {
			fuzzErr = err
			return
		}
		s, err := store.Open(context.Background(), path, store.Options{})
		if err != nil {
			fuzzErr = err
			return
		}
		fuzzDir = dir
		ts := &testServer{store: s, handler: testEngine(s), tokens: map[string]string{}}
		secret, _, err := s.CreateToken(context.Background(), "fuzz", "ed", "fuzz")
		if err != nil {
			fuzzErr = err
			return
		}
		ts.tokens["ed"] = secret
		fuzzTS = &fuzzTarget{testServer: ts}
	})
	if fuzzErr != nil {
		t.Fatal(fuzzErr)
	}
	return fuzzTS
}
