package server

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// Every command takes the flags of the README's configuration table (those
// that are serve's do nothing elsewhere), and its own.
func TestEveryCommandTakesTheConfigurationFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "flags.db")
	serving := []string{"-db", db, "-sync", "NORMAL", "-addr", ":9999", "-trusted-proxies", "10.0.0.1", "-public-url", "https://plans.example.org"}
	for _, args := range [][]string{
		append([]string{"seed", "-seed=false"}, serving...),
		append([]string{"gen", "-plans", "1", "-drafts", "1", "-provisions", "2", "-seed", "7"}, serving...),
		append([]string{"user", "add", "alice", "-role", "editor", "-seed=false"}, serving...),
		append([]string{"token", "create", "-user", "alice", "-name", "ci", "-seed=false"}, serving...),
		append([]string{"backup", filepath.Join(dir, "snap.db"), "-seed=false"}, serving...),
		append([]string{"export", filepath.Join(dir, "all.json"), "-seed=false"}, serving...),
	} {
		if err := run(args); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
	if err := run([]string{"user", "list", "-db", db, "-frobnicate"}); err == nil {
		t.Error("an unknown flag was accepted")
	}
}

func TestLicensesCommand(t *testing.T) {
	var out strings.Builder
	if err := Run(context.Background(), []string{"licenses"}, IO{Out: &out, Err: io.Discard}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "github.com/gin-gonic/gin") {
		t.Fatalf("licenses does not name gin:\n%.300s", out.String())
	}
}

// The unknown-command error names every command of the table.
func TestUnknownCommandNamesTheCommands(t *testing.T) {
	err := run([]string{"frobnicate"})
	want := `unknown command "frobnicate": use serve, seed, user, token, backup, restore, export, import, gen or licenses`
	if err == nil || err.Error() != want {
		t.Fatalf("%v, want %s", err, want)
	}
}
