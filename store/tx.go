package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// inTx runs fn in one write transaction: either everything fn wrote is
// committed, or nothing is. On SQLite the transaction starts IMMEDIATE on the
// single writer connection, so writers queue instead of failing. Inside fn,
// use tx and only tx: the outer handle would wait for the one connection fn
// already holds.
//
// A store opened read-only refuses at once; a database that turns out
// read-only or full mid-way fails with ErrReadOnly or ErrStorageFull.
func (s *Store) inTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.readOnly != "" {
		return s.errReadOnly()
	}
	return storageError(s.write.WithContext(ctx).Transaction(fn))
}

// reader is the handle for queries outside a transaction.
func (s *Store) reader(ctx context.Context) *gorm.DB { return s.read.WithContext(ctx) }

// recordChange appends one entry to the audit trail, in the caller's
// transaction so that the change and its record commit together.
//
// It is a plain INSERT: nothing needs the new row's id, and GORM's Create
// would ask for it back (INSERT … RETURNING), which on the write path of
// every change costs more than the insert.
func (s *Store) recordChange(tx *gorm.DB, actor, entity string, id int64, action string, before, after any) error {
	return s.recordChangeJSON(tx, actor, entity, id, action, jsonOrNull(before), jsonOrNull(after))
}

// recordChangeJSON is recordChange with before and after already encoded.
func (s *Store) recordChangeJSON(tx *gorm.DB, actor, entity string, id int64, action, before, after string) error {
	return tx.Exec("INSERT INTO changes (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.now(), actor, entity, id, action, before, after).Error
}

func jsonOrNull(v any) string {
	if v == nil {
		return "null"
	}
	return mustJSON(v)
}

// exists reports whether the query finds a row.
func exists(q *gorm.DB) (bool, error) {
	var n int64
	err := q.Count(&n).Error
	return n > 0, err
}

// unique is ErrDuplicate, saying what format and args say, when q
// finds a row: another that already has the value that must be unique.
func unique(q *gorm.DB, format string, args ...any) error {
	taken, err := exists(q)
	if err != nil || !taken {
		return err
	}
	return fmt.Errorf("%w: %s", ErrDuplicate, fmt.Sprintf(format, args...))
}

// checkVersion returns ErrConflict when the caller expected another version.
// A zero expectation means the caller did not ask for a check.
func checkVersion(entity string, id int64, expected, current int) error {
	if expected != 0 && expected != current {
		return fmt.Errorf("%w: %s %d is at version %d, not %d; someone else changed it, reload and try again",
			ErrConflict, entity, id, current, expected)
	}
	return nil
}

// bumpVersion writes the update only if the row is still at the version that
// was read, and fails with ErrConflict otherwise. Inside a SQLite
// transaction nothing can intervene, but on PostgreSQL (READ COMMITTED) two
// transactions may both have read the old version; the guard makes the
// second one lose cleanly instead of overwriting the first.
func bumpVersion(tx *gorm.DB, model any, entity string, id int64, readVersion int, updates map[string]any) error {
	updates["version"] = readVersion + 1
	res := tx.Model(model).Where("id = ? AND version = ?", id, readVersion).Updates(updates)
	if res.Error != nil {
		return translate(res.Error, entity)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("%w: %s %d was changed by someone else meanwhile; reload and try again", ErrConflict, entity, id)
	}
	return nil
}

// lockForUpdate locks a row until the transaction ends, so that
// transactions that read something depending on it and then write take
// turns. That matters on PostgreSQL (READ COMMITTED: transactions run side
// by side); SQLite's write transactions already run one at a time.
func lockForUpdate(tx *gorm.DB, model any, id int64) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	var ids []int64
	return tx.Model(model).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Pluck("id", &ids).Error
}

// deleteVersion deletes a row only if it is still at the version that was
// read, and fails with ErrConflict otherwise: the guard of bumpVersion, for
// deletes. On PostgreSQL a delete that read the row before a concurrent
// update committed would otherwise wait for that update and then delete a
// version nobody checked (and two deletes would both record one).
func deleteVersion(tx *gorm.DB, model any, entity string, id int64, readVersion int) error {
	res := tx.Where("id = ? AND version = ?", id, readVersion).Delete(model)
	if res.Error != nil {
		return translate(res.Error, entity)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("%w: %s %d was changed by someone else meanwhile; reload and try again", ErrConflict, entity, id)
	}
	return nil
}

// translate maps the database's typed errors (gorm's TranslateError) onto the
// store's.
func translate(err error, entity string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%w: no such %s", ErrNotFound, entity)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("%w: a %s like this already exists", ErrDuplicate, entity)
	case errors.Is(err, gorm.ErrForeignKeyViolated), isSQLiteRestrict(err):
		return fmt.Errorf("%w: the %s is referenced by other records", ErrInUse, entity)
	}
	return err
}

// isSQLiteRestrict recognises SQLite refusing a delete for an ON DELETE
// RESTRICT foreign key. SQLite reports it as a trigger constraint
// (SQLITE_CONSTRAINT_TRIGGER), not as a foreign key one, so the driver's
// translation misses it; PostgreSQL reports both kinds as 23503.
func isSQLiteRestrict(err error) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == sqlite3.ErrConstraintTrigger &&
		strings.Contains(e.Error(), "FOREIGN KEY")
}

// sameJSON reports whether two values encode identically; a write that
// changes nothing is not recorded.
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// queryRows sends a statement as it is written, on db's connection (the
// pool's, or the transaction's), and traces it to GORM's logger as GORM
// traces its own. GORM's Raw reads a statement byte by byte to rewrite its
// placeholders for the database: for the 1.5 KB statement that reads a
// provision, a tenth of a GET. So a statement sent here is written with
// the database's own placeholders (? on SQLite, $1 on PostgreSQL).
func queryRows(db *gorm.DB, query string, args ...any) (*sql.Rows, error) {
	ctx := db.Statement.Context
	begin := time.Now()
	rows, err := db.Statement.ConnPool.QueryContext(ctx, query, args...)
	db.Logger.Trace(ctx, begin, func() (string, int64) { return query, -1 }, err)
	return rows, err
}
