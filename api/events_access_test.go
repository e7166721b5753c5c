package api

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// streamServer serves the API's own engine (engineFor: authenticating
// against authStore) over a real listener, as a stream needs.
func streamServer(t *testing.T, s Store, authStore web.Store) (*API, *httptest.Server) {
	t.Helper()
	a := New(s)
	srv := httptest.NewServer(engineFor(authStore, a))
	t.Cleanup(func() { a.EndStreams(); srv.Close() })
	return a, srv
}

// openStream opens an event stream on a draft with a token; lines carries
// what it sends and is closed when it ends.
func openStream(t *testing.T, ctx context.Context, base string, draft int64, token string) (*http.Response, <-chan string) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+url("/api/v1/events?draft=%d", draft), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	lines := make(chan string, 100)
	if res.StatusCode != http.StatusOK {
		close(lines)
		return res, lines
	}
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	if l := <-lines; l != "retry: 1000" {
		t.Fatalf("first line %q", l)
	}
	return res, lines
}

// TestEventStreamEndsWithItsCredential: a stream opened with a token ends
// within a second of the token's revocation, of its user's new password
// and of its user's removal, as /api/v1/me answers 401 with it.
func TestEventStreamEndsWithItsCredential(t *testing.T) {
	ends := []struct {
		name string
		end  func(ctx context.Context, s *store.Store, tok models.Token) error
	}{
		{"token revoked", func(ctx context.Context, s *store.Store, tok models.Token) error {
			return s.RevokeToken(ctx, "ada", tok.ID)
		}},
		{"password reset", func(ctx context.Context, s *store.Store, _ models.Token) error {
			return s.SetPassword(ctx, "ada", "nora", "a brand new password", false)
		}},
		{"user removed", func(ctx context.Context, s *store.Store, _ models.Token) error {
			return s.DeleteUser(ctx, "ada", "nora")
		}},
	}
	forEachDialect(t, func(t *testing.T, d dialect) {
		for _, tt := range ends {
			t.Run(tt.name, func(t *testing.T) {
				ts := newTestServer(t, d)
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if _, err := ts.store.CreateUser(ctx, "ada", models.User{Username: "nora", Role: models.RoleViewer}, "correct horse battery"); err != nil {
					t.Fatal(err)
				}
				secret, tok, err := ts.store.CreateToken(ctx, "nora", "nora", "stream")
				if err != nil {
					t.Fatal(err)
				}
				_, srv := streamServer(t, ts.store, ts.store)
				_, lines := openStream(t, ctx, srv.URL, seeded.Draft28, secret)
				if err := tt.end(ctx, ts.store, tok); err != nil {
					t.Fatal(err)
				}
				ended := time.Now()
				if !streamEnds(lines, 2*time.Second) {
					t.Fatal("the stream goes on after its credential ended")
				}
				if took := time.Since(ended); took > 1200*time.Millisecond {
					t.Errorf("the stream ended %v after its credential", took)
				}
				ts.tokens["nora"] = secret
				ts.as = "nora"
				if w := ts.do("GET", "/api/v1/me", ""); w.Code != http.StatusUnauthorized {
					t.Errorf("/me with the token: %d", w.Code)
				}
			})
		}
	})
}

