package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// ErrNotSQLite: a SQLite-only operation on another database.
var ErrNotSQLite = errors.New("this works on SQLite only; on PostgreSQL use pg_dump, or plantracker export")

// Backup writes a consistent snapshot of a SQLite database to path while
// the server keeps running: VACUUM INTO reads one transaction's view of the
// database, so writers carry on and nothing half-written gets in. The
// snapshot is checked before Backup returns.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return ErrNotSQLite
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("%s exists; back up to a new file", abs)
	}
	conn, err := connOf(ctx, s.read)
	if err != nil {
		return err
	}
	defer conn.Close()
	// The read pool is query-only, which VACUUM INTO (it writes a new
	// file, never this one) is refused under; lift it on this one
	// connection, and put it back before the connection returns to the pool.
	if _, err := conn.ExecContext(ctx, "PRAGMA query_only = false"); err != nil {
		return err
	}
	defer conn.ExecContext(context.Background(), "PRAGMA query_only = true")
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		return fmt.Errorf("backup to %s: %w", abs, err)
	}
	backupWritten(abs)
	if err := CheckIntegrity(ctx, abs); err != nil {
		return fmt.Errorf("the backup %s failed its check, do not rely on it: %w", abs, err)
	}
	return nil
}

// backupWritten runs between writing a backup and checking it; tests
// damage the file there, to see the check catch it.
var backupWritten = func(path string) {}

// CheckIntegrity runs SQLite's integrity check on a database file: every
// problem it reports (it reports "ok" alone when there is none) fails it.
func CheckIntegrity(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err // "no such file", not SQLite's "unable to open database file"
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var result string
		if err := rows.Scan(&result); err != nil {
			return fmt.Errorf("integrity check of %s: %w", path, err)
		}
		if result != "ok" {
			problems = append(problems, result)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check of %s: %w", path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check of %s: %s", path, strings.Join(problems, "; "))
	}
	return nil
}

// Restore replaces the database's contents with a backup's, using SQLite's
// online backup: the copy takes the write lock, so it is safe while a server
// runs (its writers wait for it), and readers never see half a restore. The
// backup is checked first: its integrity, and that it is a Plantracker
// database whose schema this binary reads (any other SQLite file would
// restore "fine" and leave every request failing). What it replaces is
// first backed up beside the database; kept is that copy's path.
func (s *Store) Restore(ctx context.Context, path string) (kept string, err error) {
	defer s.tokens.invalidate() // the users and tokens may be others now
	if s.dialect != SQLite {
		return "", ErrNotSQLite
	}
	if err := CheckIntegrity(ctx, path); err != nil {
		return "", err
	}
	current, cleanup, err := s.upgradedCopy(ctx, path)
	if err != nil {
		return "", err
	}
	defer cleanup()
	if err := s.checkSchemaOf(ctx, current); err != nil {
		return "", err
	}
	kept = fmt.Sprintf("%s.before-restore-%s", s.path, s.now().Format("20060102T150405.000000Z"))
	if err := s.Backup(ctx, kept); err != nil {
		return "", fmt.Errorf("keeping a copy of the database before the restore: %w", err)
	}
	before, _ := s.authEpoch(ctx)
	termsBefore, _ := termsEpoch(s.reader(ctx))
	if err := s.copyFrom(ctx, current); err != nil {
		return kept, err
	}
	// The backup's tokens and users may be others: every instance's cached
	// tokens are read again (the backup's epoch may be lower than the one
	// they were stamped with, or the same). So are the search's terms.
	if err := s.raiseTermsEpochPast(ctx, termsBefore); err != nil {
		return kept, err
	}
	return kept, s.raiseAuthEpochPast(ctx, before)
}

// connOf takes a connection of the handle's pool for the caller alone;
// closing it gives it back.
func connOf(ctx context.Context, handle *gorm.DB) (*sql.Conn, error) {
	db, err := handle.DB()
	if err != nil {
		return nil, err
	}
	return db.Conn(ctx)
}

// copyFrom copies a database file over the store's, with SQLite's online
// backup API.
func (s *Store) copyFrom(ctx context.Context, path string) error {
	src, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer src.Close()
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	dstConn, err := connOf(ctx, s.write)
	if err != nil {
		return err
	}
	defer dstConn.Close()
	return dstConn.Raw(func(dst any) error {
		return srcConn.Raw(func(src any) error {
			d, ok1 := dst.(*sqlite3.SQLiteConn)
			sc, ok2 := src.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("restore: not SQLite connections")
			}
			b, err := d.Backup("main", sc, "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return fmt.Errorf("restore from %s: %w", path, err)
			}
			return b.Finish()
		})
	})
}
