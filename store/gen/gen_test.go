package gen_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
	"plantracker/store/gen"
	"plantracker/store/storetest"
)

// generated is what a store holds after Generate: every plan's drafts in
// order, each with its provisions.
func generated(t *testing.T, s *store.Store) [][]report.DraftProvisions {
	t.Helper()
	ctx := context.Background()
	plans, err := s.Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]report.DraftProvisions
	for _, p := range plans {
		drafts, err := s.Drafts(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ds []report.DraftProvisions
		for _, d := range drafts {
			ps, err := s.DraftProvisions(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, report.DraftProvisions{Draft: d, Provisions: ps})
		}
		out = append(out, ds)
	}
	return out
}

func TestGenerate(t *testing.T) {
	s := storetest.Open(t, storetest.SQLiteDSN(t), store.Options{Synchronous: "NORMAL"})
	ctx := context.Background()
	// A first draft holds every kind when it has at least as many provisions.
	plans, drafts, provisions := 2, 3, len(models.Kinds())+5
	res, err := gen.Generate(ctx, s, gen.Config{Plans: plans, Drafts: drafts, Provisions: provisions, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.Plans != plans || res.Drafts != plans*drafts || res.Provisions != plans*drafts*provisions || res.Parties == 0 {
		t.Fatalf("generated %s", res)
	}
	data := generated(t, s)
	if len(data) != plans {
		t.Fatalf("%d plans", len(data))
	}
	var cyrillic, latin, links int
	for _, plan := range data {
		if len(plan) != drafts {
			t.Fatalf("%d drafts in a plan", len(plan))
		}
		for i, dp := range plan {
			if len(dp.Provisions) != provisions {
				t.Fatalf("draft %d has %d provisions, want %d", dp.Draft.ID, len(dp.Provisions), provisions)
			}
			// Every kind, in a first draft of at least as many provisions.
			kinds := map[string]bool{}
			for _, p := range dp.Provisions {
				kinds[p.Kind] = true
			}
			if i == 0 && len(kinds) != len(models.Kinds()) {
				t.Errorf("draft %d has %d kinds of %d", dp.Draft.ID, len(kinds), len(models.Kinds()))
			}
			// Forks: each draft after the first is forked from the one
			// before and keeps most of its keys.
			if i > 0 {
				prev := plan[i-1]
				if dp.Draft.ForkedFromID == nil || *dp.Draft.ForkedFromID != prev.Draft.ID {
					t.Fatalf("draft %d is not forked from %d", dp.Draft.ID, prev.Draft.ID)
				}
				shared := sharedKeys(prev.Provisions, dp.Provisions)
				if shared < provisions*80/100 {
					t.Errorf("draft %d shares %d of %d keys with its original", dp.Draft.ID, shared, provisions)
				}
				if cmp := report.Compare(prev, dp); cmp.Counts.Changed == 0 {
					t.Errorf("draft %d changes nothing of its original: %+v", dp.Draft.ID, cmp.Counts)
				}
			}
			for _, p := range dp.Provisions {
				// Valid, as models sees it, and stored in canonical form.
				q := p
				if err := q.Validate(); err != nil {
					t.Fatalf("provision %s of draft %d: %v", p.Key, dp.Draft.ID, err)
				}
				if string(q.Terms) != string(p.Terms) {
					t.Fatalf("terms not canonical: %s, canonical %s", p.Terms, q.Terms)
				}
				if strings.IndexFunc(p.Text, isCyrillic) >= 0 {
					cyrillic++
				} else {
					latin++
				}
				links += len(p.Parties)
			}
		}
	}
	if cyrillic == 0 || latin == 0 || links == 0 {
		t.Fatalf("%d provisions in Cyrillic, %d in Latin, %d party links", cyrillic, latin, links)
	}
	// The audit trail records every generated provision.
	page, err := s.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, Limit: store.MaxPageSize})
	if err != nil || len(page) != plans*drafts*provisions {
		t.Fatalf("%d provision changes (%v)", len(page), err)
	}
}

func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }

func sharedKeys(a, b []models.Provision) int {
	keys := map[string]bool{}
	for _, p := range a {
		keys[p.Key] = true
	}
	n := 0
	for _, p := range b {
		if keys[p.Key] {
			n++
		}
	}
	return n
}

// The same seed gives the same data; another seed, other data.
func TestGenerateIsDeterministic(t *testing.T) {
	ctx := context.Background()
	fingerprint := func(seed uint64) string {
		s := storetest.Open(t, storetest.SQLiteDSN(t), store.Options{Synchronous: "NORMAL"})
		if _, err := gen.Generate(ctx, s, gen.Config{Plans: 1, Drafts: 2, Provisions: 20, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, plan := range generated(t, s) {
			for _, dp := range plan {
				fmt.Fprintf(&b, "%s %s|", dp.Draft.Label, dp.Draft.Date)
				for _, p := range dp.Provisions {
					parties, _ := json.Marshal(p.Parties)
					fmt.Fprintf(&b, "%s %s %s %s %s %s|", p.Key, p.Kind, p.Title, p.Text, p.Terms, parties)
				}
			}
		}
		return b.String()
	}
	if fingerprint(3) != fingerprint(3) {
		t.Fatal("the same seed gave different data")
	}
	if fingerprint(3) == fingerprint(4) {
		t.Fatal("two seeds gave the same data")
	}
}

// Generating twice adds to what is there: parties are not added again.
func TestGenerateAdds(t *testing.T) {
	s := storetest.Open(t, storetest.SQLiteDSN(t), store.Options{Synchronous: "NORMAL"})
	ctx := context.Background()
	first, err := gen.Generate(ctx, s, gen.Config{Plans: 1, Drafts: 1, Provisions: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	second, err := gen.Generate(ctx, s, gen.Config{Plans: 1, Drafts: 2, Provisions: 5, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if first.Parties == 0 || second.Parties != 0 || second.Provisions != 10 {
		t.Fatalf("first %s, second %s", first, second)
	}
	if _, err := gen.Generate(ctx, s, gen.Config{Plans: 1, Drafts: 0, Provisions: 5}); err == nil {
		t.Fatal("a plan of no drafts was generated")
	}
}

// storetest.RandomDraft, on gen.Sample: valid provisions of every kind.
func TestRandomDraft(t *testing.T) {
	d := storetest.RandomDraft(t, 1, 40)
	kinds := map[string]bool{}
	for _, p := range d.Provisions {
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: %v", p.Key, err)
		}
		kinds[p.Kind] = true
	}
	if len(d.Provisions) != 40 || len(kinds) != len(models.Kinds()) {
		t.Fatalf("%d provisions of %d kinds", len(d.Provisions), len(kinds))
	}
	if err := d.Draft.Validate(); err != nil {
		t.Fatal(err)
	}
}
