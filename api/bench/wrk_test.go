package bench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"plantracker/store/storetest"
)

func TestParseWrk(t *testing.T) {
	clean := `Running 5s test @ http://127.0.0.1:8080/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.91ms    1.51ms   1.02s    80.00%
    Req/Sec     8.71k     1.10k   10.67k    72.00%
  Latency Distribution
     50%  812.00us
     75%    3.50ms
     90%    4.48ms
     99%    7.73ms
  86690 requests in 5.00s, 20.42MB read
Requests/sec:  17337.82
Transfer/sec:      4.08MB
`
	r, err := ParseWrk(clean)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Requests: 86690, Rate: 17337.82, Elapsed: 5 * time.Second, P50: 812 * time.Microsecond,
		P99: 7730 * time.Microsecond, Max: 1020 * time.Millisecond, Bytes: 21411921} // 20.42 MiB
	if r != want {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}

	failed := strings.Replace(clean, "Requests/sec:", `  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 12
Requests/sec:`, 1)
	r, err = ParseWrk(failed)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 16 || r.ErrorText != "socket errors: connect 0, read 3, write 0, timeout 1; 12 answers not 2xx or 3xx" {
		t.Errorf("errors: %d, %q", r.Errors, r.ErrorText)
	}

	if _, err := ParseWrk(strings.Replace(clean, "     99%    7.73ms\n", "", 1)); err == nil {
		t.Error("no 99th percentile, no error")
	}
	if _, err := ParseWrk(strings.Replace(clean, "7.73ms", "7.73xs", 1)); err == nil {
		t.Error("a duration in no unit, no error")
	}
}

// TestWrkScripts runs each kind of script with wrk and checks what the
// server was sent. make test installs wrk; elsewhere the test skips without
// it, but in CI a missing wrk is a failure.
func TestWrkScripts(t *testing.T) {
	if _, err := WrkPath(); err != nil {
		if storetest.InCI() {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	dir := t.TempDir()
	// Each run has its own server, read only once Close has waited for every
	// request it took: wrk stops with requests still in its sockets, and a
	// server shared between runs counted those in the next run's tally.
	var seen map[string]int
	var bodies []string
	run := func(s Script, conns int) Result {
		t.Helper()
		var mu sync.Mutex
		tally := map[string]int{}
		var sent []string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			defer mu.Unlock()
			tally[r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Authorization")+" "+r.Header.Get("Content-Type")]++
			if len(body) > 0 {
				sent = append(sent, string(body))
			}
			if strings.HasSuffix(r.URL.Path, "/404") {
				w.WriteHeader(http.StatusNotFound)
			}
		}))
		path := filepath.Join(dir, "load.lua")
		if err := s.Write(path); err != nil {
			t.Fatal(err)
		}
		r, err := Wrk{Name: "test", URL: srv.URL, Conns: conns, Script: path}.run(context.Background(), time.Second, "test", 1)
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		if r.Requests == 0 || r.Rate == 0 || r.P50 == 0 || r.P99 < r.P50 || r.Max < r.P99 {
			t.Errorf("%+v", r)
		}
		seen, bodies = tally, sent
		return r
	}
	auth := map[string]string{"Authorization": `Bearer a"b\c`}

	run(Script{Header: auth, Prefix: "/items/", IDs: []int64{7, 8, 9}}, 4)
	if len(seen) != 3 || seen[`GET /items/7 Bearer a"b\c `] == 0 {
		t.Errorf("random GETs: %v", seen)
	}

	run(Script{Header: auth, Paths: []string{"/search?q=%D0%B3%D0%B0", "/compare?from=1&to=2"}}, 1)
	if len(seen) != 2 || seen[`GET /search?q=%D0%B3%D0%B0 Bearer a"b\c `] == 0 {
		t.Errorf("GETs in turn: %v", seen)
	}

	run(Script{Header: auth, Prefix: "/items/", IDs: []int64{7, 8}, Title: true}, 2)
	if len(seen) != 2 || seen[`PATCH /items/8 Bearer a"b\c application/json`] == 0 {
		t.Errorf("PATCHes: %v", seen)
	}
	titles := map[string]bool{}
	for _, b := range bodies {
		if !strings.HasPrefix(b, `{"title":"Revised under load, test-`) || titles[b] {
			t.Errorf("not a new title: %s", b)
			break
		}
		titles[b] = true
	}

	r := run(Script{Paths: []string{"/404"}}, 1)
	if r.Errors != r.Requests || !strings.Contains(r.ErrorText, "not 2xx or 3xx") {
		t.Errorf("404s: %d errors of %d (%s)", r.Errors, r.Requests, r.ErrorText)
	}
}
