package api

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/api/web"
)

// A request whose client has gone (its context ended mid-way, as when wrk
// stops or a browser navigates away) is logged as 499 at Info level, not
// as a server error with a 500 that was never sent.
func TestClientGoneIsNotAServerError(t *testing.T) {
	ts := newTestServer(t, sqlite)
	var logs bytes.Buffer
	previous := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	t.Cleanup(func() { slog.SetDefault(previous) })

	// A first request puts the token in the cache. The second's credential
	// check (the revocation epoch is read on every request) or its
	// database work meets the ended context: either way it is a 499.
	if w := ts.do("GET", "/api/v1/drafts/1/provisions", ""); w.Code != 200 {
		t.Fatalf("first request: %d", w.Code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/api/v1/drafts/1/provisions", nil).WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+ts.tokens["ed"])
	w := httptest.NewRecorder()
	ts.handler.ServeHTTP(w, req)
	if w.Code != web.StatusClientClosedRequest || w.Body.Len() != 0 {
		t.Fatalf("a request whose client went away: %d %q, want %d and no body", w.Code, w.Body, web.StatusClientClosedRequest)
	}
	if strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "client went away") {
		t.Fatalf("logged:\n%s", logs.String())
	}
}
