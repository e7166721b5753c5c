package store

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// Export, import into a new store, export again: the same document, but for
// the time of export. Import refuses a document whole, leaving the store
// empty: into a store that holds data, a foreign document, one that breaks
// a unique key, and one holding text a store cannot keep (a NUL byte:
// SQLite kept what PostgreSQL refuses), whose record it names.
func TestExportImportRoundTrip(t *testing.T) {
	forEachDialect(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		first, dst := exportImport(t, open, open)
		if err := dst.Import(ctx, bytes.NewReader(first.Bytes())); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("import into a full store: %v", err)
		}
		export, empty := first.String(), open(t)
		for _, tt := range []struct {
			name, doc string
			names     string // what the error names; "" when any refusal will do
		}{
			{"foreign document", `{"format":"something-else","version":1}`, ""},
			{"broken unique key", strings.Replace(export, `"short_name": "UA"`, `"short_name": "US"`, 1), ""},
			{"control character", strings.Replace(export, `"name": "Russia"`, `"name": "Rus\u0000sia"`, 1), "parties[1] (id 2): name"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if tt.doc == export {
					t.Fatal("the export holds nothing to break")
				}
				if err := empty.Import(ctx, strings.NewReader(tt.doc)); err == nil || !strings.Contains(err.Error(), tt.names) {
					t.Fatalf("import: %v; want it refused, naming %q", err, tt.names)
				}
				if isEmpty, err := empty.Empty(ctx); err != nil || !isEmpty {
					t.Fatalf("a refused import left rows behind (%v)", err)
				}
			})
		}
	})
}

// exportImport fills a store opened by from (the fixture, a fork, a user
// with a token), exports it, imports the export into a store opened by to,
// and fails unless that exports the same document again, but for the time
// of export, and carries on: ids go on from the imported ones, search finds,
// users sign in. It returns the export and the store imported into.
func exportImport(t *testing.T, from, to opener) (export bytes.Buffer, dst *Store) {
	t.Helper()
	ctx := context.Background()
	src := from(t)
	f := newFixture(t, src)
	if _, err := src.ForkDraft(ctx, "x", f.draft.ID, models.ForkInput{Label: "Fork"}); err != nil {
		t.Fatal(err)
	}
	newUser(t, src, "x", "ed", "editor")
	if _, _, err := src.CreateToken(ctx, "x", "ed", "script"); err != nil {
		t.Fatal(err)
	}
	if err := src.Export(ctx, &export); err != nil {
		t.Fatal(err)
	}
	dst = to(t)
	if err := dst.Import(ctx, bytes.NewReader(export.Bytes())); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := dst.Export(ctx, &again); err != nil {
		t.Fatal(err)
	}
	if a, b := withoutExportTime(export.String()), withoutExportTime(again.String()); a != b {
		t.Fatalf("the round trip differs:\n%s\n---\n%s", a, b)
	}
	p, err := dst.CreateProvision(ctx, "x", models.Provision{DraftID: f.draft.ID, Key: "new", Kind: "other", Title: "New",
		Sourcing: "reported", Sources: cites("axios-2025-11-20")})
	if err != nil || p.ID <= f.guarantee.ID {
		t.Fatalf("create after import: %+v %v", p, err)
	}
	if hits, err := dst.Provisions(ctx, ProvisionFilter{Query: "transatlantic"}); err != nil || hits.Total != 2 {
		t.Fatalf("search after import found %d (%v)", hits.Total, err)
	}
	if _, err := dst.Authenticate(ctx, "ed", "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	return export, dst
}

func withoutExportTime(s string) string {
	i := strings.Index(s, `"exported_at"`)
	j := strings.Index(s[i:], "\n")
	return s[:i] + s[i+j:]
}
