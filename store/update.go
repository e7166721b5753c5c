package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"plantracker/models"
)

// entityTable is what the update and delete sequences (updateRow,
// deleteRow) need to know of one entity's table: how to lock, load,
// validate and write its rows. Each entity declares it once, beside its
// use cases (partyTable, planTable, …); the sequences are written once,
// here.
type entityTable[T any] struct {
	entity string // as errors name it: "party"
	change string // as the Change row names it: models.EntityParty
	record any    // the GORM record, whose table holds the row: &partyRecord{}

	// load reads the row with id (ErrNotFound: "no <entity> <id>"); or,
	// when nil, list reads the rows a query chooses, and the row is the
	// one it reads for id (loadRow).
	load     func(db *gorm.DB, id int64) (T, error)
	list     func(q *gorm.DB) ([]T, error)
	stamps   func(*T) *models.RowStamps        // where the row's version and times are
	copy     func(T) T                         // a copy of before to edit; nil when T shares nothing but its citations (no other slices edited in place, no raw JSON)
	validate func(*T) error                    // the entity's rules
	fill     func(db *gorm.DB, after *T) error // optional: checks of what after names, and derived fields, before comparing
	// sources, when the entity cites sources, is where its citations are:
	// the edit gets a list of its own, and its references are filled in
	// (after fill), so that an edit that changes nothing compares equal.
	sources func(*T) *[]models.Citation

	// write writes after over the row, guarded by before's version
	// (bumpVersion: ErrConflict when the row moved on), with whatever
	// belongs beside it (links, the uniqueness checks, renames).
	write func(s *Store, tx *gorm.DB, actor string, before, after T) error
	// reload: after is read back once written (derived columns, links in
	// their stored order); otherwise after is what the row now holds, and
	// its Change is encoded before the first statement.
	reload bool
	// readFirst: load, edit and validate on a reader, outside the write
	// transaction, and then only write (see updateRow).
	readFirst bool
}

// updateRow is the one update sequence: lock the row, load it, check the
// version the caller expects (ifVersion, 0: any), apply the edit, validate,
// stop if nothing changed (no new version, no Change), stamp the new
// version, write it guarded by the version read, and record the Change
// (action: models.ActionUpdate, or ActionRestore), all in one transaction.
//
// The lock matters on PostgreSQL (READ COMMITTED: transactions run side by
// side): without it, two writes without If-Match, or with the right one in
// turn, could both read version n, and the second would fail the guard with
// a spurious conflict (a 409) instead of applying to the row as the first
// left it. SQLite's write transactions already run one at a time.
//
// With readFirst the row is read and edited first on a reader, so that on
// SQLite the single writer connection is held for the writing alone; should
// another write land in between (the guard fails), the whole sequence runs
// again inside the transaction, under the lock, where nothing can, so a
// write never fails for merely being concurrent.
func updateRow[T any](ctx context.Context, s *Store, actor, action string, id int64, ifVersion int, t entityTable[T], apply func(*T) error) (T, error) {
	if t.readFirst {
		before, after, changed, err := t.edit(s.reader(ctx), id, ifVersion, apply)
		if err != nil || !changed {
			return after, err
		}
		err = s.inTx(ctx, func(tx *gorm.DB) error { return t.commit(s, tx, actor, action, id, before, &after) })
		if !errors.Is(err, ErrConflict) {
			return after, err
		}
	}
	var after T
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		if err := lockForUpdate(tx, t.record, id); err != nil {
			return err
		}
		before, edited, changed, err := t.edit(tx, id, ifVersion, apply)
		after = edited
		if err != nil || !changed {
			return err
		}
		return t.commit(s, tx, actor, action, id, before, &after)
	})
	return after, err
}

// edit loads the row, checks its version, and applies, validates and fills
// the edit on a copy. It says whether that changed anything.
func (t entityTable[T]) edit(db *gorm.DB, id int64, ifVersion int, apply func(*T) error) (before, after T, changed bool, err error) {
	if before, err = t.loadRow(db, id); err != nil {
		return before, before, false, err
	}
	if err := checkVersion(t.entity, id, ifVersion, t.version(before)); err != nil {
		return before, before, false, err
	}
	after = before
	if t.copy != nil {
		after = t.copy(before)
	}
	if t.sources != nil {
		cited := t.sources(&after)
		*cited = slices.Clone(*cited)
	}
	if err := apply(&after); err != nil {
		return before, before, false, err
	}
	if err := t.settle(db, &after); err != nil {
		return before, before, false, err
	}
	if sameJSON(before, after) {
		return before, before, false, nil
	}
	return before, after, true, nil
}

// settle validates an edited row, checks what it names (fill) and fills
// in its citations' references.
func (t entityTable[T]) settle(db *gorm.DB, after *T) error {
	if err := t.validate(after); err != nil {
		return err
	}
	if t.fill != nil {
		if err := t.fill(db, after); err != nil {
			return err
		}
	}
	if t.sources == nil {
		return nil
	}
	return fillReferences(db, *t.sources(after))
}

