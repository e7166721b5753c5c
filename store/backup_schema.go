package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrNotPlantracker: a file to restore that is not a Plantracker database
// this binary can read.
var ErrNotPlantracker = errors.New("not a Plantracker database this version reads")

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
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('`+healthProbeTable+`', '`+authEpochTable+`')`)
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
