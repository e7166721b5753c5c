package store

import (
	"context"
	"encoding/json"
	"time"

	"plantracker/models"
)

// ChangeFilter selects entries of the audit trail. Zero fields do not filter.
type ChangeFilter struct {
	Entity   string
	EntityID int64
	Actor    string
	Since    time.Time
	Until    time.Time
	Limit    int
	// BeforeID pages backwards: entries older than this id.
	BeforeID int64
	// AfterID follows the trail forwards: entries newer than this id,
	// oldest first (what a live page has not seen yet).
	AfterID int64
	// Hidden are entities left out (the API hides users and tokens from
	// everyone but admins).
	Hidden []string
}

// Changes returns audit-trail entries, newest first (oldest first after
// AfterID).
func (s *Store) Changes(ctx context.Context, f ChangeFilter) ([]models.Change, error) {
	if err := checkFilterText(map[string]string{"entity": f.Entity, "actor": f.Actor}); err != nil {
		return nil, err
	}
	q := s.reader(ctx).Model(&changeRecord{})
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if len(f.Hidden) > 0 {
		q = q.Where("entity NOT IN ?", f.Hidden)
	}
	if f.EntityID != 0 {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.Actor != "" {
		q = q.Where("actor = ?", f.Actor)
	}
	if !f.Since.IsZero() {
		q = q.Where("at >= ?", f.Since.UTC())
	}
	if !f.Until.IsZero() {
		q = q.Where("at < ?", f.Until.UTC())
	}
	if f.BeforeID > 0 {
		q = q.Where("id < ?", f.BeforeID)
	}
	order := "id DESC"
	if f.AfterID > 0 {
		q, order = q.Where("id > ?", f.AfterID), "id"
	}
	limit := f.Limit
	if limit <= 0 || limit > MaxPageSize {
		limit = DefaultPageSize
	}
	var recs []changeRecord
	if err := q.Order(order).Limit(limit).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.Change, len(recs))
	for i, r := range recs {
		out[i] = models.Change{ID: r.ID, At: r.At.UTC(), Actor: r.Actor, Entity: r.Entity, EntityID: r.EntityID,
			Action: r.Action, Before: json.RawMessage(r.Before), After: json.RawMessage(r.After)}
	}
	return out, nil
}

// Empty reports whether the store holds no parties and no plans: a new
// database, which is when seed data is loaded.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var parties, plans int64
	db := s.reader(ctx)
	if err := db.Model(&partyRecord{}).Count(&parties).Error; err != nil {
		return false, err
	}
	if err := db.Model(&planRecord{}).Count(&plans).Error; err != nil {
		return false, err
	}
	return parties == 0 && plans == 0, nil
}
