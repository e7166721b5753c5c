package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"plantracker/models"
)

func openAuthTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "auth.db"), Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestUsers(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := newUser(t, s, "root", "Alice", "editor")
		if u.Username != "alice" {
			t.Fatalf("username stored as %q", u.Username)
		}
		if _, err := s.CreateUser(ctx, "root", models.User{Username: "ALICE", Role: "viewer"}, "another long one"); !errors.Is(err, ErrDuplicate) {
			t.Fatalf("case-insensitive duplicate: %v", err)
		}
		_, err := s.CreateUser(ctx, "root", models.User{Username: "b", Role: "emperor"}, "short")
		var verr *models.ValidationError
		if !errors.As(err, &verr) || len(verr.Errors) != 3 {
			t.Fatalf("want errors on username, role and password: %v", err)
		}
		if got, err := s.Authenticate(ctx, "ALICE", "correct horse battery"); err != nil || got.ID != u.ID {
			t.Fatalf("sign in: %+v %v", got, err)
		}
		for _, c := range [][2]string{{"alice", "wrong password!"}, {"nobody", "correct horse battery"}} {
			if _, err := s.Authenticate(ctx, c[0], c[1]); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("%s: %v", c[0], err)
			}
		}
		secret, err := s.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetPassword(ctx, "root", "alice", "a brand new password", false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, secret, SessionPolicy{Idle: time.Hour, MaxAge: time.Hour}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("a new password must sign out every session: %v", err)
		}
		if _, err := s.Authenticate(ctx, "alice", "a brand new password"); err != nil {
			t.Fatal(err)
		}
		if u, err := s.SetRole(ctx, "root", "alice", "admin"); err != nil || u.Role != "admin" || !u.Can("editor") {
			t.Fatalf("set role: %+v %v", u, err)
		}
		// alice is the only admin until root is one too.
		newUser(t, s, "root", "root", "admin")
		if err := s.DeleteUser(ctx, "root", "alice"); err != nil {
			t.Fatal(err)
		}
		if n, err := s.CountUsers(ctx); err != nil || n != 1 {
			t.Fatalf("%d users left (%v)", n, err)
		}
		cs, err := s.Changes(ctx, ChangeFilter{Entity: EntityUser})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 5 { // create, password, role, root's create, delete; the refused creates left none
			t.Fatalf("user changes recorded: %d", len(cs))
		}
		for _, c := range cs {
			if string(c.After) != "null" && containsHash(string(c.After)) {
				t.Fatalf("a change holds a password hash: %s", c.After)
			}
		}
	})
}

func containsHash(s string) bool {
	return strings.Contains(s, "$2a$") || strings.Contains(strings.ToLower(s), "hash")
}

func TestSessionsExpire(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := newUser(t, s, "root", "bob", "viewer")
		now := time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return now }
		secret, _ := s.CreateSession(ctx, u.ID)
		policy := SessionPolicy{Idle: 30 * time.Minute, MaxAge: 12 * time.Hour}

		sess, err := s.Session(ctx, secret, policy)
		if err != nil || sess.User.Username != "bob" || sess.CSRF == "" {
			t.Fatalf("session: %+v %v", sess, err)
		}
		// Activity keeps it alive past the idle limit measured from sign-in.
		for i := 0; i < 4; i++ {
			now = now.Add(20 * time.Minute)
			if _, err := s.Session(ctx, secret, policy); err != nil {
				t.Fatalf("active session expired at step %d: %v", i, err)
			}
		}
		now = now.Add(31 * time.Minute)
		if _, err := s.Session(ctx, secret, policy); !errors.Is(err, ErrNotFound) {
			t.Fatalf("idle session still valid: %v", err)
		}
		secret, _ = s.CreateSession(ctx, u.ID)
		for i := 0; i < 50; i++ { // busy for 12.5 hours
			now = now.Add(15 * time.Minute)
			_, err = s.Session(ctx, secret, policy)
		}
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("session outlived its maximum age: %v", err)
		}
		if _, err := s.Session(ctx, "made-up", policy); !errors.Is(err, ErrNotFound) {
			t.Fatalf("unknown session: %v", err)
		}
		other, _ := s.CreateSession(ctx, u.ID)
		if err := s.DeleteSession(ctx, other); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Session(ctx, other, policy); !errors.Is(err, ErrNotFound) {
			t.Fatalf("signed-out session still valid: %v", err)
		}
	})
}

func TestTokens(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		newUser(t, s, "root", "carol", "editor")
		secret, tok, err := s.CreateToken(ctx, "root", "carol", "ci script")
		if err != nil {
			t.Fatal(err)
		}
		if len(secret) < 40 || secret[:3] != TokenPrefix || tok.Prefix != secret[:9] || tok.LastUsedAt != nil {
			t.Fatalf("token %q %+v", secret, tok)
		}
		u, used, err := s.TokenUser(ctx, secret)
		if err != nil || u.Username != "carol" || used.LastUsedAt == nil {
			t.Fatalf("token user: %+v %+v %v", u, used, err)
		}
		list, _ := s.Tokens(ctx, "carol")
		if len(list) != 1 || list[0].LastUsedAt == nil || list[0].Name != "ci script" {
			t.Fatalf("tokens: %+v", list)
		}
		if err := s.RevokeToken(ctx, "carol", tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.TokenUser(ctx, secret); !errors.Is(err, ErrNotFound) {
			t.Fatalf("revoked token still works: %v", err)
		}
		if _, _, err := s.CreateToken(ctx, "root", "carol", " "); err == nil {
			t.Fatal("a token without a name")
		}
		if _, _, err := s.CreateToken(ctx, "root", "nobody", "x"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("token for a missing user: %v", err)
		}
	})
}
