package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// Live edits: GET /api/v1/events?draft=N is a stream of Server-Sent
// Events, one "change" event for each save of the draft or of one of its
// provisions (an edit, a new provision, a delete, a restore), so that a
// page open on the draft can say that someone saved and offer to reload.
//
// The stream follows the audit trail: every save is recorded there in the
// same transaction as the save, so the stream misses none, and it works
// the same on SQLite and PostgreSQL and across instances of the server,
// each of which reads the one database. One poller per API looks for new
// entries every pollInterval while any stream is open, and fans them out
// to every stream (events_hub.go); streams are capped per client. An event's id is the change's:
// a browser reconnecting sends it back as Last-Event-ID and the stream
// resumes after it; ?since=ID starts after a change the page already
// reflects. The stream ends when the client goes or the server shuts
// down (EndStreams), and when its credential no longer admits it (a token
// revoked, a session ended, a password reset, a user removed): the
// credential is checked again before every event sent and every
// recheckInterval.

// DraftEvent is the data of one "change" event: what was saved, by whom.
type DraftEvent struct {
	// ID is the change's id in the audit trail (also the event's id).
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	Entity   string    `json:"entity"` // draft or provision
	EntityID int64     `json:"entity_id"`
	Action   string    `json:"action"` // create, update, delete or restore
	DraftID  int64     `json:"draft_id"`
	// Version is the row's version after the save; 0 after a delete.
	Version int `json:"version"`
	// Title is the provision's title, or the draft's label.
	Title string `json:"title"`
}

const (
	pollInterval = 250 * time.Millisecond
	heartbeat    = 20 * time.Second
	// recheckInterval: an open stream checks its credential again at
	// least this often, so a revoked token's stream ends within it.
	recheckInterval = 500 * time.Millisecond
	// streamWriteTimeout bounds each write to a stream.
	streamWriteTimeout = 10 * time.Second
)

// EndStreams ends every open event stream of this API, for a clean
// shutdown: http.Server.Shutdown waits for requests, and a stream would
// otherwise never finish.
func (a *API) EndStreams() {
	a.endOnce.Do(func() { close(a.end) })
}

func (a *API) events(c *gin.Context) {
	q := newQueryReader(c)
	draftID := q.id("draft")
	since := q.id("since")
	if !q.ok() {
		return
	}
	if draftID == 0 {
		fail(c, models.Invalid("draft", "is required: the id of the draft to follow"))
		return
	}
	ctx := c.Request.Context()
	if _, err := a.store.Draft(ctx, draftID); err != nil {
		fail(c, err)
		return
	}
	if last, err := strconv.ParseInt(c.GetHeader("Last-Event-ID"), 10, 64); err == nil && last > 0 {
		since = last
	}
	if since == 0 {
		latest, err := a.store.Changes(ctx, store.ChangeFilter{Limit: 1})
		if err != nil {
			fail(c, err)
			return
		}
		if len(latest) > 0 {
			since = latest[0].ID
		}
	}
	u, _ := web.User(c)
	sub, err := a.streams.subscribe(ctx, web.ClientKey(c), "user:"+u.Username)
	if errors.Is(err, errTooManyStreams) {
		c.Header("Retry-After", "5")
		problem(c, http.StatusTooManyRequests, fmt.Sprintf("Too many open event streams: at most %d per token or session (%d per user); close one first.",
			MaxStreamsPerClient, MaxStreamsPerUser))
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	defer a.streams.unsubscribe(sub)
	// The stream lasts only while its credential does: checked again
	// before every event and every recheckInterval.
	signedIn := web.StillSignedIn(c, viewer)

	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // a proxy passes each event on at once
	rc := http.NewResponseController(c.Writer)
	// A stream outlives the server's write timeout, which is for ordinary
	// answers; each write has its own, so a client that stops reading
	// does not hold the stream for ever.
	_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
	c.Status(http.StatusOK)
	fmt.Fprint(c.Writer, "retry: 1000\n\n")
	c.Writer.Flush()
	lastWrite := time.Now()

	// send writes the events of changes after since; false ends the stream.
	send := func(changes []models.Change) bool {
		var events []DraftEvent
		for _, ch := range changes {
			if ch.ID <= since {
				continue
			}
			since = ch.ID
			if ev, ok := draftEvent(ch, draftID); ok {
				events = append(events, ev)
			}
		}
		if len(events) == 0 {
			return true
		}
		if !signedIn(ctx) {
			return false
		}
		_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		for _, ev := range events {
			data, _ := json.Marshal(ev)
			fmt.Fprintf(c.Writer, "id: %d\nevent: change\ndata: %s\n\n", ev.ID, data)
		}
		c.Writer.Flush()
		lastWrite = time.Now()
		return ctx.Err() == nil
	}
	// Catch up from since: what was saved before this stream joined the
	// poller (a reconnecting browser's missed events).
	for {
		changes, err := a.store.Changes(ctx, store.ChangeFilter{AfterID: since, Limit: store.MaxPageSize})
		if since == 0 { // an empty trail at the start: the store answers newest first
			slices.Reverse(changes)
		}
		if err != nil || !send(changes) {
			return // the browser reconnects, from Last-Event-ID
		}
		if len(changes) < store.MaxPageSize {
			break
		}
	}

	recheck := time.NewTicker(recheckInterval)
	defer recheck.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-a.end:
			return
		case batch, open := <-sub.ch:
			if !open || !send(batch) {
				return // dropped for falling behind, or no longer signed in
			}
		case <-recheck.C:
			if !signedIn(ctx) {
				return
			}
			if time.Since(lastWrite) > heartbeat {
				_ = rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
				fmt.Fprint(c.Writer, ": still here\n\n") // keeps proxies from closing an idle stream
				c.Writer.Flush()
				lastWrite = time.Now()
			}
		}
	}
}

// draftEvent is the event a change makes for a page on draft draftID, if
// it is about that draft or one of its provisions.
func draftEvent(ch models.Change, draftID int64) (DraftEvent, bool) {
	var row struct {
		DraftID int64  `json:"draft_id"`
		Version int    `json:"version"`
		Title   string `json:"title"`
		Label   string `json:"label"`
	}
	switch ch.Entity {
	case models.EntityDraft:
		if ch.EntityID != draftID {
			return DraftEvent{}, false
		}
	case models.EntityProvision:
	default:
		return DraftEvent{}, false
	}
	state := ch.After
	if ch.Action == models.ActionDelete || len(state) == 0 || string(state) == "null" {
		state = ch.Before
	}
	_ = json.Unmarshal(state, &row)
	if ch.Entity == models.EntityProvision && row.DraftID != draftID {
		return DraftEvent{}, false
	}
	ev := DraftEvent{ID: ch.ID, At: ch.At, Actor: ch.Actor, Entity: ch.Entity, EntityID: ch.EntityID, Action: ch.Action,
		DraftID: draftID, Version: row.Version, Title: row.Title}
	if ch.Entity == models.EntityDraft {
		ev.Title = row.Label
	}
	if ch.Action == models.ActionDelete {
		ev.Version = 0
	}
	return ev, true
}
