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

// Another instance on the same database (a server, while the command line
// opens the database again to run plantracker token revoke, user passwd or
// user remove), whose cache holds the token, refuses it on its very next
// lookup, and sees a new role at once.
func TestRevocationReachesOtherInstances(t *testing.T) {
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return TestSupport.SQLiteDSN(t) },
		"postgres": func(t *testing.T) string { return TestSupport.PostgresDSN(t) },
	}
	changes := []struct {
		name   string
		change func(s *Store, tokenID int64) error
		ended  bool
	}{
		{"token revoke", func(s *Store, id int64) error { return s.RevokeToken(context.Background(), "operator", id) }, true},
		{"user passwd", func(s *Store, _ int64) error {
			return s.SetPassword(context.Background(), "operator", "alice", "a brand new password", false)
		}, true},
		{"user remove", func(s *Store, _ int64) error { return s.DeleteUser(context.Background(), "operator", "alice") }, true},
		{"user role", func(s *Store, _ int64) error {
			_, err := s.SetRole(context.Background(), "operator", "alice", models.RoleViewer)
			return err
		}, false},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			for _, tt := range changes {
				t.Run(tt.name, func(t *testing.T) {
					dsn := dsns[name](t)
					server := openDSN(t, dsn)
					ctx := context.Background()
					if _, err := server.CreateUser(ctx, "root", models.User{Username: "root", Role: models.RoleAdmin}, "correct horse battery"); err != nil {
						t.Fatal(err)
					}
					if _, err := server.CreateUser(ctx, "root", models.User{Username: "alice", Role: models.RoleEditor}, "correct horse battery"); err != nil {
						t.Fatal(err)
					}
					secret, tok, err := server.CreateToken(ctx, "alice", "alice", "script")
					if err != nil {
						t.Fatal(err)
					}
					for range 2 { // the second answer comes from the server's cache
						if _, _, err := server.TokenUser(ctx, secret); err != nil {
							t.Fatal(err)
						}
					}
					cli := openDSN(t, dsn) // as the command line does
					if err := tt.change(cli, tok.ID); err != nil {
						t.Fatal(err)
					}
					cli.Close()
					u, _, err := server.TokenUser(ctx, secret)
					switch {
					case tt.ended && !errors.Is(err, ErrNotFound):
						t.Fatalf("the server still takes the token on the next request: %v %v", u, err)
					case !tt.ended && (err != nil || u.Role != models.RoleViewer):
						t.Fatalf("the server sees role %q (%v), want viewer", u.Role, err)
					}
				})
			}
		})
	}
}

// TestCacheKeepsNothingReadBeforeAnInvalidation (item 14 of issue 27): a
// lookup that read a token, then lost the race to a revocation that
// invalidated the cache, must not leave what it read in the cache; put
// checks the generation begin gave.
func TestCacheKeepsNothingReadBeforeAnInvalidation(t *testing.T) {
	var c tokenCache
	now := time.Now()
	entry := tokenCacheEntry{user: models.User{Username: "alice"}, expires: now.Add(time.Minute)}
	since := c.begin() // the lookup starts, and reads the token
	c.invalidate()     // a revocation commits meanwhile
	c.put("hash", entry, since)
	if _, ok := c.get("hash", now); ok {
		t.Fatal("put kept a token read before an invalidation")
	}
	since = c.begin() // a lookup after it is kept
	c.put("hash", entry, since)
	if _, ok := c.get("hash", now); !ok {
		t.Fatal("put dropped a token read after the last invalidation")
	}
}
