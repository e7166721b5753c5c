package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"plantracker/models"
)

// A token the cache holds ends at once on this instance when it is
// revoked, its user's password changes or the user is removed, and its
// user's new role is seen at once.
func TestCachedTokensEndAtOnce(t *testing.T) {
	changes := []struct {
		name   string
		change func(s *Store, tokenID int64) error
		ended  bool
	}{
		{"revoked", func(s *Store, id int64) error { return s.RevokeToken(context.Background(), "root", id) }, true},
		{"new password", func(s *Store, _ int64) error {
			return s.SetPassword(context.Background(), "root", "alice", "a brand new password", false)
		}, true},
		{"user removed", func(s *Store, _ int64) error { return s.DeleteUser(context.Background(), "root", "alice") }, true},
		{"new role", func(s *Store, _ int64) error {
			_, err := s.SetRole(context.Background(), "root", "alice", models.RoleViewer)
			return err
		}, false},
	}
	forEachDialect(t, func(t *testing.T, open opener) {
		for _, tt := range changes {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				ctx := context.Background()
				if _, err := s.CreateUser(ctx, "root", models.User{Username: "root", Role: models.RoleAdmin}, "correct horse battery"); err != nil {
					t.Fatal(err)
				}
				if _, err := s.CreateUser(ctx, "root", models.User{Username: "alice", Role: models.RoleEditor}, "correct horse battery"); err != nil {
					t.Fatal(err)
				}
				secret, tok, err := s.CreateToken(ctx, "alice", "alice", "script")
				if err != nil {
					t.Fatal(err)
				}
				for range 2 { // the second answer comes from the cache
					if u, _, err := s.TokenUser(ctx, secret); err != nil || u.Role != models.RoleEditor {
						t.Fatalf("before the change: %v %v", u, err)
					}
				}
				if err := tt.change(s, tok.ID); err != nil {
					t.Fatal(err)
				}
				u, _, err := s.TokenUser(ctx, secret)
				switch {
				case tt.ended && !errors.Is(err, ErrNotFound):
					t.Fatalf("the token still works: %v %v", u, err)
				case !tt.ended && (err != nil || u.Role != models.RoleViewer):
					t.Fatalf("after the role change the token is %v's with role %q (%v), want viewer", u.Username, u.Role, err)
				}
			})
		}
	})
}

// Another instance on the same database, whose cache holds the token,
// refuses it within tokenCacheTTL of its revocation.
func TestRevocationReachesOtherInstances(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return TestSupport.SQLiteDSN(t) },
		"postgres": func(t *testing.T) string { return TestSupport.PostgresDSN(t) },
	}
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			dsn := dsns[name](t)
			a, b := openDSN(t, dsn), openDSN(t, dsn)
			ctx := context.Background()
			if _, err := a.CreateUser(ctx, "root", models.User{Username: "alice", Role: models.RoleEditor}, "correct horse battery"); err != nil {
				t.Fatal(err)
			}
			secret, tok, err := a.CreateToken(ctx, "alice", "alice", "script")
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := b.TokenUser(ctx, secret); err != nil {
				t.Fatal(err)
			}
			if err := a.RevokeToken(ctx, "alice", tok.ID); err != nil {
				t.Fatal(err)
			}
			revoked := time.Now()
			for {
				_, _, err := b.TokenUser(ctx, secret)
				if errors.Is(err, ErrNotFound) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if time.Since(revoked) > tokenCacheTTL+500*time.Millisecond {
					t.Fatalf("the other instance still takes the token %v after its revocation", time.Since(revoked))
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}
