package seeds

import (
	"context"
	"path/filepath"
	"testing"

	"plantracker/store"
)

// openStore is a new SQLite store in a temporary directory, closed when
// the test ends. (storetest imports store/gen, which imports seeds.)
func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "seed.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// loadedStore is a new store (as openStore) with the seed data loaded.
func loadedStore(t *testing.T) *store.Store {
	t.Helper()
	s := openStore(t)
	if _, err := Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadMatchesTheFilesAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)

	data := readData(t)
	want := Result{Parties: len(data.Parties), Sources: len(data.Sources), Plans: len(data.Plans),
		DraftStances: len(data.DraftStances), Events: len(data.Events)}
	for _, pf := range data.Plans {
		want.Drafts += len(pf.Drafts)
		for _, d := range pf.Drafts {
			want.Provisions += len(d.Provisions)
		}
	}

	got, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("first load added %v, want %v", got, want)
	}
	again, err := Load(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if again != (Result{}) {
		t.Fatalf("second load added %v", again)
	}

	// What is stored is what the files say: count what the store holds.
	held := readStored(s)
	count := Result{Parties: len(held.parties), Sources: len(held.sources), Plans: len(held.plans),
		Drafts: len(held.drafts), Events: len(held.events)}
	for _, d := range held.drafts {
		count.Provisions += len(d.provisions)
		count.DraftStances += len(d.stances)
		if d.draft.Number > 1 && d.draft.ForkedFromID == nil {
			t.Errorf("draft %s lost its forked_from", d.draft.Name())
		}
	}
	if count != want {
		t.Fatalf("store holds %v, want %v", count, want)
	}
	empty, err := s.Empty(ctx)
	if err != nil || empty {
		t.Fatalf("store reports empty after a load (%v)", err)
	}
}

func TestTroopCapIsSearchableAfterLoad(t *testing.T) {
	ctx := context.Background()
	s := loadedStore(t)
	page, err := s.Provisions(ctx, store.ProvisionFilter{Kind: "troop_cap", Query: "600,000"})
	if err != nil {
		t.Fatal(err)
	}
	// The 28-point draft's cap alone: the later caps are of 800,000.
	if page.Total != 1 || string(page.Items[0].Terms) != `{"party":"UA","force":"Armed Forces of Ukraine","limit":600000}` {
		t.Fatalf("troop caps found: %+v", page.Items)
	}
}
