package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"plantracker/models"
)

// Events returns the events the filter chooses (From, To, Party, Kind,
// Key; the rest of a chronology filter concerns drafts), by date then id.
func (s *Store) Events(ctx context.Context, f models.ChronologyFilter) ([]models.Event, error) {
	return loadEvents(filterEvents(s.reader(ctx), f).Order("date, id"))
}

// EventsForKey returns the events that concern a provision key, by date:
// what a key's timeline shows beside its drafts.
func (s *Store) EventsForKey(ctx context.Context, key string) ([]models.Event, error) {
	return s.Events(ctx, models.ChronologyFilter{Key: key})
}

func filterEvents(q *gorm.DB, f models.ChronologyFilter) *gorm.DB {
	q = q.Model(&eventRecord{})
	if f.From != "" {
		// A range of days that reaches into the period is in it.
		q = q.Where("(date >= ? OR end_date >= ?)", f.From, f.From)
	}
	if f.To != "" {
		q = q.Where("date <= ?", f.To)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.Key != "" {
		q = q.Where("keys LIKE ?", `%"`+f.Key+`"%`) // keys are slugs: no wildcards of their own
	}
	if f.Party != "" {
		q = q.Where("id IN (?)", q.Session(&gorm.Session{NewDB: true}).Table("event_parties ep").
			Select("ep.event_id").Joins("JOIN parties p ON p.id = ep.party_id").Where("p.short_name = ?", f.Party))
	}
	return q
}

// Event returns the event with id.
func (s *Store) Event(ctx context.Context, id int64) (models.Event, error) {
	return eventTable.loadRow(s.reader(ctx), id)
}

// EventByKey returns the event called key.
func (s *Store) EventByKey(ctx context.Context, key string) (models.Event, error) {
	out, err := loadEvents(s.reader(ctx).Where("key = ?", key).Limit(1))
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%w: no event %s", ErrNotFound, key)
	}
	if err != nil {
		return models.Event{}, err
	}
	return out[0], nil
}

// loadEvents runs a query for events and fills in their parties, drafts
// and source references with one more query each.
func loadEvents(q *gorm.DB) ([]models.Event, error) {
	var recs []eventRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return []models.Event{}, nil
	}
	ids := idsOf(recs, func(r eventRecord) int64 { return r.ID })
	fresh := q.Session(&gorm.Session{NewDB: true})
	var parties []struct {
		EventID   int64
		ShortName string
	}
	if err := fresh.Table("event_parties ep").Select("ep.event_id, p.short_name").
		Joins("JOIN parties p ON p.id = ep.party_id").Where("ep.event_id IN ?", ids).
		Order("ep.event_id, ep.position").Scan(&parties).Error; err != nil {
		return nil, err
	}
	var drafts []eventDraftRecord
	if err := fresh.Where("event_id IN ?", ids).Order("event_id, position").Find(&drafts).Error; err != nil {
		return nil, err
	}
	partiesOf := map[int64][]string{}
	for _, p := range parties {
		partiesOf[p.EventID] = append(partiesOf[p.EventID], p.ShortName)
	}
	draftsOf := map[int64][]int64{}
	for _, d := range drafts {
		draftsOf[d.EventID] = append(draftsOf[d.EventID], d.DraftID)
	}
	return modelsOf(fresh, recs, func(r eventRecord) models.Event { return r.model(partiesOf[r.ID], draftsOf[r.ID]) },
		func(e models.Event) []models.Citation { return e.Sources })
}

// model is the event the row holds, with the short names of its parties
// and the ids of its drafts, each in the event's order.
func (r eventRecord) model(parties []string, drafts []int64) models.Event {
	var keys []string
	_ = json.Unmarshal([]byte(r.Keys), &keys) // written by mustJSON, always a list
	return models.Event{ID: r.ID, Key: r.Key, Date: r.Date, EndDate: r.EndDate, Kind: r.Kind, Title: r.Title,
		Place: r.Place, Parties: listOf(parties), Summary: r.Summary, Sources: citationsOf(r.Sources),
		OriginalLanguage: r.OriginalLanguage, Translations: translationsOf(r.Translations),
		Drafts: listOf(drafts), Keys: listOf(keys), RowStamps: r.stamps()}
}

// checkEvent checks what the event names, each at its field: its parties,
// drafts and sources. It returns the parties' ids.
func checkEvent(tx *gorm.DB, e models.Event) (map[string]int64, error) {
	refs := make([]partyRef, len(e.Parties))
	for i, p := range e.Parties {
		refs[i] = partyRef{fmt.Sprintf("parties[%d]", i), p}
	}
	ids, perr := partyIDs(tx, refs)
	verr := &models.ValidationError{}
	if ve, ok := perr.(*models.ValidationError); ok {
		verr.Merge("", ve)
	} else if perr != nil {
		return nil, perr
	}
	known, err := existingDrafts(tx, e.Drafts)
	if err != nil {
		return nil, err
	}
	for i, id := range e.Drafts {
		if !known[id] {
			verr.Add(fmt.Sprintf("drafts[%d]", i), "no draft %d", id)
		}
	}
	if err := checkSources(tx, e.SourceReferences()); err != nil {
		if ve, ok := err.(*models.ValidationError); ok {
			verr.Merge("", ve)
		} else {
			return nil, err
		}
	}
	return ids, verr.Err()
}

