package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
)

// rowUpdate is what one entity brings to the update sequence that every
// change of an existing row takes (updateRow): how to lock, load, edit,
// validate and write it. The sequence itself is written once, in updateRow.
type rowUpdate[T any] struct {
	entity string // as errors name it: "party"
	change string // as the Change row names it: models.EntityParty
	record any    // the GORM record, whose table holds the row: &partyRecord{}

	load     func(db *gorm.DB, id int64) (T, error)
	stamps   func(*T) (version *int, updatedAt *time.Time) // where the row's version and update time are
	copy     func(T) T                                     // a copy of before to edit; nil when T shares nothing (no slices or raw JSON)
	apply    func(*T) error                                // the caller's edit: a patch, a merge, a restore
	validate func(*T) error                                // the entity's rules
	fill     func(db *gorm.DB, after *T) error             // optional: derived fields (citations' references), before comparing

	// write writes after over the row, guarded by before's version
	// (bumpVersion: ErrConflict when the row moved on), with whatever
	// belongs beside it (links, the uniqueness checks, renames).
	write func(tx *gorm.DB, before, after T) error
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
func updateRow[T any](ctx context.Context, s *Store, actor, action string, id int64, ifVersion int, u rowUpdate[T]) (T, error) {
	if u.readFirst {
		before, after, changed, err := u.edit(s.reader(ctx), id, ifVersion)
		if err != nil || !changed {
			return after, err
		}
		err = s.inTx(ctx, func(tx *gorm.DB) error { return u.commit(s, tx, actor, action, id, before, &after) })
		if !errors.Is(err, ErrConflict) {
			return after, err
		}
	}
	var after T
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		if err := lockForUpdate(tx, u.record, id); err != nil {
			return err
		}
		before, edited, changed, err := u.edit(tx, id, ifVersion)
		after = edited
		if err != nil || !changed {
			return err
		}
		return u.commit(s, tx, actor, action, id, before, &after)
	})
	return after, err
}

// edit loads the row, checks its version, and applies, validates and fills
// the edit on a copy. It says whether that changed anything.
func (u rowUpdate[T]) edit(db *gorm.DB, id int64, ifVersion int) (before, after T, changed bool, err error) {
	if before, err = u.load(db, id); err != nil {
		return before, before, false, err
	}
	if err := checkVersion(u.entity, id, ifVersion, u.version(before)); err != nil {
		return before, before, false, err
	}
	after = before
	if u.copy != nil {
		after = u.copy(before)
	}
	if err := u.apply(&after); err != nil {
		return before, before, false, err
	}
	if err := u.validate(&after); err != nil {
		return before, before, false, err
	}
	if u.fill != nil {
		if err := u.fill(db, &after); err != nil {
			return before, before, false, err
		}
	}
	if sameJSON(before, after) {
		return before, before, false, nil
	}
	return before, after, true, nil
}

// commit writes an edited row over before and records the Change; after
// gets its new version.
func (u rowUpdate[T]) commit(s *Store, tx *gorm.DB, actor, action string, id int64, before T, after *T) error {
	version, updatedAt := u.stamps(after)
	*version, *updatedAt = u.version(before)+1, s.now()
	if u.reload {
		if err := u.write(tx, before, *after); err != nil {
			return err
		}
		reloaded, err := u.load(tx, id)
		if err != nil {
			return err
		}
		*after = reloaded
		return s.recordChange(tx, actor, u.change, id, action, before, *after)
	}
	beforeJSON, afterJSON := mustJSON(before), mustJSON(*after)
	if err := u.write(tx, before, *after); err != nil {
		return err
	}
	return s.recordChangeJSON(tx, actor, u.change, id, action, beforeJSON, afterJSON)
}

// version is the version a row was read at.
func (u rowUpdate[T]) version(row T) int {
	v, _ := u.stamps(&row)
	return *v
}

// patched adapts a models patch's Apply method to rowUpdate.apply.
func patched[T any](apply func(*T)) func(*T) error {
	return func(t *T) error { apply(t); return nil }
}