// TestEventStreamsAreCappedPerClient: one token may hold
// MaxStreamsPerClient streams; one more is a 429 problem, while another
// token is served; closing one lets the next in.
func TestEventStreamsAreCappedPerClient(t *testing.T) {
	ts := newTestServer(t, sqlite)
	_, srv := streamServer(t, ts.store, ts.store)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var first context.CancelFunc
	for i := range MaxStreamsPerClient {
		sctx, scancel := context.WithCancel(ctx)
		defer scancel()
		if i == 0 {
			first = scancel
		}
		if res, _ := openStream(t, sctx, srv.URL, seeded.Draft28, ts.tokens["vera"]); res.StatusCode != 200 {
			t.Fatalf("stream %d: %d", i+1, res.StatusCode)
		}
	}
	res, _ := openStream(t, ctx, srv.URL, seeded.Draft28, ts.tokens["vera"])
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusTooManyRequests || !strings.HasPrefix(res.Header.Get("Content-Type"), ProblemContentType) ||
		res.Header.Get("Retry-After") == "" {
		t.Fatalf("one stream too many: %d %v %s", res.StatusCode, res.Header, body)
	}
	if res, _ := openStream(t, ctx, srv.URL, seeded.Draft28, ts.tokens["ed"]); res.StatusCode != 200 {
		t.Fatalf("another client: %d", res.StatusCode)
	}
	first()
	deadline := time.Now().Add(3 * time.Second)
	for {
		res, _ := openStream(t, ctx, srv.URL, seeded.Draft28, ts.tokens["vera"])
		if res.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after one stream closed: %d", res.StatusCode)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// countingStore counts the audit-trail reads.
type countingStore struct {
	*store.Store
	reads atomic.Int64
}

func (s *countingStore) Changes(ctx context.Context, f store.ChangeFilter) ([]models.Change, error) {
	s.reads.Add(1)
	return s.Store.Changes(ctx, f)
}

// TestEventStreamsShareOnePoller: ten open streams read the audit trail
// as one does, every pollInterval, not ten times as often; every stream
// still gets the event.
func TestEventStreamsShareOnePoller(t *testing.T) {
	ts := newTestServer(t, sqlite)
	cs := &countingStore{Store: ts.store}
	a, srv := streamServer(t, cs, ts.store)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	const n = 10
	var streams []<-chan string
	for i := range n {
		token := ts.tokens[[]string{"vera", "ed", "ada"}[i%3]]
		_, lines := openStream(t, ctx, srv.URL, seeded.Draft28, token)
		streams = append(streams, lines)
	}
	before := cs.reads.Load()
	const window = 2 * time.Second
	time.Sleep(window)
	reads := cs.reads.Load() - before
	// One poller: window/pollInterval reads (8), give or take a tick.
	if max := int64(window/pollInterval) + 2; reads > max {
		t.Errorf("%d streams read the trail %d times in %v, want at most %d (one poller)", n, reads, window, max)
	}
	if a.streams.polls != 1 {
		t.Errorf("%d pollers started, want 1", a.streams.polls)
	}
	if _, err := ts.store.UpdateProvision(ctx, "ed", seeded.TroopCap28, 0, models.ProvisionPatch{Title: storetest.Ptr("Troop cap, edited")}); err != nil {
		t.Fatal(err)
	}
	for i, lines := range streams {
		if ev := nextEvent(t, lines); ev.EntityID != seeded.TroopCap28 {
			t.Errorf("stream %d: %+v", i, ev)
		}
	}
}

// nextEvent reads the next event's data from a stream, within 3 s.
func nextEvent(t *testing.T, lines <-chan string) DraftEvent {
	t.Helper()
	timeout := time.After(3 * time.Second)
	for {
		select {
		case l, open := <-lines:
			if !open {
				t.Fatal("the stream ended")
			}
			if data, ok := strings.CutPrefix(l, "data: "); ok {
				var ev DraftEvent
				if err := json.Unmarshal([]byte(data), &ev); err != nil {
					t.Fatal(err)
				}
				return ev
			}
		case <-timeout:
			t.Fatal("no event within 3 s")
		}
	}
}

// streamEnds reads a stream to its end; false when it goes on past within.
func streamEnds(lines <-chan string, within time.Duration) bool {
	deadline := time.After(within)
	for {
		select {
		case _, open := <-lines:
			if !open {
				return true
			}
		case <-deadline:
			return false
		}
	}
}

// TestEventStreamFiltersDraftChanges: a stream on a draft gets the draft's
// own change events (its label, as title) and none of another draft's.
func TestEventStreamFiltersDraftChanges(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		_, srv := streamServer(t, ts.store, ts.store)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, lines := openStream(t, ctx, srv.URL, seeded.Draft28, ts.tokens["vera"])
		if _, err := ts.store.UpdateDraft(ctx, "ed", seeded.E3, 0, models.DraftPatch{Label: storetest.Ptr("E3 counter-proposal, relabelled")}); err != nil {
			t.Fatal(err)
		}
		if _, err := ts.store.UpdateDraft(ctx, "ed", seeded.Draft28, 0, models.DraftPatch{Label: storetest.Ptr("28-point draft, relabelled")}); err != nil {
			t.Fatal(err)
		}
		ev := nextEvent(t, lines)
		if ev.Entity != models.EntityDraft || ev.EntityID != seeded.Draft28 || ev.DraftID != seeded.Draft28 ||
			ev.Action != models.ActionUpdate || ev.Title != "28-point draft, relabelled" || ev.Actor != "ed" {
			t.Errorf("the first event is not the draft's own change: %+v", ev)
		}
	})
}

// TestEventStreamEndsWithItsSession: a browser's stream (the session
// cookie) ends within a second of the session's end (signed out
// elsewhere, or by an admin's password reset).
func TestEventStreamEndsWithItsSession(t *testing.T) {
	ts := newTestServer(t, sqlite)
	_, srv := streamServer(t, ts.store, ts.store)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	vera, err := ts.store.UserByName(ctx, "vera")
	if err != nil {
		t.Fatal(err)
	}
	secret, err := ts.store.CreateSession(ctx, vera.ID)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+url("/api/v1/events?draft=%d", seeded.Draft28), nil)
	req.AddCookie(&http.Cookie{Name: web.CookieName, Value: secret})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("%d", res.StatusCode)
	}
	done := make(chan struct{})
	go func() { _, _ = io.Copy(io.Discard, res.Body); close(done) }()
	time.Sleep(100 * time.Millisecond)
	if err := ts.store.DeleteSession(ctx, secret); err != nil {
		t.Fatal(err)
	}
	ended := time.Now()
	select {
	case <-done:
		if took := time.Since(ended); took > 1200*time.Millisecond {
			t.Errorf("the stream ended %v after its session", took)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the stream goes on after its session ended")
	}
}
