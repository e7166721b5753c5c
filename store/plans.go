package store

import (
	"context"

	"gorm.io/gorm"

	"plantracker/models"
)

// Plans returns every plan, ordered by title.
func (s *Store) Plans(ctx context.Context) ([]models.Plan, error) {
	db := s.reader(ctx)
	var recs []planRecord
	if err := db.Order(inByteOrder(db, "title")).Order("id").Find(&recs).Error; err != nil {
		return nil, err
	}
	return withOrigins(db, recs)
}

// Plan returns the plan with id.
func (s *Store) Plan(ctx context.Context, id int64) (models.Plan, error) {
	return loadPlan(s.reader(ctx), id)
}

func loadPlan(db *gorm.DB, id int64) (models.Plan, error) {
	var rec planRecord
	if err := db.First(&rec, id).Error; err != nil {
		return models.Plan{}, translate(err, "plan")
	}
	plans, err := withOrigins(db, []planRecord{rec})
	if err != nil {
		return models.Plan{}, err
	}
	return plans[0], nil
}

// withOrigins makes models of plan rows, naming their origin parties with
// one more query.
func withOrigins(db *gorm.DB, recs []planRecord) ([]models.Plan, error) {
	var ids []int64
	for _, r := range recs {
		if r.OriginID != nil {
			ids = append(ids, *r.OriginID)
		}
	}
	names, err := partyNamesByID(db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]models.Plan, len(recs))
	for i, r := range recs {
		var origin string
		if r.OriginID != nil {
			origin = names[*r.OriginID]
		}
		out[i] = r.model(origin)
	}
	return out, nil
}

// originID resolves a plan's origin short name ("" for none).
func originID(tx *gorm.DB, origin string) (*int64, error) {
	if origin == "" {
		return nil, nil
	}
	ids, err := partyIDs(tx, []partyRef{{"origin", origin}})
	if err != nil {
		return nil, err
	}
	id := ids[origin]
	return &id, nil
}

// insertPlan writes p's row as it stands, with its id when it has one (a
// plan put back keeps its own), if its origin party exists. Creating and
// undoing a deletion both write a plan this way.
func insertPlan(tx *gorm.DB, p models.Plan) (int64, error) {
	origin, err := originID(tx, p.Origin)
	if err != nil {
		return 0, err
	}
	rec := planRecordOf(p, origin)
	err = translate(tx.Create(&rec).Error, "plan")
	return rec.ID, err
}

// CreatePlan validates and stores a new plan.
func (s *Store) CreatePlan(ctx context.Context, actor string, p models.Plan) (models.Plan, error) {
	p.ID = 0 // the database gives a new plan its id
	return createRow(ctx, s, actor, planTable, p, insertPlan)
}

// planTable is how the update sequence changes plans.
var planTable = entityTable[models.Plan]{
	entity: "plan", change: models.EntityPlan, record: &planRecord{},
	load:     loadPlan,
	stamps:   func(p *models.Plan) *models.RowStamps { return &p.RowStamps },
	validate: (*models.Plan).Validate,
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.Plan) error {
		origin, err := originID(tx, after.Origin)
		if err != nil {
			return err
		}
		return bumpVersion(tx, &planRecord{}, "plan", before.ID, before.Version, map[string]any{
			"title": after.Title, "origin_id": origin, "description": after.Description, "updated_at": after.UpdatedAt,
		})
	},
	reload: true,
}

// UpdatePlan applies a patch to a plan, if it is still at ifVersion (0: any).
func (s *Store) UpdatePlan(ctx context.Context, actor string, id int64, ifVersion int, patch models.PlanPatch) (models.Plan, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, planTable, patched(patch.Apply))
}

// DeletePlan removes a plan with all its drafts and their provisions. Each
// removed draft and provision is recorded in the audit trail, and the plan
// with the whole of them, so that undoing the deletion brings all back. A
// plan one of whose drafts a draft of another plan was forked from stays
// (ErrInUse, naming the fork).
func (s *Store) DeletePlan(ctx context.Context, actor string, id int64, ifVersion int) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := loadPlan(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("plan", id, ifVersion, before.Version); err != nil {
			return err
		}
		var draftIDs []int64
		if err := tx.Model(&draftRecord{}).Where("plan_id = ?", id).Order("number").Pluck("id", &draftIDs).Error; err != nil {
			return err
		}
		if err := draftNotForked(tx, draftIDs); err != nil {
			return err
		}
		snap := models.PlanSnapshot{Plan: before, Drafts: []models.DraftSnapshot{}}
		// Forks last: a draft goes before the drafts forked from it, so
		// that deleting (and later restoring in reverse) keeps links.
		for i := len(draftIDs) - 1; i >= 0; i-- {
			d, err := s.deleteDraft(tx, actor, draftIDs[i], 0)
			if err != nil {
				return err
			}
			snap.Drafts = append([]models.DraftSnapshot{d}, snap.Drafts...)
		}
		if err := deleteVersion(tx, &planRecord{}, "plan", id, before.Version); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityPlan, id, models.ActionDelete, snap, nil)
	})
}
