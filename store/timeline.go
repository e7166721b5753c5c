package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
	"plantracker/models/report"
)

// A provision key's timeline: its provisions in every draft, found by the
// index provisions_key (the unique index on draft and key leads with the
// draft, so it cannot answer "every draft"), then the drafts of the plans
// that mention it, the plans and the parties. report.NewTimeline does the
// rest.

// Timeline is the timeline of one provision key; ErrNotFound when no
// provision has the key. Scenario drafts (an analyst's own) are part of it
// only when scenarios is true: they are not part of the record.
func (s *Store) Timeline(ctx context.Context, key string, scenarios bool) (report.Timeline, error) {
	db := s.reader(ctx)
	q := provisionsByKey(db, key)
	if !scenarios {
		q = q.Where("provisions.draft_id NOT IN (?)", db.Model(&draftRecord{}).Select("id").Where("standing = ?", models.StandingScenario))
	}
	ps, err := loadProvisions(q)
	if err != nil {
		return report.Timeline{}, fmt.Errorf("provisions of key %s: %w", key, err)
	}
	if len(ps) == 0 {
		if !scenarios {
			return report.Timeline{}, fmt.Errorf("%w: no provision has the key %q in the record (scenarios are left out unless asked for)", ErrNotFound, key)
		}
		return report.Timeline{}, fmt.Errorf("%w: no provision has the key %q", ErrNotFound, key)
	}
	draftIDs := idsOf(ps, func(p models.Provision) int64 { return p.DraftID })
	var planIDs []int64
	if err := db.Model(&draftRecord{}).Distinct("plan_id").Where("id IN ?", draftIDs).Pluck("plan_id", &planIDs).Error; err != nil {
		return report.Timeline{}, err
	}
	dq := db.Where("plan_id IN ?", planIDs)
	if !scenarios {
		dq = dq.Where("standing <> ?", models.StandingScenario)
	}
	drafts, err := loadDrafts(dq.Order("plan_id, number"))
	if err != nil {
		return report.Timeline{}, err
	}
	plans, err := s.Plans(ctx)
	if err != nil {
		return report.Timeline{}, err
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return report.Timeline{}, err
	}
	return report.NewTimeline(key, plans, drafts, ps, parties), nil
}

// provisionsByKey is the query for a key's provisions in every draft.
func provisionsByKey(db *gorm.DB, key string) *gorm.DB {
	return db.Where("provisions.key = ?", key).Order("provisions.draft_id")
}

// TimelineKeys lists the provision keys with the drafts that mention each,
// of one kind (all kinds when kind is ""), by kind and key: what the
// timelines index offers ("all troop caps"). A key's title and kind are
// those of its most recently added provision.
func (s *Store) TimelineKeys(ctx context.Context, kind string) ([]report.TimelineKey, error) {
	db := s.reader(ctx)
	var rows []struct {
		Key    string
		Drafts int
		Last   int64
	}
	q := db.Model(&provisionRecord{}).Select("key, COUNT(*) AS drafts, MAX(id) AS last").Group("key")
	if kind != "" {
		q = q.Where("kind = ?", kind)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.Last
	}
	var latest []struct {
		ID          int64
		Title, Kind string
	}
	for start := 0; start < len(ids); start += partyBatch {
		var batch []struct {
			ID          int64
			Title, Kind string
		}
		if err := db.Model(&provisionRecord{}).Select("id, title, kind").Where("id IN ?", ids[start:min(start+partyBatch, len(ids))]).
			Scan(&batch).Error; err != nil {
			return nil, err
		}
		latest = append(latest, batch...)
	}
	byID := make(map[int64]int, len(latest))
	for i, l := range latest {
		byID[l.ID] = i
	}
	out := make([]report.TimelineKey, 0, len(rows))
	for _, r := range rows {
		l := latest[byID[r.Last]]
		out = append(out, report.NewTimelineKey(r.Key, l.Kind, l.Title, r.Drafts))
	}
	report.SortTimelineKeys(out)
	return out, nil
}
