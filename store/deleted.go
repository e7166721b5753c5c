package store

import (
	"context"

	"plantracker/models"
)

// Deleted returns the deletions that can be undone now, newest first: of
// provisions, drafts, plans, parties and sources, whose row has not come
// back and whose container still exists (a provision deleted with its
// draft is undone with the draft, so only the draft is listed).
// beforeID pages back: only deletions older than that change.
func (s *Store) Deleted(ctx context.Context, limit int, beforeID int64) ([]models.Change, error) {
	if limit <= 0 || limit > MaxPageSize {
		limit = DefaultPageSize
	}
	db := s.reader(ctx)
	var out []models.Change
	// A batch at a time, and a bounded number of them: a page of the
	// list never reads more than a few thousand change records.
	const batch, batches = 200, 20
	for i := 0; i < batches && len(out) < limit; i++ {
		q := db.Model(&changeRecord{}).Where("action = ? AND entity IN ?", models.ActionDelete, models.UndoableEntities)
		if beforeID > 0 {
			q = q.Where("id < ?", beforeID)
		}
		var recs []changeRecord
		if err := q.Order("id DESC").Limit(batch).Find(&recs).Error; err != nil {
			return nil, err
		}
		for _, r := range recs {
			ok, err := s.undoable(ctx, r)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, r.model())
				if len(out) == limit {
					break
				}
			}
		}
		if len(recs) < batch {
			break
		}
		beforeID = recs[len(recs)-1].ID
	}
	return out, nil
}

// undoable says whether a deletion's row is still gone and its container
// (a provision's draft, a draft's plan) still there.
func (s *Store) undoable(ctx context.Context, r changeRecord) (bool, error) {
	db := s.reader(ctx)
	table := map[string]string{models.EntityProvision: "provisions", models.EntityDraft: "drafts",
		models.EntityPlan: "plans", models.EntityParty: "parties", models.EntitySource: "sources",
		models.EntityDraftStance: "draft_stances", models.EntityEvent: "events"}[r.Entity]
	var n int64
	if err := db.Table(table).Where("id = ?", r.EntityID).Count(&n).Error; err != nil || n > 0 {
		return false, err
	}
	var parent struct {
		DraftID int64 `json:"draft_id"`
		PlanID  int64 `json:"plan_id"`
	}
	if decodeRecord(r, &parent) != nil {
		return false, nil
	}
	switch r.Entity {
	case models.EntityProvision, models.EntityDraftStance:
		err := db.Table("drafts").Where("id = ?", parent.DraftID).Count(&n).Error
		return n > 0, err
	case models.EntityDraft:
		err := db.Table("plans").Where("id = ?", parent.PlanID).Count(&n).Error
		return n > 0, err
	}
	return true, nil
}
