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
// the time of export.
func TestExportImportRoundTrip(t *testing.T) {
	forEachDialect(t, func(t *testing.T, open opener) {
		ctx := context.Background()
		src := open(t)
		f := newFixture(t, src)
		if _, err := src.ForkDraft(ctx, "x", f.draft.ID, models.ForkInput{Label: "Fork"}); err != nil {
			t.Fatal(err)
		}
		if _, err := src.CreateUser(ctx, "x", models.User{Username: "ed", Role: "editor"}, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := src.CreateToken(ctx, "x", "ed", "script"); err != nil {
			t.Fatal(err)
		}
		var first bytes.Buffer
		if err := src.Export(ctx, &first); err != nil {
			t.Fatal(err)
		}
		dst := open(t)
		if err := dst.Import(ctx, bytes.NewReader(first.Bytes())); err != nil {
			t.Fatal(err)
		}
		var second bytes.Buffer
		if err := dst.Export(ctx, &second); err != nil {
			t.Fatal(err)
		}
		if a, b := withoutExportTime(first.String()), withoutExportTime(second.String()); a != b {
			t.Fatalf("round trip differs:\n%s\n---\n%s", a, b)
		}
		// The imported store works: ids carry on, search finds, users sign in.
		p, err := dst.CreateProvision(ctx, "x", models.Provision{DraftID: f.draft.ID, Key: "new", Kind: "other", Title: "New",
			Sourcing: "reported", Sources: cites("axios-2025-11-20")})
		if err != nil || p.ID <= f.guarantee.ID {
			t.Fatalf("create after import: %+v %v", p, err)
		}
		if hits, _ := dst.Provisions(ctx, ProvisionFilter{Query: "transatlantic"}); hits.Total != 2 {
			t.Fatalf("search after import found %d", hits.Total)
		}
		if _, err := dst.Authenticate(ctx, "ed", "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		if err := dst.Import(ctx, bytes.NewReader(first.Bytes())); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("import into a full store: %v", err)
		}
		empty := open(t)
		if err := empty.Import(ctx, strings.NewReader(`{"format":"something-else","version":1}`)); err == nil {
			t.Fatal("imported a foreign document")
		}
		broken := strings.Replace(first.String(), `"short_name": "UA"`, `"short_name": "US"`, 1)
		if err := empty.Import(ctx, strings.NewReader(broken)); err == nil {
			t.Fatal("imported a document that breaks a unique key")
		}
		if isEmpty, _ := empty.Empty(ctx); !isEmpty {
			t.Fatal("a failed import left rows behind")
		}
	})
}

func withoutExportTime(s string) string {
	i := strings.Index(s, `"exported_at"`)
	j := strings.Index(s[i:], "\n")
	return s[:i] + s[i+j:]
}
