package store

import (
	"context"

	"gorm.io/gorm"

	"plantracker/models"
)

// implementationStepRecord: what was carried out of a provision (a draft
// and a key) or of an event (its key, kept as text: events are another
// record, and a step may be entered before its event). A draft with steps
// cannot be deleted until they are (RESTRICT): a deletion would otherwise
// drop audited rows without a change of their own.
type implementationStepRecord struct {
	ID       int64        `gorm:"primaryKey" json:"id"`
	Event    string       `gorm:"not null;default:'';index" json:"event"`
	DraftID  *int64       `gorm:"index" json:"draft_id"`
	Draft    *draftRecord `gorm:"foreignKey:DraftID;constraint:OnDelete:RESTRICT" json:"-"`
	Key      string       `gorm:"not null;default:'';index" json:"key"`
	Date     string       `gorm:"not null" json:"date"`
	Score    int          `gorm:"not null" json:"score"`
	Evidence string       `gorm:"type:text;not null" json:"evidence"`
	Sources  string       `gorm:"type:text;not null;default:'[]'" json:"sources"` // JSON list of models.Citation
	StampColumns
}

func (implementationStepRecord) TableName() string { return "implementation_steps" }

func (r implementationStepRecord) model() models.ImplementationStep {
	var draftID int64
	if r.DraftID != nil {
		draftID = *r.DraftID
	}
	return models.ImplementationStep{ID: r.ID, Event: r.Event, DraftID: draftID, Key: r.Key, Date: r.Date,
		Score: r.Score, Evidence: r.Evidence, Sources: citationsOf(r.Sources), RowStamps: r.stamps()}
}

func implementationStepRecordOf(s models.ImplementationStep) implementationStepRecord {
	var draftID *int64
	if s.DraftID != 0 {
		id := s.DraftID
		draftID = &id
	}
	return implementationStepRecord{ID: s.ID, Event: s.Event, DraftID: draftID, Key: s.Key, Date: s.Date,
		Score: s.Score, Evidence: s.Evidence, Sources: citationsJSON(s.Sources), StampColumns: StampColumns(s.RowStamps)}
}

// ImplementationFilter narrows a list of steps; empty fields do not filter.
type ImplementationFilter struct {
	Event string
	Key   string // a provision key, in any draft
}

// ImplementationSteps returns the steps the filter lets through, by date.
func (s *Store) ImplementationSteps(ctx context.Context, f ImplementationFilter) ([]models.ImplementationStep, error) {
	q := s.reader(ctx).Order("date").Order("id")
	if f.Event != "" {
		q = q.Where("event = ?", f.Event)
	}
	if f.Key != "" {
		q = q.Where("key = ?", f.Key)
	}
	return loadImplementationSteps(q)
}

// AllImplementationSteps returns every step, by date.
func (s *Store) AllImplementationSteps(ctx context.Context) ([]models.ImplementationStep, error) {
	return s.ImplementationSteps(ctx, ImplementationFilter{})
}

// ImplementationStep returns the step with id.
func (s *Store) ImplementationStep(ctx context.Context, id int64) (models.ImplementationStep, error) {
	return implementationTable.loadRow(s.reader(ctx), id)
}

func loadImplementationSteps(q *gorm.DB) ([]models.ImplementationStep, error) {
	var recs []implementationStepRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	return modelsOf(q.Session(&gorm.Session{NewDB: true}), recs, implementationStepRecord.model,
		func(st models.ImplementationStep) []models.Citation { return st.Sources })
}

// implementationRefs checks that the step's draft (when it names a
// provision) has a provision on the key, and that its sources exist.
func implementationRefs(tx *gorm.DB, st models.ImplementationStep) error {
	if st.DraftID != 0 {
		if _, err := loadDraft(tx, st.DraftID); err != nil {
			return models.Invalid("draft_id", "no draft %d", st.DraftID)
		}
		var n int64
		if err := tx.Model(&provisionRecord{}).Where("draft_id = ? AND key = ?", st.DraftID, st.Key).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return models.Invalid("key", "draft %d has no provision %s", st.DraftID, st.Key)
		}
	}
	return checkSources(tx, st.SourceReferences())
}

// CreateImplementationStep validates and stores a new step.
func (s *Store) CreateImplementationStep(ctx context.Context, actor string, st models.ImplementationStep) (models.ImplementationStep, error) {
	return createRow(ctx, s, actor, implementationTable, st,
		func(tx *gorm.DB, st models.ImplementationStep) (int64, error) {
			if err := implementationRefs(tx, st); err != nil {
				return 0, err
			}
			rec := implementationStepRecordOf(st)
			err := translate(tx.Create(&rec).Error, "implementation step")
			return rec.ID, err
		})
}

// implementationTable is how the update and delete sequences change
// implementation steps.
var implementationTable = entityTable[models.ImplementationStep]{
	entity: "implementation step", change: models.EntityImplementation, record: &implementationStepRecord{},
	list:     loadImplementationSteps,
	stamps:   func(st *models.ImplementationStep) *models.RowStamps { return &st.RowStamps },
	validate: (*models.ImplementationStep).Validate,
	fill:     func(db *gorm.DB, st *models.ImplementationStep) error { return implementationRefs(db, *st) },
	sources:  func(st *models.ImplementationStep) *[]models.Citation { return &st.Sources },
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.ImplementationStep) error {
		rec := implementationStepRecordOf(after)
		return bumpVersion(tx, &implementationStepRecord{}, "implementation step", before.ID, before.Version, map[string]any{
			"event": rec.Event, "draft_id": rec.DraftID, "key": rec.Key, "date": rec.Date, "score": rec.Score,
			"evidence": rec.Evidence, "sources": rec.Sources, "updated_at": after.UpdatedAt,
		})
	},
	reload: true,
}

// UpdateImplementationStep applies a patch to a step still at ifVersion
// (0: any).
func (s *Store) UpdateImplementationStep(ctx context.Context, actor string, id int64, ifVersion int, patch models.ImplementationPatch) (models.ImplementationStep, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, implementationTable, patched(patch.Apply))
}

// DeleteImplementationStep removes a step still at ifVersion (0: any).
func (s *Store) DeleteImplementationStep(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, implementationTable, nil)
}
