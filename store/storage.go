package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// When the database cannot be written, the store says why in its own
// errors, so that the API and the UI can say so (503, 507) rather than
// answer a bare 500, and a failed write is never mistaken for something
// else (a refused token, a missing file).
var (
	// ErrReadOnly: the database can be read but not written (a read-only
	// file or mount, a PostgreSQL standby). Reads go on working.
	ErrReadOnly = errors.New("the database is read-only")
	// ErrStorageFull: the disk (or the database's size limit) is full.
	ErrStorageFull = errors.New("the database's disk is full")
)

// storageError recognises the database's "read-only" and "disk full"
// errors and wraps them in ErrReadOnly and ErrStorageFull, keeping the
// database's own words after them; any other error is returned as it is.
func storageError(err error) error {
	if err == nil || errors.Is(err, ErrReadOnly) || errors.Is(err, ErrStorageFull) {
		return err
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		switch lite.Code {
		case sqlite3.ErrReadonly:
			return fmt.Errorf("%w (%v)", ErrReadOnly, err)
		case sqlite3.ErrFull:
			return fmt.Errorf("%w (%v)", ErrStorageFull, err)
		}
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "25006": // read_only_sql_transaction
			return fmt.Errorf("%w (%v)", ErrReadOnly, err)
		case "53100": // disk_full
			return fmt.Errorf("%w (%v)", ErrStorageFull, err)
		}
	}
	return err
}

// ReadOnly says whether the store was opened read-only, and why: writes
// are then refused with ErrReadOnly before they reach the database.
func (s *Store) ReadOnly() (bool, string) { return s.readOnly != "", s.readOnly }

// errReadOnly is the error of a write to a store opened read-only.
func (s *Store) errReadOnly() error {
	return fmt.Errorf("%w: %s", ErrReadOnly, s.readOnly)
}
