package api

import (
	"context"
	"sync"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/store"
)

// TestStreamHubDropsASlowReader: a stream that does not take its batches
// is dropped (its channel closed) once streamBuffer are waiting, while a
// stream that reads gets every batch; the hub keeps no more than that for
// anyone. The last stream gone stops the poller.
func TestStreamHubDropsASlowReader(t *testing.T) {
	var mu sync.Mutex
	next := int64(100)
	changes := func(ctx context.Context, f store.ChangeFilter) ([]models.Change, error) {
		mu.Lock()
		defer mu.Unlock()
		if f.AfterID == 0 {
			return []models.Change{{ID: next}}, nil
		}
		next++ // one new change at every poll
		return []models.Change{{ID: next}}, nil
	}
	h := newStreamHub(changes, time.Millisecond)
	ctx := context.Background()
	slow, err := h.subscribe(ctx, "slow", "user:slow")
	if err != nil {
		t.Fatal(err)
	}
	fast, err := h.subscribe(ctx, "fast", "user:fast")
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	deadline := time.After(5 * time.Second)
	for got < 3*streamBuffer {
		select {
		case batch := <-fast.ch:
			got += len(batch)
		case <-deadline:
			t.Fatalf("the reading stream got %d batches", got)
		}
	}
	n := 0
	for range slow.ch { // closed once it fell streamBuffer behind
		n++
	}
	if n > streamBuffer {
		t.Errorf("the slow stream was kept %d batches, more than %d", n, streamBuffer)
	}
	h.unsubscribe(slow)
	h.unsubscribe(fast)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stop != nil || len(h.subs) != 0 || len(h.open) != 0 {
		t.Errorf("after the last stream: poller %v, %d streams, %d counts", h.stop != nil, len(h.subs), len(h.open))
	}
}
