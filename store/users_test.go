package store

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"plantracker/models"
)

// A new password signs the user out everywhere: sessions and API tokens
// end, each token's end recorded, unless the admin chose to keep tokens.
func TestNewPasswordEndsSessionsAndTokens(t *testing.T) {
	tests := []struct {
		name       string
		keepTokens bool
	}{
		{"tokens end", false},
		{"tokens kept", true},
	}
	forEachDialect(t, func(t *testing.T, open opener) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				ctx := context.Background()
				u := newUser(t, s, "root", "alice", "editor")
				session, err := s.CreateSession(ctx, u.ID)
				if err != nil {
					t.Fatal(err)
				}
				token, tok, err := s.CreateToken(ctx, "alice", "alice", "script")
				if err != nil {
					t.Fatal(err)
				}
				if err := s.SetPassword(ctx, "root", "alice", "a brand new password", tt.keepTokens); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Session(ctx, session, SessionPolicy{Idle: time.Hour, MaxAge: time.Hour}); !errors.Is(err, ErrNotFound) {
					t.Fatalf("the session outlived the password: %v", err)
				}
				_, _, err = s.TokenUser(ctx, token)
				if tt.keepTokens && err != nil {
					t.Fatalf("a kept token is refused: %v", err)
				}
				if !tt.keepTokens && !errors.Is(err, ErrNotFound) {
					t.Fatalf("the token outlived the password: %v", err)
				}
				cs, err := s.Changes(ctx, ChangeFilter{Entity: EntityToken, EntityID: tok.ID})
				if err != nil {
					t.Fatal(err)
				}
				if wantChanges := map[bool]int{false: 2, true: 1}[tt.keepTokens]; len(cs) != wantChanges {
					t.Fatalf("%d changes of the token, want %d (its creation, and its end unless kept)", len(cs), wantChanges)
				}
			})
		}
	})
}

// The last admin can be neither demoted nor removed: with no admin left,
// nobody could manage users but from the command line.
func TestLastAdminStays(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for _, u := range []models.User{{Username: "ada", Role: "admin"}, {Username: "bob", Role: "admin"}} {
			if _, err := s.CreateUser(ctx, "root", u, "correct horse battery"); err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			name    string
			do      func() error
			wantErr error
		}{
			{"demote one of two admins", func() error { _, err := s.SetRole(ctx, "ada", "bob", "editor"); return err }, nil},
			{"demote the last admin", func() error { _, err := s.SetRole(ctx, "ada", "ada", "viewer"); return err }, ErrLastAdmin},
			{"remove the last admin", func() error { return s.DeleteUser(ctx, "root", "ada") }, ErrLastAdmin},
			{"restate the last admin's role", func() error { _, err := s.SetRole(ctx, "ada", "ada", "admin"); return err }, nil},
			{"remove a former admin", func() error { return s.DeleteUser(ctx, "ada", "bob") }, nil},
		}
		for _, step := range steps {
			if err := step.do(); !errors.Is(err, step.wantErr) || (step.wantErr == nil && err != nil) {
				t.Fatalf("%s: %v, want %v", step.name, err, step.wantErr)
			}
		}
		if u, err := s.UserByName(ctx, "ada"); err != nil || u.Role != models.RoleAdmin {
			t.Fatalf("ada: %+v %v", u, err)
		}
	})
}

