package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/models"
)

// Restore refuses a file that is not a Plantracker database of a schema
// this binary reads, and changes nothing then. Before, a file with one
// unrelated table restored "fine", and every API call after it was a 401
// (no such table: api_tokens) while /healthz said ok.
func TestRestoreRefusesWhatItCannotRead(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		name    string
		make    func(path string) error
		wantErr string
	}{
		{"one unrelated table", func(path string) error {
			return sqliteExec(path, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('hello')")
		}, "lacks"},
		{"a Plantracker table short", func(path string) error {
			if err := backupOfNewStore(t, path); err != nil {
				return err
			}
			return sqliteExec(path, "DROP TABLE changes")
		}, "table changes"},
		{"not a database", func(path string) error {
			return os.WriteFile(path, []byte(strings.Repeat("not SQLite ", 1000)), 0o600)
		}, "not a database"},
		{"missing", func(path string) error { return nil }, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openAuthTest(t)
			newFixture(t, s)
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".db")
			if err := tt.make(path); err != nil {
				t.Fatal(err)
			}
			_, err := s.Restore(ctx, path)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("restore: %v; want an error saying %q", err, tt.wantErr)
			}
			if parties, err := s.Parties(ctx); err != nil || len(parties) != 5 {
				t.Fatalf("the refused restore changed the database: %d parties (%v)", len(parties), err)
			}
			if kept, _ := filepath.Glob(s.path + ".before-restore-*"); len(kept) != 0 {
				t.Fatalf("a refused restore left copies: %v", kept)
			}
		})
	}
}

// Restore keeps a copy of the database it replaces, beside it, checked.
func TestRestoreKeepsWhatItReplaces(t *testing.T) {
	ctx := context.Background()
	backup := filepath.Join(t.TempDir(), "empty.db")
	if err := backupOfNewStore(t, backup); err != nil {
		t.Fatal(err)
	}
	s := openAuthTest(t)
	newFixture(t, s)
	kept, err := s.Restore(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if parties, err := s.Parties(ctx); err != nil || len(parties) != 0 {
		t.Fatalf("after restoring an empty backup: %d parties (%v)", len(parties), err)
	}
	if filepath.Dir(kept) != filepath.Dir(s.path) || !strings.HasPrefix(filepath.Base(kept), filepath.Base(s.path)+".before-restore-") {
		t.Fatalf("the copy is at %s, not beside %s", kept, s.path)
	}
	old, err := Open(ctx, kept, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if parties, err := old.Parties(ctx); err != nil || len(parties) != 5 {
		t.Fatalf("the kept copy holds %d parties (%v), want the 5 replaced", len(parties), err)
	}
}

// A backup taken by an earlier version (here: without the columns the
// language choice, the token's last use and the quote's translations
// added, and without the events tables) is brought up to date on a copy and restored, as the database
// itself is migrated on an upgrade; the backup file is left as it was.
func TestRestoreUpgradesAnOlderBackup(t *testing.T) {
	ctx := context.Background()
	older := openAuthTest(t)
	newFixture(t, older)
	backup := backupTo(t, older, "older.db")
	if err := sqliteExec(backup, "ALTER TABLE users DROP COLUMN language", "ALTER TABLE api_tokens DROP COLUMN last_used_at",
		"ALTER TABLE sources DROP COLUMN translations",
		"DROP TABLE event_parties", "DROP TABLE event_drafts", "DROP TABLE events"); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	s := openAuthTest(t)
	if _, err := s.Restore(ctx, backup); err != nil {
		t.Fatalf("restoring an older backup: %v", err)
	}
	if parties, err := s.Parties(ctx); err != nil || len(parties) != 5 {
		t.Fatalf("after the restore: %d parties (%v), want the backup's 5", len(parties), err)
	}
	if events, err := s.Events(ctx, models.ChronologyFilter{}); err != nil || len(events) != 0 {
		t.Fatalf("the events table, added by the upgrade: %d events (%v)", len(events), err)
	}
	if _, err := s.Users(ctx); err != nil {
		t.Fatalf("the users, whose language column the upgrade added: %v", err)
	}
	if sources, err := s.Sources(ctx); err != nil || len(sources) == 0 || sources[0].Translations == nil || len(sources[0].Translations) != 0 {
		t.Fatalf("the sources, whose translations column the upgrade added: %+v (%v), want each with an empty list", sources, err)
	}
	after, err := os.ReadFile(backup)
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("the restore wrote to the backup file (%v)", err)
	}
	if left, _ := filepath.Glob(s.path + ".restoring-*"); len(left) != 0 {
		t.Fatalf("the upgraded copy was left behind: %v", left)
	}
}

// The integrity check fails on every problem SQLite reports, and backup
// runs it on what it wrote: a backup damaged on disk is not reported done.
func TestIntegrityCheckCatchesDamage(t *testing.T) {
	ctx := context.Background()
	s := openAuthTest(t)
	newFixture(t, s)
	good := backupTo(t, s, "good.db")
	if err := CheckIntegrity(ctx, good); err != nil {
		t.Fatalf("a good backup fails the check: %v", err)
	}
	if err := damage(good); err != nil {
		t.Fatal(err)
	}
	if err := CheckIntegrity(ctx, good); err == nil || !strings.Contains(err.Error(), "missing from index") {
		t.Fatalf("a damaged file: %v; want the check to report the damage", err)
	}

	backupWritten = func(path string) {
		if err := damage(path); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { backupWritten = func(string) {} })
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "bad.db")); err == nil || !strings.Contains(err.Error(), "failed its check") {
		t.Fatalf("a backup damaged before its check: %v", err)
	}
}

// damage breaks a database file the way SQLite's integrity check reports
// in its result rows (not as an error opening the file): an index is
// pointed at another, empty one's pages, so its table's rows are missing
// from it.
func damage(path string) error {
	return sqliteExec(path,
		"CREATE TABLE dmg_a (x)", "CREATE INDEX dmg_a_x ON dmg_a (x)", "INSERT INTO dmg_a VALUES (1), (2), (3)",
		"CREATE TABLE dmg_b (x)", "CREATE INDEX dmg_b_x ON dmg_b (x)",
		"PRAGMA writable_schema = ON",
		"UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master WHERE name = 'dmg_b_x') WHERE name = 'dmg_a_x'")
}

// backupTo backs s up to a new file called name in a temporary directory
// and returns its path, or fails the test.
func backupTo(t *testing.T, s *Store, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := s.Backup(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

// backupOfNewStore writes a backup of a new, empty store to path.
func backupOfNewStore(t *testing.T, path string) error {
	s := openAuthTest(t)
	return s.Backup(context.Background(), path)
}

// sqliteExec runs statements on a SQLite file, creating it if need be.
func sqliteExec(path string, stmts ...string) error {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			return errors.Join(err, errors.New(stmt))
		}
	}
	return nil
}
