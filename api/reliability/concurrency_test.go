package reliability

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/store"
	pgtest "plantracker/store/storetest"
)

// The load: clients × cycles read-modify-write cycles on a few shared
// provisions. -short runs a tenth of the cycles.
const (
	clients    = 50
	cycles     = 100
	provisions = 10
	// loadTimeout bounds one run; the load is given up (and the test
	// failed) past it.
	loadTimeout = 3 * time.Minute
)

// Many clients edit the same provisions at once, each cycle reading a
// provision, changing it with If-Match and, when someone else was quicker
// (412), reading it again and retrying. No write is lost or doubled: each
// provision's version is one more than its successful writes, its audit
// trail holds exactly one update per write, one per version, and nothing
// answers 5xx or "database is locked".
func TestConcurrentEdits(t *testing.T) {
	pgtest.ForEachDialect(t, func(t *testing.T, open pgtest.Opener) {
		s := open(t)
		_, ids := world(t, s, provisions)
		runLoad(t, tokenFor(t, s), ids, serve(t, s))
	})
	// Two app instances, each with its own store (connection pool) on one
	// database: the version guard in the database, not a lock in one
	// process, keeps writes apart.
	t.Run("postgres, two instances", func(t *testing.T) {
		dsn := pgtest.NewDatabase(t)
		s1 := pgtest.Open(t, dsn, store.Options{})
		_, ids := world(t, s1, provisions)
		s2 := pgtest.Open(t, dsn, store.Options{})
		runLoad(t, tokenFor(t, s1), ids, serve(t, s1), serve(t, s2))
	})
}

// loadStats are the figures of one run.
type loadStats struct {
	writes, preconditionFailed, reads atomic.Int64
	maxAttempts                       atomic.Int64
}

