package api

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"plantracker/models"
	"plantracker/store"
)

// One poller for every event stream of an API: while any stream is open
// it reads the audit trail every pollInterval and hands each batch of new
// changes to every stream, which keeps the events of its own draft. So a
// hundred open pages cost one query every pollInterval, not a hundred.
//
// Memory is bounded: each stream has a buffer of streamBuffer batches; a
// stream that falls that far behind (a client not reading) is dropped, its
// channel closed, and its stream ends; the browser reconnects with
// Last-Event-ID and catches up with one query of its own. The number of
// streams is bounded per client (its token or session) and per user, so
// one client cannot hold a server's descriptors.

const (
	// MaxStreamsPerClient caps the open event streams of one credential
	// (an API token, a browser's session); beyond it, 429.
	MaxStreamsPerClient = 8
	// MaxStreamsPerUser caps them across all of one user's credentials.
	MaxStreamsPerUser = 32
	// streamBuffer is how many batches a stream may fall behind.
	streamBuffer = 16
)

var errTooManyStreams = errors.New("too many open event streams")

type changeSource func(ctx context.Context, f store.ChangeFilter) ([]models.Change, error)

type streamHub struct {
	changes  changeSource
	interval time.Duration

	mu    sync.Mutex
	subs  map[*subscription]struct{}
	open  map[string]int // open streams by client key and by user key
	stop  chan struct{}  // closed to stop the running poller; nil when none runs
	last  int64          // the last change the poller has handed out
	polls int            // poller loops started, for tests
}

type subscription struct {
	ch   chan []models.Change
	keys []string
}

func newStreamHub(changes changeSource, interval time.Duration) *streamHub {
	return &streamHub{changes: changes, interval: interval, subs: map[*subscription]struct{}{}, open: map[string]int{}}
}

// subscribe opens a stream for a client, within the caps (client key
// first, user key second). The first stream starts the poller, from the
// latest change: a stream's own catch-up read after subscribing covers
// everything before that.
func (h *streamHub) subscribe(ctx context.Context, clientKey, userKey string) (*subscription, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.open[clientKey] >= MaxStreamsPerClient || h.open[userKey] >= MaxStreamsPerUser {
		return nil, errTooManyStreams
	}
	if h.stop == nil {
		latest, err := h.changes(ctx, store.ChangeFilter{Limit: 1})
		if err != nil {
			return nil, err
		}
		h.last = 0
		if len(latest) > 0 {
			h.last = latest[0].ID
		}
		h.stop = make(chan struct{})
		h.polls++
		go h.poll(h.stop)
	}
	sub := &subscription{ch: make(chan []models.Change, streamBuffer), keys: []string{clientKey, userKey}}
	h.subs[sub] = struct{}{}
	for _, k := range sub.keys {
		h.open[k]++
	}
	return sub, nil
}

// unsubscribe closes a stream; the last one stops the poller.
func (h *streamHub) unsubscribe(sub *subscription) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(sub)
	for _, k := range sub.keys {
		if h.open[k]--; h.open[k] <= 0 {
			delete(h.open, k)
		}
	}
	if len(h.subs) == 0 && h.stop != nil {
		close(h.stop)
		h.stop = nil
	}
}

// drop takes a subscription off the fan-out and closes its channel (once).
func (h *streamHub) drop(sub *subscription) {
	if _, ok := h.subs[sub]; ok {
		delete(h.subs, sub)
		close(sub.ch)
	}
}

func (h *streamHub) poll(stop chan struct{}) {
	tick := time.NewTicker(h.interval)
	defer tick.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-stop; cancel() }()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		h.mu.Lock()
		after := h.last
		h.mu.Unlock()
		batch, err := h.changes(ctx, store.ChangeFilter{AfterID: after, Limit: store.MaxPageSize})
		if err != nil || len(batch) == 0 {
			continue // a failed read is tried again at the next tick
		}
		if after == 0 { // an empty trail: the store answers newest first
			slices.Reverse(batch)
		}
		h.mu.Lock()
		select {
		case <-stop: // stopped meanwhile: a new poller may own the streams
			h.mu.Unlock()
			return
		default:
		}
		h.last = batch[len(batch)-1].ID
		for sub := range h.subs {
			select {
			case sub.ch <- batch:
			default:
				h.drop(sub) // too far behind: it ends, and reconnects
			}
		}
		h.mu.Unlock()
	}
}
