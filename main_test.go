package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plantracker/api"
	"plantracker/store"
)

func TestMain(m *testing.M) {
	// The access log writes a line per request; the tests make thousands.
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	os.Exit(m.Run())
}

// The full engine, as served: every API route it registers is in the
// OpenAPI document, and unknown API paths get problems.
func TestEngineRoutesAreDocumented(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	engine := newEngine(s)
	doc, err := api.New(s).OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	n := 0
	for _, r := range engine.Routes() {
		if !api.IsAPIPath(r.Path) {
			continue
		}
		n++
		item := doc.Paths.Find(param.ReplaceAllString(r.Path, "{$1}"))
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is served but not in the OpenAPI document", r.Method, r.Path)
		}
	}
	if n < 30 {
		t.Fatalf("only %d API routes", n)
	}
	w := httptest.NewRecorder()
	engine.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/nothing", nil))
	if w.Code != http.StatusNotFound || w.Header().Get("Content-Type") != api.ProblemContentType {
		t.Fatalf("unknown API path: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Request-Id") == "" {
		t.Fatal("shared middleware not installed")
	}
}

// `plantracker seed` loads the seed data once; a second run adds nothing.
func TestSeedCommandIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "seed.db")
	for i := 0; i < 2; i++ {
		if err := run([]string{"seed", "-db", db}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	page, err := s.Provisions(context.Background(), store.ProvisionFilter{Kind: "troop_cap"})
	if err != nil || page.Total != 4 {
		t.Fatalf("troop caps after two seed runs: %d (%v)", page.Total, err)
	}
}

func TestUnknownCommand(t *testing.T) {
	if err := run([]string{"frobnicate"}); err == nil {
		t.Fatal("an unknown command ran")
	}
}

// The operator's user and token commands, end to end on a real database.
func TestUserAndTokenCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ops.db")
	ctx := context.Background()
	runCmd := func(stdin string, args ...string) (string, error) {
		t.Helper()
		cmd, rest := args[0], args[1:]
		cfg, err := parseConfig(cmd, append(rest, "-db", db))
		if err != nil {
			return "", err
		}
		var out strings.Builder
		switch cmd {
		case "user":
			err = userCommand(ctx, cfg, strings.NewReader(stdin), &out)
		case "token":
			err = tokenCommand(ctx, cfg, &out)
		}
		return out.String(), err
	}
	out, err := runCmd("", "user", "add", "Alice", "-role", "editor")
	if err != nil || !strings.Contains(out, "added alice (editor)") || !strings.Contains(out, "password: ") {
		t.Fatalf("user add: %q %v", out, err)
	}
	if _, err := runCmd("correct horse battery\n", "user", "passwd", "ALICE", "-password-stdin"); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "alice", "correct horse battery"); err != nil {
		t.Fatalf("the password from stdin does not sign in: %v", err)
	}
	s.Close()
	if _, err := runCmd("short\n", "user", "passwd", "alice", "-password-stdin"); err == nil {
		t.Fatal("a short password was accepted")
	}
	out, err = runCmd("", "token", "create", "-user", "alice", "-name", "ci script")
	if err != nil || !strings.Contains(out, "pt_") {
		t.Fatalf("token create: %q %v", out, err)
	}
	out, _ = runCmd("", "token", "list")
	if !strings.Contains(out, "ci script") || !strings.Contains(out, "never used") {
		t.Fatalf("token list: %q", out)
	}
	if out, err = runCmd("", "token", "revoke", "1"); err != nil || !strings.Contains(out, "revoked token 1") {
		t.Fatalf("token revoke: %q %v", out, err)
	}
	if _, err := runCmd("", "user", "role", "alice", "emperor"); err == nil {
		t.Fatal("an unknown role was accepted")
	}
	out, _ = runCmd("", "user", "list")
	if !strings.Contains(out, "alice") {
		t.Fatalf("user list: %q", out)
	}
	if _, err := runCmd("", "user", "remove", "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := runCmd("", "user", "frobnicate"); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Fatalf("unknown subcommand: %v", err)
	}
}

// backup, restore, export and import from the command line.
func TestDataCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	if err := run([]string{"seed", "-db", db}); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"backup", filepath.Join(dir, "snap.db"), "-db", db},
		{"export", filepath.Join(dir, "all.json"), "-db", db},
		{"import", filepath.Join(dir, "all.json"), "-db", filepath.Join(dir, "copy.db")},
		{"restore", filepath.Join(dir, "snap.db"), "-db", filepath.Join(dir, "fresh.db")},
	} {
		if err := run(args); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	for _, name := range []string{"copy.db", "fresh.db"} {
		s, err := store.Open(context.Background(), filepath.Join(dir, name), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		page, _ := s.Provisions(context.Background(), store.ProvisionFilter{Kind: "troop_cap"})
		s.Close()
		if page.Total != 4 {
			t.Fatalf("%s holds %d troop caps", name, page.Total)
		}
	}
	if err := run([]string{"import", filepath.Join(dir, "all.json"), "-db", db}); err == nil {
		t.Fatal("imported into a database that holds data")
	}
	if err := run([]string{"backup", "-db", db}); err == nil {
		t.Fatal("backup without a file name")
	}
}