// existingDrafts says which of the draft ids are drafts still.
func existingDrafts(tx *gorm.DB, ids []int64) (map[int64]bool, error) {
	known := map[int64]bool{}
	if len(ids) == 0 {
		return known, nil
	}
	var have []int64
	if err := tx.Model(&draftRecord{}).Where("id IN ?", ids).Pluck("id", &have).Error; err != nil {
		return nil, err
	}
	for _, id := range have {
		known[id] = true
	}
	return known, nil
}

func writeEventLinks(tx *gorm.DB, e models.Event, ids map[string]int64) error {
	if err := replaceLinks(tx, "event_id", e.ID, e.Parties, func(i int, p string) eventPartyRecord {
		return eventPartyRecord{EventID: e.ID, PartyID: ids[p], Position: i}
	}); err != nil {
		return err
	}
	return replaceLinks(tx, "event_id", e.ID, e.Drafts, func(i int, d int64) eventDraftRecord {
		return eventDraftRecord{EventID: e.ID, DraftID: d, Position: i}
	})
}

func eventRecordOf(e models.Event) eventRecord {
	return eventRecord{ID: e.ID, Key: e.Key, Date: e.Date, EndDate: e.EndDate, Kind: e.Kind, Title: e.Title,
		Place: e.Place, Summary: e.Summary, Sources: citationsJSON(e.Sources), Keys: mustJSON(e.Keys),
		OriginalLanguage: e.OriginalLanguage, Translations: translationsJSON(e.Translations),
		StampColumns: StampColumns(e.RowStamps)}
}

func uniqueEventKey(tx *gorm.DB, key string, exceptID int64) error {
	return unique(tx.Model(&eventRecord{}).Where("key = ? AND id <> ?", key, exceptID),
		"an event with key %s already exists", key)
}

// CreateEvent validates and stores a new event.
func (s *Store) CreateEvent(ctx context.Context, actor string, e models.Event) (models.Event, error) {
	e.ID = 0 // the database gives a new event its id
	return createRow(ctx, s, actor, eventTable, e, insertEvent)
}

// insertEvent writes e's row as it stands, with its links, if its key is
// free and what it names exists. Creating and undoing a deletion both
// write an event this way.
func insertEvent(tx *gorm.DB, e models.Event) (int64, error) {
	if err := uniqueEventKey(tx, e.Key, e.ID); err != nil {
		return 0, err
	}
	ids, err := checkEvent(tx, e)
	if err != nil {
		return 0, err
	}
	rec := eventRecordOf(e)
	if err := tx.Create(&rec).Error; err != nil {
		return 0, translate(err, "event")
	}
	e.ID = rec.ID
	return rec.ID, writeEventLinks(tx, e, ids)
}

// eventTable is how the update and delete sequences change events. What
// an event names (its parties, drafts and sources) is checked when it is
// written, once the edit changed something; its key is never written: it
// never changes.
var eventTable = entityTable[models.Event]{
	entity: "event", change: models.EntityEvent, record: &eventRecord{},
	list:     loadEvents,
	stamps:   func(e *models.Event) *models.RowStamps { return &e.RowStamps },
	validate: (*models.Event).Validate,
	sources:  func(e *models.Event) *[]models.Citation { return &e.Sources },
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.Event) error {
		ids, err := checkEvent(tx, after)
		if err != nil {
			return err
		}
		rec := eventRecordOf(after)
		if err := bumpVersion(tx, &eventRecord{}, "event", before.ID, before.Version, map[string]any{
			"date": rec.Date, "end_date": rec.EndDate, "kind": rec.Kind, "title": rec.Title, "place": rec.Place,
			"summary": rec.Summary, "sources": rec.Sources, "keys": rec.Keys, "updated_at": after.UpdatedAt,
			"original_language": rec.OriginalLanguage, "translations": rec.Translations,
		}); err != nil {
			return err
		}
		return writeEventLinks(tx, after, ids)
	},
	reload: true,
}

// UpdateEvent applies a patch to an event, if it is still at ifVersion (0:
// any). Its key never changes.
func (s *Store) UpdateEvent(ctx context.Context, actor string, id int64, ifVersion int, patch models.EventPatch) (models.Event, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, eventTable, patched(patch.Apply))
}

// DeleteEvent removes an event, if it is still at ifVersion (0: any).
func (s *Store) DeleteEvent(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, eventTable, nil)
}

// event puts a deleted event back. Drafts it concerned that are deleted
// since are left out of it rather than refusing: the event still happened.
func (u undo) event(e models.Event) error {
	known, err := existingDrafts(u.tx, e.Drafts)
	if err != nil {
		return err
	}
	e.Drafts = slices.DeleteFunc(e.Drafts, func(id int64) bool { return !known[id] })
	return restoreRow(u, eventTable, e.ID, e, insertEvent)
}
