package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestUserCommandsRefuseControlCharactersInPasswords: plantracker user add
// and user passwd refuse a password from standard input with a NUL byte
// or a control character in it (the line's own end is not part of it).
func TestUserCommandsRefuseControlCharactersInPasswords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ops.db")
	run := func(stdin string, args ...string) error {
		var out strings.Builder
		return Run(context.Background(), append(append([]string{"user"}, args...), "-db", db),
			IO{In: strings.NewReader(stdin), Out: &out, Err: &out})
	}
	if err := run("correct horse battery\n", "add", "alice", "-password-stdin"); err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"correct\x00horse battery\n", "correct horse\x1bbattery\n"} {
		if err := run(pw, "passwd", "alice", "-password-stdin"); err == nil || !strings.Contains(err.Error(), "control characters") {
			t.Errorf("passwd %q: %v", pw, err)
		}
		if err := run(pw, "add", "bob", "-password-stdin"); err == nil || !strings.Contains(err.Error(), "control characters") {
			t.Errorf("add %q: %v", pw, err)
		}
	}
}
