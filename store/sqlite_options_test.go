package store

import (
	"database/sql"
	"slices"
	"testing"
)

// The Makefile compiles SQLite with the options its comment explains; a
// build that lost them (a plain `go test` without the Makefile's
// CGO_CFLAGS, or a Makefile edit) still works but searches a seventh
// slower, and would otherwise only show in `make bench`.
func TestSQLiteCompileOptions(t *testing.T) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA compile_options")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var options []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			t.Fatal(err)
		}
		options = append(options, o)
	}
	for _, want := range []string{"ENABLE_QPSG", "DEFAULT_MEMSTATUS=0", "ENABLE_FTS5"} {
		if !slices.Contains(options, want) {
			t.Errorf("SQLite was compiled without %s: build and test through the Makefile (its CGO_CFLAGS and tags); compiled with %v", want, options)
		}
	}
}
