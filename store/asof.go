package store

import (
	"context"
	"fmt"
	"time"

	"plantracker/models"
)

// AsOf is the time of the latest recorded change that a document about
// the drafts reflects: to the drafts themselves, their plans, their
// provisions, the stances on them as a whole and the sources given by key. Zero when the change history
// records none. (A provision deleted from a draft is not linked to it in
// the history by more than the JSON of its before, and is not counted;
// the draft's own changes and every surviving provision are.)
func (s *Store) AsOf(ctx context.Context, draftIDs []int64, sourceKeys []string) (time.Time, error) {
	if len(sourceKeys) == 0 {
		sourceKeys = []string{""}
	}
	var recs []changeRecord
	err := s.reader(ctx).Select("at").
		Where("(entity = ? AND entity_id IN ?)", models.EntityDraft, draftIDs).
		Or("(entity = ? AND entity_id IN (SELECT plan_id FROM drafts WHERE id IN ?))", models.EntityPlan, draftIDs).
		Or("(entity = ? AND entity_id IN (SELECT id FROM provisions WHERE draft_id IN ?))", models.EntityProvision, draftIDs).
		Or("(entity = ? AND entity_id IN (SELECT id FROM sources WHERE key IN ?))", models.EntitySource, sourceKeys).
		Or("(entity = ? AND entity_id IN (SELECT id FROM draft_stances WHERE draft_id IN ?))", models.EntityDraftStance, draftIDs).
		Order("at DESC").Limit(1).Find(&recs).Error
	if err != nil {
		return time.Time{}, fmt.Errorf("as of: %w", err)
	}
	if len(recs) == 0 {
		return time.Time{}, nil
	}
	return recs[0].At.UTC(), nil
}
