package api

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/store/storetest"
)

// TestEventStream: a stream on a draft gets an event for a save of one of
// its provisions within a second, and none for another draft's; bad
// requests are problems; EndStreams ends it.
func TestEventStream(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect) {
		ts := newTestServer(t, d)
		if w := ts.do("GET", "/api/v1/events", ""); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"draft"`) {
			t.Errorf("without a draft: %d %s", w.Code, w.Body)
		}
		if w := ts.do("GET", "/api/v1/events?draft=9999", ""); w.Code != http.StatusNotFound {
			t.Errorf("an unknown draft: %d %s", w.Code, w.Body)
		}
		a := New(ts.store)
		srv := httptest.NewServer(engineFor(ts.store, a))
		defer srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+url("/api/v1/events?draft=%d", seeded.draft28), nil)
		req.Header.Set("Authorization", "Bearer "+ts.tokens["vera"])
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("%d %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		lines := make(chan string, 100)
		go func() {
			sc := bufio.NewScanner(res.Body)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		if l := <-lines; l != "retry: 1000" {
			t.Fatalf("first line %q", l)
		}
		// Another draft's save, then this draft's.
		if _, err := ts.store.UpdateProvision(ctx, "ed", seeded.amnestyE3, 0, models.ProvisionPatch{Title: storetest.Ptr("Amnesty, edited")}); err != nil {
			t.Fatal(err)
		}
		saved := time.Now()
		if _, err := ts.store.UpdateProvision(ctx, "ed", seeded.troopCap28, 0, models.ProvisionPatch{Title: storetest.Ptr("Troop cap, edited")}); err != nil {
			t.Fatal(err)
		}
		var ev DraftEvent
		for l := range lines {
			if data, ok := strings.CutPrefix(l, "data: "); ok {
				if err := json.Unmarshal([]byte(data), &ev); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		if wait := time.Since(saved); wait > time.Second {
			t.Errorf("the event came after %v", wait)
		}
		if ev.EntityID != seeded.troopCap28 || ev.Entity != models.EntityProvision || ev.Action != models.ActionUpdate || ev.DraftID != seeded.draft28 ||
			ev.Actor != "ed" || ev.Title != "Troop cap, edited" || ev.Version != 2 {
			t.Errorf("event %+v", ev)
		}
		a.EndStreams()
		done := time.After(3 * time.Second)
		for {
			select {
			case _, open := <-lines:
				if !open {
					return
				}
			case <-done:
				t.Fatal("the stream did not end")
			}
		}
	})
}
