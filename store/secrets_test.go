package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// Passwords are hashed at bcrypt's default cost unless a test lowers it,
// on creation and on change: a cost lowered to the minimum makes stolen
// hashes cheap to crack, and nothing else would notice.
func TestPasswordsAreHashedAtTheDefaultCost(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "cost.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cost := func() int {
		var rec userRecord
		if err := s.read.Where("username = ?", "alice").First(&rec).Error; err != nil {
			t.Fatal(err)
		}
		c, err := bcrypt.Cost([]byte(rec.PasswordHash))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	newUser(t, s, "x", "alice", "viewer")
	if c := cost(); c < bcrypt.DefaultCost {
		t.Fatalf("a new password is hashed at cost %d, want at least %d", c, bcrypt.DefaultCost)
	}
	if err := s.SetPassword(ctx, "x", "alice", "a brand new password", false); err != nil {
		t.Fatal(err)
	}
	if c := cost(); c < bcrypt.DefaultCost {
		t.Fatalf("a changed password is hashed at cost %d, want at least %d", c, bcrypt.DefaultCost)
	}
}

// Session and API token secrets are stored only as their SHA-256, so a
// copy of the database signs no one in; each is still found by its secret.
func TestSecretsAreStoredHashed(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := newUser(t, s, "x", "alice", "viewer")
		token, _, err := s.CreateToken(ctx, "x", "alice", "script")
		if err != nil {
			t.Fatal(err)
		}
		session, err := s.CreateSession(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		var stored []string
		for _, q := range []string{"SELECT token_hash FROM api_tokens", "SELECT token_hash FROM sessions", "SELECT prefix FROM api_tokens"} {
			var vs []string
			if err := s.read.Raw(q).Scan(&vs).Error; err != nil || len(vs) != 1 {
				t.Fatalf("%s: %v %v", q, vs, err)
			}
			stored = append(stored, vs[0])
		}
		for i, secret := range []string{token, session} {
			sum := sha256.Sum256([]byte(secret))
			if stored[i] != hex.EncodeToString(sum[:]) {
				t.Errorf("secret %d is stored as %q, not as its SHA-256", i, stored[i])
			}
		}
		for _, v := range stored {
			for _, secret := range []string{token, session} {
				if strings.Contains(v, secret) || (len(v) > 12 && strings.Contains(secret, v)) {
					t.Errorf("the database holds a secret in the clear: %q", v)
				}
			}
		}
		if got, _, err := s.TokenUser(ctx, token); err != nil || got.Username != "alice" {
			t.Fatalf("the token is not found by its secret: %v", err)
		}
		if _, err := s.Session(ctx, session, SessionPolicy{Idle: 1 << 40, MaxAge: 1 << 40}); err != nil {
			t.Fatalf("the session is not found by its secret: %v", err)
		}
	})
}
