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
	forEachDialect(t, func(t *testing.T, open opener) {
		for _, tt := range tokenChanges("root") {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				ctx := context.Background()
				secret, tokenID := aliceWithToken(t, s)
				for range 2 { // the second answer comes from the cache
					if u, _, err := s.TokenUser(ctx, secret); err != nil || u.Role != models.RoleEditor {
						t.Fatalf("before the change: %v %v", u, err)
					}
				}
				if err := tt.change(s, tokenID); err != nil {
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
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			for _, tt := range tokenChanges("operator") {
				t.Run(tt.command, func(t *testing.T) {
					dsn := dsns[name](t)
					server := openDSN(t, dsn)
					ctx := context.Background()
					secret, tokenID := aliceWithToken(t, server)
					for range 2 { // the second answer comes from the server's cache
						if _, _, err := server.TokenUser(ctx, secret); err != nil {
							t.Fatal(err)
						}
					}
					cli := openDSN(t, dsn) // as the command line does
					if err := tt.change(cli, tokenID); err != nil {
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

// tokenChange is a change, made by an actor, that ends a user's API tokens
// (ended) or changes what they may do (the role), named as a test and as
// the command line's command that makes it.
type tokenChange struct {
	name, command string
	change        func(s *Store, tokenID int64) error
	ended         bool
}

func tokenChanges(actor string) []tokenChange {
	ctx := context.Background()
	return []tokenChange{
		{"revoked", "token revoke", func(s *Store, id int64) error { return s.RevokeToken(ctx, actor, id) }, true},
		{"new password", "user passwd", func(s *Store, _ int64) error {
			return s.SetPassword(ctx, actor, "alice", "a brand new password", false)
		}, true},
		{"user removed", "user remove", func(s *Store, _ int64) error { return s.DeleteUser(ctx, actor, "alice") }, true},
		{"new role", "user role", func(s *Store, _ int64) error {
			_, err := s.SetRole(ctx, actor, "alice", models.RoleViewer)
			return err
		}, false},
	}
}

// aliceWithToken creates root, an admin, and alice, an editor with an API
// token, and returns the token's secret and id.
func aliceWithToken(t *testing.T, s *Store) (secret string, tokenID int64) {
	t.Helper()
	ctx := context.Background()
	newUser(t, s, "root", "root", models.RoleAdmin)
	newUser(t, s, "root", "alice", models.RoleEditor)
	secret, tok, err := s.CreateToken(ctx, "alice", "alice", "script")
	if err != nil {
		t.Fatal(err)
	}
	return secret, tok.ID
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
