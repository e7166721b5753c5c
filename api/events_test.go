package api

import (
	"context"
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
	forEachServer(t, func(t *testing.T, ts *testServer) {
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
		res, lines := openStream(t, ctx, srv.URL, seeded.Draft28, ts.tokens["vera"])
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("%d %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
		// Another draft's save, then this draft's.
		if _, err := ts.store.UpdateProvision(ctx, "ed", seeded.AmnestyE3, 0, models.ProvisionPatch{Title: storetest.Ptr("Amnesty, edited")}); err != nil {
			t.Fatal(err)
		}
		saved := time.Now()
		if _, err := ts.store.UpdateProvision(ctx, "ed", seeded.TroopCap28, 0, models.ProvisionPatch{Title: storetest.Ptr("Troop cap, edited")}); err != nil {
			t.Fatal(err)
		}
		ev := nextEvent(t, lines)
		if wait := time.Since(saved); wait > time.Second {
			t.Errorf("the event came after %v", wait)
		}
		if ev.EntityID != seeded.TroopCap28 || ev.Entity != models.EntityProvision || ev.Action != models.ActionUpdate || ev.DraftID != seeded.Draft28 ||
			ev.Actor != "ed" || ev.Title != "Troop cap, edited" || ev.Version != 2 {
			t.Errorf("event %+v", ev)
		}
		a.EndStreams()
		if !streamEnds(lines, 3*time.Second) {
			t.Fatal("the stream did not end")
		}
	})
}
