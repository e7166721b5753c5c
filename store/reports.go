package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
	"plantracker/models/report"
)

// The read-only reports the API serves as JSON and the UI shows and
// exports: a draft's summary, the comparison of two drafts and the matrix of
// several. The store loads the rows; models does the work.

// MaxMatrixDrafts bounds how many drafts one matrix lays side by side.
const MaxMatrixDrafts = 20

// Summary is the provision summary of a draft.
func (s *Store) Summary(ctx context.Context, draftID int64) (report.Summary, error) {
	db := s.reader(ctx)
	dp, err := loadDraftProvisions(db, draftID)
	if err != nil {
		return report.Summary{}, err
	}
	plan, err := loadPlan(db, dp.Draft.PlanID)
	if err != nil {
		return report.Summary{}, err
	}
	parties, err := s.Parties(ctx)
	if err != nil {
		return report.Summary{}, err
	}
	return report.Summarize(plan, dp.Draft, dp.Provisions, parties), nil
}

// Comparison compares two drafts, of one plan or of two, earlier → later
// whichever order they are given in (Swapped says when they were turned
// round): by date, then by lineage, then by number (report.ReadingOrder).
func (s *Store) Comparison(ctx context.Context, aID, bID int64) (report.Comparison, error) {
	return s.ComparisonIn(ctx, aID, bID, models.MainLanguage)
}

// ComparisonIn is Comparison read in language: a key whose provisions both
// have their words in that language is compared in them
// (report.InLanguage).
func (s *Store) ComparisonIn(ctx context.Context, aID, bID int64, language string) (report.Comparison, error) {
	a, b, lineage, err := loadComparedDrafts(s.reader(ctx), aID, bID, nil, nil)
	if err != nil {
		return report.Comparison{}, err
	}
	a, b = report.InLanguage(a, b, language)
	return report.CompareInOrder(a, b, lineage), nil
}

// loadComparedDrafts reads two drafts to compare, with their provisions but
// those whose ids are in exceptA (of draft aID) and exceptB (of bID), and
// the lineage that orders them. The two drafts load
// side by side, each on a connection of its own: for two 1,000-provision
// drafts that halves the wait on an idle server.
func loadComparedDrafts(db *gorm.DB, aID, bID int64, exceptA, exceptB []int64) (a, b report.DraftProvisions, lineage report.Lineage, err error) {
	var bErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		b, bErr = loadDraftProvisionsExcept(db, bID, exceptB)
	}()
	a, err = loadDraftProvisionsExcept(db, aID, exceptA)
	if err == nil {
		lineage, err = loadLineage(db, aID, bID)
	}
	<-done
	if err == nil {
		err = bErr
	}
	return a, b, lineage, err
}

// Matrix lays drafts side by side in reading order, earlier → later
// (report.InReadingOrder); drafts the order does not decide between keep
// the order given.
func (s *Store) Matrix(ctx context.Context, draftIDs []int64) (report.Matrix, error) {
	if len(draftIDs) == 0 || len(draftIDs) > MaxMatrixDrafts {
		return report.Matrix{}, models.Invalid("drafts", "give 1 to %d draft ids", MaxMatrixDrafts)
	}
	db := s.reader(ctx)
	given := make([]report.DraftProvisions, len(draftIDs))
	ds := make([]models.Draft, len(draftIDs))
	for i, id := range draftIDs {
		dp, err := loadDraftProvisions(db, id)
		if err != nil {
			return report.Matrix{}, err
		}
		given[i], ds[i] = dp, dp.Draft
	}
	lineage, err := loadLineage(db, draftIDs...)
	if err != nil {
		return report.Matrix{}, err
	}
	drafts := make([]report.DraftProvisions, 0, len(given))
	for _, i := range report.InReadingOrder(ds, lineage) {
		drafts = append(drafts, given[i])
	}
	return report.NewMatrix(drafts, lineage), nil
}

// loadLineage reads which draft each of drafts was forked from, and so on
// up to the first that was not forked: all that ordering them needs (a
// draft's forks, or the rest of the plans' forks, never decide it). A
// walk of a few rows rather than every fork of every plan, which for a
// thousand forks was a millisecond of each comparison.
func loadLineage(db *gorm.DB, drafts ...int64) (report.Lineage, error) {
	// UNION, not UNION ALL: a loop in the lineage (which the store never
	// writes) ends the walk.
	rows, err := db.Raw(`WITH RECURSIVE up(id, forked_from_id) AS (
			SELECT id, forked_from_id FROM drafts WHERE id IN ? AND forked_from_id IS NOT NULL
			UNION
			SELECT d.id, d.forked_from_id FROM drafts d JOIN up ON d.id = up.forked_from_id
				WHERE d.forked_from_id IS NOT NULL)
		SELECT id, forked_from_id FROM up`, drafts).Rows()
	if err != nil {
		return nil, fmt.Errorf("lineage of the drafts: %w", err)
	}
	defer rows.Close()
	l := report.Lineage{}
	for rows.Next() {
		var id, from int64
		if err := rows.Scan(&id, &from); err != nil {
			return nil, fmt.Errorf("lineage of the drafts: %w", err)
		}
		l[id] = from
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lineage of the drafts: %w", err)
	}
	return l, nil
}

// idNotAmong is the condition that a row's id is none of ids, with its
// argument. SQLite is given them as one JSON array (json_each), not bound
// one by one: for the 770 ids a comparison of the bench's drafts leaves
// out, a placeholder each cost a third of reading the rows left (1.7 →
// 1.2 ms a draft). PostgreSQL takes the list as bound (at most
// maxExcluded ids, below its limit on parameters).
func idNotAmong(db *gorm.DB, ids []int64) (string, any) {
	if db.Dialector.Name() == "postgres" {
		return "id NOT IN ?", ids
	}
	list, _ := json.Marshal(ids) // a list of integers always encodes
	return "id NOT IN (SELECT value FROM json_each(?))", string(list)
}

func loadDraftProvisions(db *gorm.DB, draftID int64) (report.DraftProvisions, error) {
	return loadDraftProvisionsExcept(db, draftID, nil)
}

// loadDraftProvisionsExcept reads a draft and its provisions but those
// whose ids are in except.
func loadDraftProvisionsExcept(db *gorm.DB, draftID int64, except []int64) (report.DraftProvisions, error) {
	d, err := loadDraft(db, draftID)
	if err != nil {
		return report.DraftProvisions{}, err
	}
	var ps []models.Provision
	if len(except) == 0 {
		ps, err = loadDraftRows(db, draftID)
	} else {
		// Their party links by their ids: only a few of the draft's rows
		// are left to read.
		cond, arg := idNotAmong(db, except)
		ps, err = loadProvisionsWith(inDraftOrder(db, draftID).Where(cond, arg), loadProvisionParties)
	}
	if err != nil {
		return report.DraftProvisions{}, fmt.Errorf("provisions of draft %d: %w", draftID, err)
	}
	return report.DraftProvisions{Draft: d, Provisions: ps}, nil
}
