package api

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"plantracker/api/web"
)

// The public routes need no token, and the health check writes on every
// call: one address calling them too fast gets 429 with a problem
// document and Retry-After, and other addresses are served meanwhile.
// The health check (GET and HEAD) has a bucket of its own, apart from the
// OpenAPI document's.
func TestPublicRoutesAreRateLimitedPerAddress(t *testing.T) {
	ts := newTestServer(t, sqlite)
	// A budget that does not refill while the test runs, however slowly
	// the machine serves it: three calls, then none.
	const burst = 3
	call := limitedServer(t, ts, burst)
	for _, path := range []string{"/healthz", "/api/v1/openapi.json"} {
		limited := 0
		for i := range burst + 2 {
			w := call("GET", path, "203.0.113.7")
			switch w.Code {
			case 200:
			case 429:
				limited++
				if w.Header().Get("Retry-After") == "" || !strings.HasPrefix(w.Header().Get("Content-Type"), ProblemContentType) {
					t.Fatalf("429 without Retry-After or a problem document: %v", w.Header())
				}
			default:
				t.Fatalf("%s, call %d: %d %s", path, i, w.Code, w.Body)
			}
		}
		if limited != 2 {
			t.Fatalf("%s: %d of %d calls from one address were limited, want 2", path, limited, burst+2)
		}
	}
	if w := call("GET", "/healthz", "198.51.100.9"); w.Code != 200 {
		t.Fatalf("another address: %d", w.Code)
	}
}

// TestHealthCheckHasItsOwnBucket: a client polling the OpenAPI document
// past its limit does not make a health monitor on the same address get
// 429, by GET or HEAD. The document's budget does not refill during the
// test; the health check's is the server's own.
func TestHealthCheckHasItsOwnBucket(t *testing.T) {
	ts := newTestServer(t, sqlite)
	a := New(ts.store)
	a.publicLimit = web.NewAddressLimiter(time.Hour, 3)
	engine := engineFor(ts.store, a)
	call := func(method, path, addr string) int {
		req := httptest.NewRequest(method, path, nil)
		req.RemoteAddr = addr + ":40000"
		w := httptest.NewRecorder()
		engine.ServeHTTP(w, req)
		return w.Code
	}
	const addr = "203.0.113.8"
	for range 5 {
		call("GET", "/api/v1/openapi.json", addr)
	}
	if code := call("GET", "/api/v1/openapi.json", addr); code != 429 {
		t.Fatalf("the document's poller is not limited: %d", code)
	}
	if code := call("GET", "/healthz", addr); code != 200 {
		t.Fatalf("GET /healthz after the document's poller was limited: %d", code)
	}
	if code := call("HEAD", "/healthz", addr); code != 200 {
		t.Fatalf("HEAD /healthz after the document's poller was limited: %d", code)
	}
}

// limitedServer serves the API with public budgets of burst calls that do
// not refill during the test.
func limitedServer(t *testing.T, ts *testServer, burst int) func(method, path, addr string) *httptest.ResponseRecorder {
	a := New(ts.store)
	a.publicLimit = web.NewAddressLimiter(time.Hour, burst)
	a.healthLimit = web.NewAddressLimiter(time.Hour, burst)
	ts.handler = engineFor(ts.store, a)
	return func(method, path, addr string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, nil)
		req.RemoteAddr = addr + ":40000"
		w := httptest.NewRecorder()
		ts.handler.ServeHTTP(w, req)
		if method == "GET" {
			checkContract(t, ts.store, req, w)
		}
		return w
	}
}