// commit writes an edited row over before and records the Change; after
// gets its new version.
func (t entityTable[T]) commit(s *Store, tx *gorm.DB, actor, action string, id int64, before T, after *T) error {
	stamps := t.stamps(after)
	stamps.Version, stamps.UpdatedAt = t.version(before)+1, s.now()
	if t.reload {
		if err := t.write(s, tx, actor, before, *after); err != nil {
			return err
		}
		reloaded, err := t.loadRow(tx, id)
		if err != nil {
			return err
		}
		*after = reloaded
		return s.recordChange(tx, actor, t.change, id, action, before, *after)
	}
	beforeJSON, afterJSON := mustJSON(before), mustJSON(*after)
	if err := t.write(s, tx, actor, before, *after); err != nil {
		return err
	}
	return s.recordChangeJSON(tx, actor, t.change, id, action, beforeJSON, afterJSON)
}

// createRow is the create sequence of a row that goes alone: validate v,
// stamp it as version 1, created now, insert it (insert checks what it
// refers to, writes the record and returns its id), read it back as
// stored, and record the Change, all in one transaction.
func createRow[T any](ctx context.Context, s *Store, actor string, t entityTable[T], v T, insert func(tx *gorm.DB, v T) (int64, error)) (T, error) {
	if err := t.validate(&v); err != nil {
		var zero T
		return zero, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		*t.stamps(&v) = models.RowStamps{Version: 1, CreatedAt: now, UpdatedAt: now}
		id, err := insert(tx, v)
		if err != nil {
			return err
		}
		if v, err = t.loadRow(tx, id); err != nil {
			return err
		}
		return s.recordChange(tx, actor, t.change, id, models.ActionCreate, nil, v)
	})
	return v, err
}

// createAlone validates v and creates it with create (which also records
// its Change) in a transaction of its own: create is also a step of larger
// creations (a draft with its provisions, a fork), in their transaction.
func createAlone[T any](ctx context.Context, s *Store, actor string, v T, validate func(*T) error, create func(tx *gorm.DB, actor string, v T) (T, error)) (T, error) {
	if err := validate(&v); err != nil {
		var zero T
		return zero, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		var err error
		v, err = create(tx, actor, v)
		return err
	})
	return v, err
}

// loadByID is the one row of list's answer to a query for id, or
// ErrNotFound ("no <entity> <id>").
func loadByID[T any](db *gorm.DB, entity string, id int64, list func(q *gorm.DB) ([]T, error)) (T, error) {
	rows, err := list(db.Where("id = ?", id))
	if err == nil && len(rows) == 0 {
		err = fmt.Errorf("%w: no %s %d", ErrNotFound, entity, id)
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return rows[0], nil
}

// findModels runs a query for records and makes models of them.
func findModels[R, T any](q *gorm.DB, model func(R) T) ([]T, error) {
	var recs []R
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]T, len(recs))
	for i, r := range recs {
		out[i] = model(r)
	}
	return out, nil
}

// idsOf is the id each row gives (its own, or one it refers to).
func idsOf[R any](rows []R, id func(R) int64) []int64 {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = id(r)
	}
	return ids
}

// modelsOf makes models of the records read, and fills in the references
// of their citations (sources gives a model's list).
func modelsOf[R, T any](db *gorm.DB, recs []R, model func(R) T, sources func(T) []models.Citation) ([]T, error) {
	out := make([]T, len(recs))
	lists := make([][]models.Citation, len(recs))
	for i, r := range recs {
		out[i] = model(r)
		lists[i] = sources(out[i])
	}
	return out, fillReferences(db, lists...)
}

// deleteRow is the delete sequence of a row that goes alone: load it,
// check the version the caller expects (0: any), refuse when inUse (when
// not nil) says something still needs it, delete it guarded by the version
// read (deleteVersion), and record the Change, whose before is what undoing
// the deletion brings back.
func deleteRow[T any](ctx context.Context, s *Store, actor string, id int64, ifVersion int, t entityTable[T], inUse func(tx *gorm.DB, before T) error) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := t.loadRow(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(t.entity, id, ifVersion, t.version(before)); err != nil {
			return err
		}
		if inUse != nil {
			if err := inUse(tx, before); err != nil {
				return err
			}
		}
		if err := deleteVersion(tx, t.record, t.entity, id, t.version(before)); err != nil {
			return err
		}
		return s.recordChange(tx, actor, t.change, id, models.ActionDelete, before, nil)
	})
}

// loadRow reads the row with id, by load or else by list.
func (t entityTable[T]) loadRow(db *gorm.DB, id int64) (T, error) {
	if t.load != nil {
		return t.load(db, id)
	}
	return loadByID(db, t.entity, id, t.list)
}

// version is the version a row was read at.
func (t entityTable[T]) version(row T) int {
	return t.stamps(&row).Version
}

// patched adapts a models patch's Apply method to updateRow's edit.
func patched[T any](apply func(*T)) func(*T) error {
	return func(t *T) error { apply(t); return nil }
}
