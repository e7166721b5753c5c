package store

import (
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
