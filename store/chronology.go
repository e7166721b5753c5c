package store

import (
	"context"

	"gorm.io/gorm"

	"plantracker/models"
)

// Chronology returns drafts and events together by date, as the filter
// chooses them, with where the whole record ends (whatever the filter).
// Scenario drafts are left out unless the filter asks for them: they are
// an analyst's own texts, not what happened.
func (s *Store) Chronology(ctx context.Context, f models.ChronologyFilter) (models.Chronology, error) {
	db := s.reader(ctx)
	events, err := s.Events(ctx, f)
	if err != nil {
		return models.Chronology{}, err
	}
	var drafts []models.DraftEntry
	if f.Kind == "" { // a kind is a kind of event: drafts have none
		if drafts, err = chronologyDrafts(db, f); err != nil {
			return models.Chronology{}, err
		}
	}
	record, err := s.RecordEnd(ctx)
	if err != nil {
		return models.Chronology{}, err
	}
	return models.NewChronology(drafts, events, record), nil
}

func chronologyDrafts(db *gorm.DB, f models.ChronologyFilter) ([]models.DraftEntry, error) {
	q := db.Model(&draftRecord{}).Where("date <> ''")
	if !f.Scenarios {
		q = q.Where("standing <> ?", models.StandingScenario)
	}
	if f.From != "" {
		q = q.Where("date >= ?", f.From)
	}
	if f.To != "" {
		q = q.Where("date <= ?", f.To)
	}
	fresh := func() *gorm.DB { return db.Session(&gorm.Session{NewDB: true}) }
	if f.Key != "" {
		q = q.Where("id IN (?)", fresh().Model(&provisionRecord{}).Select("draft_id").Where("key = ?", f.Key))
	}
	if f.Party != "" {
		// A party's drafts: those it has a signature space on, and those
		// of the plans it authored.
		signs := fresh().Table("draft_signatories ds").Select("ds.draft_id").
			Joins("JOIN parties p ON p.id = ds.party_id").Where("p.short_name = ?", f.Party)
		authored := fresh().Table("plans pl").Select("pl.id").
			Joins("JOIN parties p ON p.id = pl.origin_id").Where("p.short_name = ?", f.Party)
		q = q.Where("(id IN (?) OR plan_id IN (?))", signs, authored)
	}
	ds, err := loadDrafts(q.Order("date, id"))
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	var plans []planRecord
	if err := fresh().Select("id", "title").Find(&plans).Error; err != nil {
		return nil, err
	}
	for _, p := range plans {
		titles[p.ID] = p.Title
	}
	out := make([]models.DraftEntry, len(ds))
	for i, d := range ds {
		out[i] = models.DraftEntry{ID: d.ID, PlanID: d.PlanID, Plan: titles[d.PlanID], Number: d.Number, Label: d.Label,
			Date: d.Date, Status: d.Status, Standing: d.Standing, Coverage: d.Coverage, Scenario: d.Scenario(),
			Signatories: d.Signatories}
	}
	return out, nil
}

// RecordEnd works out where the record ends (models.RecordEndOf) from the
// dates of every draft that is not a scenario, every event (its last day)
// and every source, as of the store's today.
func (s *Store) RecordEnd(ctx context.Context) (models.RecordEnd, error) {
	db := s.reader(ctx)
	var dates, more []string
	if err := db.Model(&draftRecord{}).Where("date <> '' AND standing <> ?", models.StandingScenario).Pluck("date", &dates).Error; err != nil {
		return models.RecordEnd{}, err
	}
	var events []eventRecord
	if err := db.Select("date", "end_date").Find(&events).Error; err != nil {
		return models.RecordEnd{}, err
	}
	for _, e := range events {
		dates = append(dates, models.Event{Date: e.Date, EndDate: e.EndDate}.LastDate())
	}
	if err := db.Model(&sourceRecord{}).Where("date <> ''").Pluck("date", &more).Error; err != nil {
		return models.RecordEnd{}, err
	}
	return models.RecordEndOf(append(dates, more...), s.now()), nil
}