// runLoad drives the load through the servers (client c uses server c mod
// len(servers) to write, the next one to read) and checks the outcome.
func runLoad(t *testing.T, token string, ids []int64, servers ...*httptest.Server) {
	n := cycles
	if testing.Short() {
		n = cycles / 10
	}
	ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
	defer cancel()
	client := newClient(token)
	defer client.CloseIdleConnections()

	var stats loadStats
	// versions[id] collects the version each successful write produced:
	// all different, and 2, 3, … with no gap, or a write was lost.
	var mu sync.Mutex
	versions := map[int64][]int{}
	var failures []string
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
		cancel() // one failure is enough: stop the load
	}

	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			writeTo := servers[c%len(servers)].URL
			readFrom := servers[(c+1)%len(servers)].URL
			for i := range n {
				id := ids[(c+i)%len(ids)]
				url := fmt.Sprintf("/api/v1/provisions/%d", id)
				body := fmt.Sprintf(`{"title":"client %d cycle %d","terms":{"party":"UA","limit":%d}}`, c, i, 1+c*1000+i)
				for attempt := int64(1); ; attempt++ {
					if ctx.Err() != nil {
						return
					}
					got, err := do(ctx, client, "GET", readFrom+url, "")
					stats.reads.Add(1)
					if !check(fail, "GET "+url, got, err, 200) {
						return
					}
					read, err := strconv.Atoi(strings.Trim(got.etag, `"`))
					if err != nil {
						fail("GET %s: ETag %q", url, got.etag)
						return
					}
					got, err = do(ctx, client, "PATCH", writeTo+url, body, "If-Match", got.etag)
					if !check(fail, "PATCH "+url, got, err, 200, 412) {
						return
					}
					if got.status == 412 {
						stats.preconditionFailed.Add(1)
						continue
					}
					var p models.Provision
					if err := json.Unmarshal(got.body, &p); err != nil || p.Version != read+1 || got.etag != fmt.Sprintf(`"%d"`, p.Version) {
						fail("PATCH %s over version %d: version %d, ETag %s (%v)", url, read, p.Version, got.etag, err)
						return
					}
					stats.writes.Add(1)
					if attempt > stats.maxAttempts.Load() {
						stats.maxAttempts.Store(attempt) // a race here only understates a figure
					}
					mu.Lock()
					versions[id] = append(versions[id], p.Version)
					mu.Unlock()
					break
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	if ctx.Err() != nil && len(failures) == 0 {
		failures = append(failures, fmt.Sprintf("the load did not finish within %v", loadTimeout))
	}
	if len(failures) > 0 {
		t.Fatalf("%d servers, %d clients: %s", len(servers), clients, strings.Join(failures, "\n"))
	}
	writes := stats.writes.Load()
	retries := stats.preconditionFailed.Load() // every 412 is re-read and retried
	t.Logf("%d server(s), %d clients × %d cycles on %d provisions: writes=%d 412s=%d retries=%d reads=%d "+
		"max-attempts-for-one-write=%d duration=%v (%.0f writes/s)",
		len(servers), clients, n, len(ids), writes, stats.preconditionFailed.Load(), retries, stats.reads.Load(),
		stats.maxAttempts.Load(), took.Round(time.Millisecond), float64(writes)/took.Seconds())
	if writes != int64(clients*n) {
		t.Fatalf("%d writes succeeded, want %d", writes, clients*n)
	}

	// Every write is there, once: versions, and the audit trail.
	ctx, cancel = context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, id := range ids {
		url := fmt.Sprintf("/api/v1/provisions/%d", id)
		got, err := do(ctx, client, "GET", servers[0].URL+url, "")
		if err != nil || got.status != 200 {
			t.Fatalf("GET %s: %d %v", url, got.status, err)
		}
		var p models.Provision
		if err := json.Unmarshal(got.body, &p); err != nil {
			t.Fatal(err)
		}
		vs := versions[id]
		sort.Ints(vs)
		if p.Version != 1+len(vs) {
			t.Errorf("provision %d: version %d after %d writes", id, p.Version, len(vs))
		}
		for i, v := range vs {
			if v != i+2 {
				t.Errorf("provision %d: the writes produced versions %v, want 2…%d each once", id, vs, len(vs)+1)
				break
			}
		}
		updates := auditTrail(ctx, t, client, servers[len(servers)-1].URL, id)
		if len(updates) != len(vs) {
			t.Errorf("provision %d: %d updates in the audit trail, %d writes", id, len(updates), len(vs))
		}
		for i, c := range updates { // oldest first
			var before, after models.Provision
			if json.Unmarshal(c.Before, &before) != nil || json.Unmarshal(c.After, &after) != nil ||
				before.Version != i+1 || after.Version != i+2 {
				t.Errorf("provision %d: update %d of the audit trail goes from version %d to %d", id, i+1, before.Version, after.Version)
				break
			}
		}
	}
}

// check reports whether a response is one of the statuses wanted; when it
// is not, or is a server error or a "database is locked", it fails the run.
func check(fail func(string, ...any), what string, got response, err error, want ...int) bool {
	if err != nil {
		fail("%s: %v", what, err)
		return false
	}
	if got.status >= 500 || strings.Contains(string(got.body), "database is locked") {
		fail("%s: %d %s", what, got.status, got.body)
		return false
	}
	for _, w := range want {
		if got.status == w {
			return true
		}
	}
	fail("%s: %d, want %v: %s", what, got.status, want, got.body)
	return false
}

// auditTrail reads a provision's updates from GET /api/v1/changes, every
// page of it, and returns them oldest first.
func auditTrail(ctx context.Context, t *testing.T, c *http.Client, base string, id int64) []models.Change {
	t.Helper()
	var updates []models.Change
	before := ""
	for {
		url := fmt.Sprintf("%s/api/v1/changes?entity=provision&entity_id=%d&limit=%d%s", base, id, store.MaxPageSize, before)
		got, err := do(ctx, c, "GET", url, "")
		if err != nil || got.status != 200 {
			t.Fatalf("GET %s: %d %v %s", url, got.status, err, got.body)
		}
		var page struct{ Items []models.Change }
		if err := json.Unmarshal(got.body, &page); err != nil {
			t.Fatal(err)
		}
		for _, ch := range page.Items {
			if ch.Action == models.ActionUpdate {
				updates = append(updates, ch)
			}
		}
		if len(page.Items) < store.MaxPageSize {
			break
		}
		before = fmt.Sprintf("&before=%d", page.Items[len(page.Items)-1].ID)
	}
	sort.Slice(updates, func(i, j int) bool { return updates[i].ID < updates[j].ID })
	return updates
}
