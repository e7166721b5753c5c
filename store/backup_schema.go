package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
)

// ErrNotPlantracker: a file to restore that is not a Plantracker database
// this binary can read.
var ErrNotPlantracker = errors.New("not a Plantracker database this version reads")

// coreTables are the tables every Plantracker database has had since its
// first version: a file without them is not one, whatever else it holds.
// (No column is named: later versions added columns to each.)
var coreTables = map[string]map[string]bool{"plans": nil, "drafts": nil, "provisions": nil, "parties": nil, "users": nil, "changes": nil}

// upgradedCopy brings a backup up to this version's schema on a copy
// beside the database (the backup itself is only read), with the
// migrations Open runs: a backup taken before an upgrade lacks the
// columns and tables later versions added, as the database itself did
// before the upgrade migrated it, and restores like any other. A file
// without the core tables is refused first: migrating it would make it
// look like a Plantracker database. cleanup removes the copy.
func (s *Store) upgradedCopy(ctx context.Context, path string) (copyPath string, cleanup func(), err error) {
	src, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return "", nil, err
	}
	defer src.Close()
	have, err := schemaOf(ctx, src)
	if err != nil {
		return "", nil, fmt.Errorf("%w: %s: %v", ErrNotPlantracker, path, err)
	}
	if err := refuseMissing(path, coreTables, have); err != nil {
		return "", nil, err
	}
	copyPath = fmt.Sprintf("%s.restoring-%s", s.path, s.now().Format("20060102T150405.000000Z"))
	cleanup = func() {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(copyPath + suffix)
		}
	}
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", copyPath); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("copying %s: %w", path, err)
	}
	upgraded, err := Open(ctx, copyPath, Options{Synchronous: "NORMAL", Readers: 1, BcryptCost: s.bcryptCost})
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("%w: %s: bringing it up to date: %v", ErrNotPlantracker, path, err)
	}
	if err := upgraded.Close(); err != nil {
		cleanup()
		return "", nil, err
	}
	return copyPath, cleanup, nil
}

// checkSchemaOf checks that the SQLite file at path has every table this
// store has, each with every column: the store's own schema, brought up to
// date by this binary when it opened, is the reference. Extra tables or
// columns (a newer version's) are allowed.
func (s *Store) checkSchemaOf(ctx context.Context, path string) error {
	want, err := s.ownSchema(ctx)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	have, err := schemaOf(ctx, db)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNotPlantracker, path, err)
	}
	return refuseMissing(path, want, have)
}

// refuseMissing is the error refusing the file at path when it lacks
// tables or columns of want (have is its schema), or nil.
func refuseMissing(path string, want, have map[string]map[string]bool) error {
	if missing := missingFrom(want, have); len(missing) > 0 {
		return fmt.Errorf("%w: %s lacks %s; nothing was restored", ErrNotPlantracker, path, strings.Join(missing, ", "))
	}
	return nil
}

// missingFrom lists the tables and columns of want that have lacks, the
// first five and a count of the rest.
func missingFrom(want, have map[string]map[string]bool) []string {
	var missing []string
	for table, cols := range want {
		got, ok := have[table]
		if !ok {
			missing = append(missing, "table "+table)
			continue
		}
		for col := range cols {
			if !got[col] {
				missing = append(missing, "column "+table+"."+col)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 5 {
		missing = append(missing[:5], fmt.Sprintf("%d more", len(missing)-5))
	}
	return missing
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ownSchema is schemaOf the store's own database.
func (s *Store) ownSchema(ctx context.Context) (map[string]map[string]bool, error) {
	own, err := s.read.DB()
	if err != nil {
		return nil, err
	}
	return schemaOf(ctx, own)
}

// schemaOf lists a SQLite database's tables with their columns.
func schemaOf(ctx context.Context, db querier) (map[string]map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('`+healthProbeTable+`', '`+authEpochTable+`', '`+termsEpochTable+`', 'provisions_fts_terms')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			return nil, err
		}
		if out[table] == nil {
			out[table] = map[string]bool{}
		}
		out[table][col] = true
	}
	return out, rows.Err()
}
