package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// A database that cannot be written (a read-only file, a read-only mount,
// a PostgreSQL standby) is opened read-only: the store serves reads,
// refuses writes with ErrReadOnly, and says why (ReadOnly), so that the
// server can say so in its log, on every page and in /healthz. Before, it
// started as if writable and every write failed with a bare 500.

// canWrite reports whether this process may write path (a file or a
// directory): nil, or the reason it may not, such as EROFS (a read-only
// file system) or EACCES. Tests replace it.
var canWrite = func(path string) error { return unix.Access(path, unix.W_OK) }

// sqliteURI puts a path into a file: URI, where '?' would start the query,
// '#' a fragment and '%' an escape: a path holding them would silently name
// another file.
func sqliteURI(abs string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(abs)
}

// sqliteAccess finds out whether the database file at abs can be opened
// for writing. It returns why not (the store then opens read-only), and
// whether SQLite must treat the file as immutable: when the directory is
// not writable, it cannot keep the write-ahead log's shared memory file
// beside it. A missing file that cannot be created is an error that names
// the real cause, not SQLite's "unable to open database file".
func sqliteAccess(abs string) (reason string, immutable bool, err error) {
	dir := filepath.Dir(abs)
	st, statErr := os.Stat(abs)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if _, err := os.Stat(dir); err != nil {
			return "", false, fmt.Errorf("cannot create the database %s: its directory: %w", abs, err)
		}
		if err := canWrite(dir); err != nil {
			return "", false, fmt.Errorf("cannot create the database %s: the directory %s is not writable (%w)", abs, dir, err)
		}
		return "", false, nil
	case statErr != nil:
		return "", false, fmt.Errorf("cannot open the database %s: %w", abs, statErr)
	case st.IsDir():
		return "", false, fmt.Errorf("cannot open the database %s: it is a directory", abs)
	}
	fileErr, dirErr := canWrite(abs), canWrite(dir)
	if fileErr != nil {
		reason = fmt.Sprintf("the file %s is not writable (%v)", abs, fileErr)
	}
	if dirErr != nil {
		// SQLite keeps its write-ahead log (-wal) and the log's index
		// (-shm) beside the database; without them it cannot write.
		_, walErr := os.Stat(abs + "-wal")
		_, shmErr := os.Stat(abs + "-shm")
		logsThere := walErr == nil && shmErr == nil && canWrite(abs+"-wal") == nil && canWrite(abs+"-shm") == nil
		if reason == "" && !logsThere {
			reason = fmt.Sprintf("the directory %s is not writable (%v), and SQLite keeps its write-ahead log there", dir, dirErr)
		}
		immutable = shmErr != nil
	}
	return reason, immutable, nil
}

// openSQLiteReadOnly opens one read-only pool, which serves as both the
// writer (whose every use inTx refuses) and the readers.
func (s *Store) openSQLiteReadOnly(uri string, params map[string][]string, immutable bool, readers int, cfg *gorm.Config, reason string) error {
	s.readOnly = reason
	q := map[string][]string{}
	for k, v := range params {
		q[k] = v
	}
	ro := make([]string, 0, 6)
	for k, v := range q {
		if k == "mode" || k == "immutable" || k == "_journal_mode" || k == "_txlock" || k == "_query_only" {
			continue
		}
		for _, x := range v {
			ro = append(ro, k+"="+x)
		}
	}
	ro = append(ro, "mode=ro", "_query_only=true", "_foreign_keys=on", "_busy_timeout=10000", "_mutex=no") // _mutex: see openSQLite
	if immutable {
		ro = append(ro, "immutable=1")
	}
	db, err := gorm.Open(sqlite.Open(uri+"?"+strings.Join(ro, "&")), cfg)
	if err != nil {
		return fmt.Errorf("open sqlite read-only: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(readers)
	sqlDB.SetMaxIdleConns(readers)
	if err := sqlDB.Ping(); err != nil {
		return fmt.Errorf("open sqlite %s read-only: %w", s.path, explainOpenError(s.path, err))
	}
	s.write, s.read = db, db
	return nil
}

// explainOpenError replaces SQLite's "unable to open database file", whose
// errno is often not the cause (a read-only directory shows as "no such
// file or directory"), by what is actually wrong, where that can be found.
func explainOpenError(abs string, err error) error {
	if !strings.Contains(err.Error(), "unable to open database file") {
		return err
	}
	if _, statErr := os.Stat(abs); statErr != nil {
		return fmt.Errorf("%w (%v)", err, statErr)
	}
	if dirErr := canWrite(filepath.Dir(abs)); dirErr != nil {
		return fmt.Errorf("%w: the file exists, but its directory is not writable (%v)", err, dirErr)
	}
	if fileErr := canWrite(abs); fileErr != nil {
		return fmt.Errorf("%w: the file exists, but is not writable (%v)", err, fileErr)
	}
	return err
}

// postgresReadOnly asks a PostgreSQL server whether it takes writes: a hot
// standby, or a database set to default_transaction_read_only, does not.
func postgresReadOnly(ctx context.Context, db *gorm.DB) (string, error) {
	var readOnly, standby bool
	if err := db.WithContext(ctx).Raw("SELECT current_setting('transaction_read_only') = 'on', pg_is_in_recovery()").
		Row().Scan(&readOnly, &standby); err != nil {
		return "", err
	}
	switch {
	case standby:
		return "the PostgreSQL server is a standby, which accepts only reads", nil
	case readOnly:
		return "the PostgreSQL database accepts only reads (default_transaction_read_only is on)", nil
	}
	return "", nil
}

// checkReadOnlySchema checks, without writing, that a database opened
// read-only has the schema this binary reads: on SQLite every table and
// column of a schema made afresh in memory; on PostgreSQL, that the tables
// are there.
func (s *Store) checkReadOnlySchema(ctx context.Context) error {
	if s.dialect == Postgres {
		for _, table := range []string{"parties", "plans", "drafts", "provisions", "changes", "users", "sessions", "api_tokens"} {
			if !s.read.Migrator().HasTable(table) {
				return fmt.Errorf("%w: the read-only database has no table %s, and it cannot be created", ErrNotPlantracker, table)
			}
		}
		return nil
	}
	want, err := referenceSchema(ctx)
	if err != nil {
		return err
	}
	have, err := s.ownSchema(ctx)
	if err != nil {
		return err
	}
	if missing := missingFrom(want, have); len(missing) > 0 {
		return fmt.Errorf("%w: %s is read-only and lacks %s, which cannot be added to it: open it writable once to update it",
			ErrNotPlantracker, s.path, strings.Join(missing, ", "))
	}
	return nil
}

// referenceSchema is this binary's SQLite schema, made in memory.
func referenceSchema(ctx context.Context) (map[string]map[string]bool, error) {
	db, err := gorm.Open(sqlite.Open("file::memory:"), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	defer sqlDB.Close()
	sqlDB.SetMaxOpenConns(1) // each connection has a memory database of its own
	ref := &Store{dialect: SQLite, write: db, read: db}
	if err := ref.migrate(ctx); err != nil {
		return nil, err
	}
	return schemaOf(ctx, sqlDB)
}
