package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/models"
)

// A database that stops taking writes while the server runs: every write
// fails with ErrReadOnly (the API's 503), the write probe says so, and a
// token whose last use cannot be noted still signs its requests in. Before,
// the failed bookkeeping write made the token look revoked (401).
func TestDatabaseTurnedReadOnly(t *testing.T) {
	tests := []struct {
		name string
		open func(t *testing.T) *Store
		// readOnly makes the open store's database refuse writes.
		readOnly func(t *testing.T, s *Store)
	}{
		{"sqlite", openTest, func(t *testing.T, s *Store) {
			// The one writer connection refuses writes, as a file made
			// read-only under a running server does.
			if err := s.write.Exec("PRAGMA query_only = ON").Error; err != nil {
				t.Fatal(err)
			}
		}},
		{"postgres", func(t *testing.T) *Store {
			s, err := Open(context.Background(), TestSupport.PostgresDSN(t), Options{Conns: 1, BcryptCost: bcrypt.MinCost})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}, func(t *testing.T, s *Store) {
			if err := s.write.Exec("SET default_transaction_read_only = on").Error; err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.open(t)
			ctx := context.Background()
			newFixture(t, s)
			newUser(t, s, "x", "ed", "editor")
			secret, _, err := s.CreateToken(ctx, "x", "ed", "script")
			if err != nil {
				t.Fatal(err)
			}
			tt.readOnly(t, s)
			if u, _, err := s.TokenUser(ctx, secret); err != nil || u.Username != "ed" {
				t.Fatalf("a valid token on a read-only database: %+v %v", u, err)
			}
			if _, err := s.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"}); !errors.Is(err, ErrReadOnly) {
				t.Fatalf("a write: %v, want ErrReadOnly", err)
			}
			if err := s.WriteProbe(ctx); !errors.Is(err, ErrReadOnly) {
				t.Fatalf("the write probe: %v, want ErrReadOnly", err)
			}
			if parties, err := s.Parties(ctx); err != nil || len(parties) != 5 {
				t.Fatalf("reads: %d parties, %v", len(parties), err)
			}
		})
	}
}

// A full database (here SQLite's page limit; on a full disk SQLite fails
// the same way, SQLITE_FULL) fails writes and the write probe with
// ErrStorageFull, the API's 507.
func TestDatabaseFull(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newFixture(t, s)
	var pages int64
	if err := s.write.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.write.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)).Error; err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 20 && err == nil; i++ { // the last pages' free space fills first
		big := f.troopCap
		big.ID, big.Key, big.Text = 0, fmt.Sprintf("big-%d", i), strings.Repeat("Чисельність ЗСУ обмежується. ", 600)
		_, err = s.CreateProvision(ctx, "x", big)
	}
	if !errors.Is(err, ErrStorageFull) {
		t.Fatalf("writes to a full database: %v, want ErrStorageFull", err)
	}
	if err := s.WriteProbe(ctx); !errors.Is(err, ErrStorageFull) {
		t.Fatalf("the write probe: %v, want ErrStorageFull", err)
	}
}

// A database that cannot be written from the start opens read-only: it
// serves reads, refuses writes with ErrReadOnly naming why, and never
// tries a bookkeeping write. A missing file that cannot be created is an
// error naming the cause, not SQLite's "no such file or directory".
func TestOpenReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	setup := openDSN(t, path)
	newFixture(t, setup)
	newUser(t, setup, "x", "ed", "editor")
	secret, _, err := setup.CreateToken(context.Background(), "x", "ed", "script")
	if err != nil {
		t.Fatal(err)
	}
	setup.Close()

	tests := []struct {
		name       string
		dsn        string
		canWrite   func(path string) error
		wantReason string
		wantErr    string
	}{
		{"mode=ro", "file:" + path + "?mode=ro", nil, "mode=ro", ""},
		{"a file not writable", path, func(p string) error {
			if p == path {
				return syscall.EACCES
			}
			return nil
		}, "the file " + path + " is not writable (permission denied)", ""},
		{"a read-only mount", path, func(string) error { return syscall.EROFS }, "read-only file system", ""},
		{"a missing file in a read-only directory", filepath.Join(dir, "new.db"), func(string) error { return syscall.EROFS },
			"", "the directory " + dir + " is not writable (read-only file system)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.canWrite != nil {
				canWrite = tt.canWrite
				t.Cleanup(func() { canWrite = realCanWrite })
			}
			ctx := context.Background()
			s, err := Open(ctx, tt.dsn, Options{})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "no such file") {
					t.Fatalf("open: %v; want an error saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if ro, why := s.ReadOnly(); !ro || !strings.Contains(why, tt.wantReason) {
				t.Fatalf("ReadOnly: %v %q, want a reason with %q", ro, why, tt.wantReason)
			}
			if parties, err := s.Parties(ctx); err != nil || len(parties) != 5 {
				t.Fatalf("reads: %d parties, %v", len(parties), err)
			}
			if u, _, err := s.TokenUser(ctx, secret); err != nil || u.Username != "ed" {
				t.Fatalf("a token: %+v %v", u, err)
			}
			_, err = s.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"})
			if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), tt.wantReason) {
				t.Fatalf("a write: %v, want ErrReadOnly saying %q", err, tt.wantReason)
			}
			if err := s.WriteProbe(ctx); !errors.Is(err, ErrReadOnly) {
				t.Fatalf("the write probe: %v", err)
			}
		})
	}
}

var realCanWrite = canWrite

// A PostgreSQL database that accepts only reads (a standby, or
// default_transaction_read_only) opens read-only too, without trying to
// migrate it.
func TestOpenReadOnlyPostgres(t *testing.T) {
	dsn := TestSupport.PostgresDSN(t)
	ctx := context.Background()
	setup := openDSN(t, dsn)
	newFixture(t, setup)
	setup.Close()
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := Open(ctx, dsn+sep+"default_transaction_read_only=on", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ro, why := s.ReadOnly(); !ro || !strings.Contains(why, "default_transaction_read_only") {
		t.Fatalf("ReadOnly: %v %q", ro, why)
	}
	if parties, err := s.Parties(ctx); err != nil || len(parties) != 5 {
		t.Fatalf("reads: %d parties, %v", len(parties), err)
	}
	if _, err := s.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("a write: %v", err)
	}
}
