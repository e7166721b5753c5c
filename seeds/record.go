package seeds

import (
	"context"
	"fmt"
	"io/fs"

	"plantracker/models"
)

// The record beyond the texts: stances on drafts as a whole
// (data/draft-stances.json) and events (data/events.json). Each file is
// optional; drafts are named as "<plan slug>/<number>", as forked_from
// names them.

// notPlanFiles are the data files that are not plans: Read decodes them
// (or, for the ones other loaders own, leaves them) apart from the plans.
var notPlanFiles = map[string]bool{
	"parties.json": true, "sources.json": true,
	"draft-stances.json": true, "events.json": true,
	"positions.json": true, "implementation.json": true,
}

// DraftStanceSeed is a party's stance on a seeded draft as a whole.
type DraftStanceSeed struct {
	Draft string `json:"draft"` // "<plan slug>/<number>"
	models.DraftStanceInput
}

// EventSeed is an event, naming the drafts it concerns as "<plan
// slug>/<number>".
type EventSeed struct {
	models.EventInput
	Drafts []string `json:"drafts"`
}

// readOptional decodes a data file if it is there.
func readOptional(name string, into any) error {
	if _, err := fs.Stat(dataFS, name); err != nil {
		return nil
	}
	return decodeFile(name, into)
}

// RecordStore is what loading stances and events needs of the store.
type RecordStore interface {
	DraftStances(ctx context.Context, draftID int64) ([]models.DraftStance, error)
	CreateDraftStance(ctx context.Context, actor string, ds models.DraftStance) (models.DraftStance, error)
	EventByKey(ctx context.Context, key string) (models.Event, error)
	CreateEvent(ctx context.Context, actor string, e models.Event) (models.Event, error)
}

// loadDraftStances adds the stances the store lacks: a draft's stance by
// the same party with the same stance and date is there already.
func loadDraftStances(ctx context.Context, s Store, seeds []DraftStanceSeed, drafts map[string]int64, res *Result) error {
	for _, sd := range seeds {
		id, ok := drafts[sd.Draft]
		if !ok {
			return fmt.Errorf("seeds: draft-stances.json: no seeded draft %s", sd.Draft)
		}
		have, err := s.DraftStances(ctx, id)
		if err != nil {
			return err
		}
		ds := sd.DraftStance(id)
		if hasStance(have, ds) {
			continue
		}
		if _, err := s.CreateDraftStance(ctx, Actor, ds); err != nil {
			return fmt.Errorf("seeds: draft-stances.json: %s on %s: %w", ds.Party, sd.Draft, err)
		}
		res.DraftStances++
	}
	return nil
}

func hasStance(have []models.DraftStance, ds models.DraftStance) bool {
	for _, h := range have {
		if h.Party == ds.Party && h.Stance == ds.Stance && h.Date == ds.Date {
			return true
		}
	}
	return false
}

// loadEvents adds the events the store lacks, by key.
func loadEvents(ctx context.Context, s Store, seeds []EventSeed, drafts map[string]int64, res *Result) error {
	for _, se := range seeds {
		if _, err := s.EventByKey(ctx, se.Key); err == nil {
			continue
		}
		in := se.EventInput
		in.Drafts = nil
		for _, ref := range se.Drafts {
			id, ok := drafts[ref]
			if !ok {
				return fmt.Errorf("seeds: events.json: event %s: no seeded draft %s", se.Key, ref)
			}
			in.Drafts = append(in.Drafts, id)
		}
		if _, err := s.CreateEvent(ctx, Actor, in.Event()); err != nil {
			return fmt.Errorf("seeds: events.json: event %s: %w", se.Key, err)
		}
		res.Events++
	}
	return nil
}
