package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// The read-only reports the API serves as JSON and the UI shows and
// exports: a draft's summary, the comparison of two drafts and the matrix of
// several. The store loads the rows; models does the work.

// MaxMatrixDrafts bounds how many drafts one matrix lays side by side.
const MaxMatrixDrafts = 20

// Summary is the provision summary of a draft.
func (s *Store) Summary(ctx context.Context, draftID int64) (models.Summary, error) {
	db := s.reader(ctx)
	dp, err := loadDraftProvisions(db, draftID)
	if err != nil {
		return models.Summary{}, err
	}
	plan, err := loadPlan(db, dp.Draft.PlanID)
	if err != nil {
		return models.Summary{}, err
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return models.Summary{}, err
	}
	return models.Summarize(plan, dp.Draft, dp.Provisions, parties), nil
}

// Comparison compares two drafts, of one plan or of two.
func (s *Store) Comparison(ctx context.Context, fromID, toID int64) (models.Comparison, error) {
	// The two drafts load side by side, each on a connection of its own:
	// for two 1,000-provision drafts that halves the wait on an idle server.
	db := s.reader(ctx)
	var to models.DraftProvisions
	var toErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		to, toErr = loadDraftProvisions(db, toID)
	}()
	from, err := loadDraftProvisions(db, fromID)
	<-done
	if err != nil {
		return models.Comparison{}, err
	}
	if toErr != nil {
		return models.Comparison{}, toErr
	}
	return models.Compare(from, to), nil
}

// Matrix lays drafts side by side, in the order given.
func (s *Store) Matrix(ctx context.Context, draftIDs []int64) (models.Matrix, error) {
	if len(draftIDs) == 0 || len(draftIDs) > MaxMatrixDrafts {
		return models.Matrix{}, models.Invalid("drafts", "give 1 to %d draft ids", MaxMatrixDrafts)
	}
	db := s.reader(ctx)
	drafts := make([]models.DraftProvisions, len(draftIDs))
	for i, id := range draftIDs {
		dp, err := loadDraftProvisions(db, id)
		if err != nil {
			return models.Matrix{}, err
		}
		drafts[i] = dp
	}
	return models.NewMatrix(drafts), nil
}

func loadDraftProvisions(db *gorm.DB, draftID int64) (models.DraftProvisions, error) {
	d, err := loadDraft(db, draftID)
	if err != nil {
		return models.DraftProvisions{}, err
	}
	ps, err := loadProvisions(db.Where("draft_id = ?", draftID).Order("sort_key").Order(inByteOrder(db, "key")))
	if err != nil {
		return models.DraftProvisions{}, fmt.Errorf("provisions of draft %d: %w", draftID, err)
	}
	return models.DraftProvisions{Draft: d, Provisions: ps}, nil
}
