package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/store"
	"plantracker/store/storetest"
)

// The user and token commands.

// The operator's user and token commands, end to end on a real database.
func TestUserAndTokenCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ops.db")
	ctx := context.Background()
	out, err := runOn(db, "", "user", "add", "Alice", "-role", "editor")
	if err != nil || !strings.Contains(out, "added alice (editor)") || !strings.Contains(out, "password: ") {
		t.Fatalf("user add: %q %v", out, err)
	}
	if _, err := runOn(db, "correct horse battery\n", "user", "passwd", "ALICE", "-password-stdin"); err != nil {
		t.Fatal(err)
	}
	s := storetest.Open(t, db, store.Options{})
	if _, err := s.Authenticate(ctx, "alice", "correct horse battery"); err != nil {
		t.Fatalf("the password from stdin does not sign in: %v", err)
	}
	s.Close()
	if _, err := runOn(db, "short\n", "user", "passwd", "alice", "-password-stdin"); err == nil {
		t.Fatal("a short password was accepted")
	}
	out, err = runOn(db, "", "token", "create", "-user", "alice", "-name", "ci script")
	if err != nil || !strings.Contains(out, "pt_") {
		t.Fatalf("token create: %q %v", out, err)
	}
	out, _ = runOn(db, "", "token", "list")
	if !strings.Contains(out, "ci script") || !strings.Contains(out, "never used") {
		t.Fatalf("token list: %q", out)
	}
	if out, err = runOn(db, "", "token", "revoke", "1"); err != nil || !strings.Contains(out, "revoked token 1") {
		t.Fatalf("token revoke: %q %v", out, err)
	}
	if _, err := runOn(db, "", "user", "role", "alice", "emperor"); err == nil {
		t.Fatal("an unknown role was accepted")
	}
	out, _ = runOn(db, "", "user", "list")
	if !strings.Contains(out, "alice") {
		t.Fatalf("user list: %q", out)
	}
	if _, err := runOn(db, "", "user", "remove", "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := runOn(db, "", "user", "frobnicate"); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Fatalf("unknown subcommand: %v", err)
	}
}

// TestUserCommandsRefuseControlCharactersInPasswords: plantracker user add
// and user passwd refuse a password from standard input with a NUL byte
// or a control character in it (the line's own end is not part of it).
func TestUserCommandsRefuseControlCharactersInPasswords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ops.db")
	if _, err := runOn(db, "correct horse battery\n", "user", "add", "alice", "-password-stdin"); err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"correct\x00horse battery\n", "correct horse\x1bbattery\n"} {
		if _, err := runOn(db, pw, "user", "passwd", "alice", "-password-stdin"); err == nil || !strings.Contains(err.Error(), "control characters") {
			t.Errorf("passwd %q: %v", pw, err)
		}
		if _, err := runOn(db, pw, "user", "add", "bob", "-password-stdin"); err == nil || !strings.Contains(err.Error(), "control characters") {
			t.Errorf("add %q: %v", pw, err)
		}
	}
}