// The UI language a user chooses is kept on their account: set through the
// update sequence (one Change, a new version), the same choice again
// changes nothing, and a language the UI does not speak is refused.
func TestSetLanguageKeepsTheChoiceOnTheAccount(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := newUser(t, s, "root", "olena", models.RoleViewer)
		if u.Language != "" {
			t.Fatalf("a new user has language %q, want none", u.Language)
		}
		got, err := s.SetLanguage(ctx, "olena", "olena", "uk")
		if err != nil {
			t.Fatal(err)
		}
		if got.Language != "uk" || got.Version != u.Version+1 {
			t.Fatalf("after choosing: language %q version %d, want uk and %d", got.Language, got.Version, u.Version+1)
		}
		again, err := s.SetLanguage(ctx, "olena", "olena", "uk")
		if err != nil || again.Version != got.Version {
			t.Fatalf("choosing uk again: version %d (%v), want %d unchanged", again.Version, err, got.Version)
		}
		if n := len(changesFor(t, s, EntityUser, u.ID)); n != 2 {
			t.Fatalf("%d changes of the user, want 2 (created, language)", n)
		}
		var verr *models.ValidationError
		if _, err := s.SetLanguage(ctx, "olena", "olena", "de"); !errors.As(err, &verr) {
			t.Fatalf("language de: %v, want a validation error", err)
		}
		read, err := s.UserByName(ctx, "olena")
		if err != nil || read.Language != "uk" {
			t.Fatalf("read back: %q (%v), want uk", read.Language, err)
		}
		if _, err := s.SetLanguage(ctx, "olena", "nobody", "uk"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("no such user: %v, want ErrNotFound", err)
		}
	})
}

// The only admin may choose a language: the last-admin rule guards roles,
// not preferences.
func TestTheOnlyAdminMayChooseALanguage(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		newUser(t, s, "root", "root", models.RoleAdmin)
		got, err := s.SetLanguage(context.Background(), "root", "root", "uk")
		if err != nil || got.Language != "uk" {
			t.Fatalf("the only admin choosing uk: %q (%v)", got.Language, err)
		}
	})
}

// A database made before the column existed gets it when opened again:
// users keep their rows, with no language chosen, and can then choose one.
func TestMigrateAddsTheLanguageColumn(t *testing.T) {
	TestSupport.EachDialect(t, func(t *testing.T, newDSN func(testing.TB) string) {
		dsn := newDSN(t)
		old := openDSN(t, dsn)
		newUser(t, old, "root", "taras", models.RoleEditor)
		if err := old.write.Exec("ALTER TABLE users DROP COLUMN language").Error; err != nil {
			t.Fatal(err)
		}
		if old.write.Migrator().HasColumn(&userRecord{}, "language") {
			t.Fatal("the column is still there")
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		s := openDSN(t, dsn)
		ctx := context.Background()
		u, err := s.UserByName(ctx, "taras")
		if err != nil || u.Language != "" {
			t.Fatalf("after the migration: %q (%v), want taras with no language", u.Language, err)
		}
		if u, err = s.SetLanguage(ctx, "taras", "taras", "en"); err != nil || u.Language != "en" {
			t.Fatalf("choosing en after the migration: %q (%v)", u.Language, err)
		}
	})
}

// The language chosen travels with the account: an export imported into
// another store (either database) and a backup restored both keep it.
func TestExportAndBackupCarryTheLanguage(t *testing.T) {
	ctx := context.Background()
	withChoice := func(t *testing.T, s *Store) {
		t.Helper()
		newUser(t, s, "root", "olena", models.RoleViewer)
		if _, err := s.SetLanguage(ctx, "olena", "olena", "uk"); err != nil {
			t.Fatal(err)
		}
	}
	wantChoice := func(t *testing.T, s *Store, how string) {
		t.Helper()
		if u, err := s.UserByName(ctx, "olena"); err != nil || u.Language != "uk" {
			t.Fatalf("after %s: olena's language %q (%v), want uk", how, u.Language, err)
		}
	}
	forEachDialect(t, func(t *testing.T, open opener) {
		src := open(t)
		withChoice(t, src)
		var export bytes.Buffer
		if err := src.Export(ctx, &export); err != nil {
			t.Fatal(err)
		}
		dst := open(t)
		if err := dst.Import(ctx, &export); err != nil {
			t.Fatal(err)
		}
		wantChoice(t, dst, "export and import")
	})
	t.Run("backup", func(t *testing.T) {
		src := openAuthTest(t)
		withChoice(t, src)
		backup := backupTo(t, src, "backup.db")
		restored := openAuthTest(t)
		if _, err := restored.Restore(ctx, backup); err != nil {
			t.Fatal(err)
		}
		wantChoice(t, restored, "backup and restore")
	})
}
