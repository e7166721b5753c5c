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
func TestPublicRoutesAreRateLimitedPerAddress(t *testing.T) {
	ts := newTestServer(t, sqlite)
	// A budget that does not refill while the test runs, however slowly
	// the machine serves it: three calls, then none.
	const burst = 3
	a := New(ts.store)
	a.publicLimit = web.NewAddressLimiter(time.Hour, burst)
	ts.handler = engineFor(ts.store, a)
	call := func(path, addr string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.RemoteAddr = addr + ":40000"
		w := httptest.NewRecorder()
		ts.handler.ServeHTTP(w, req)
		checkContract(t, ts.store, req, w)
		return w
	}
	limited := 0
	for i := range burst + 4 {
		path := "/healthz"
		if i%2 == 1 {
			path = "/api/v1/openapi.json"
		}
		w := call(path, "203.0.113.7")
		switch w.Code {
		case 200:
		case 429:
			limited++
			if w.Header().Get("Retry-After") == "" || !strings.HasPrefix(w.Header().Get("Content-Type"), ProblemContentType) {
				t.Fatalf("429 without Retry-After or a problem document: %v", w.Header())
			}
		default:
			t.Fatalf("call %d: %d %s", i, w.Code, w.Body)
		}
	}
	if limited != 4 {
		t.Fatalf("%d of %d calls from one address were limited, want 4", limited, burst+4)
	}
	if w := call("/healthz", "198.51.100.9"); w.Code != 200 {
		t.Fatalf("another address: %d", w.Code)
	}
}
