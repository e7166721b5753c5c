package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store/gen"
	"plantracker/store/storetest"
)

// TestBriefReadApartAnswersAsTheFullComparison: the comparison's brief,
// which reads the keys alike in two drafts as their labels alone
// (Store.BriefComparisonIn), answers byte for byte what the brief of the
// full comparison does, for every two drafts of the seed data (partial
// drafts, withdrawals, words in two languages) and of generated forks (a
// fifth of each draft revised, some keys replaced), in both orders and
// both languages; on both databases.
func TestBriefReadApartAnswersAsTheFullComparison(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, open storetest.Opener) {
		ctx := context.Background()
		s := open(t)
		if _, err := seeds.Load(ctx, s); err != nil {
			t.Fatal(err)
		}
		if _, err := gen.Generate(ctx, s, gen.Config{Plans: 1, Drafts: 4, Provisions: 60, Seed: 3}); err != nil {
			t.Fatal(err)
		}
		var drafts []int64
		plans, err := s.Plans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range plans {
			ds, err := s.Drafts(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				drafts = append(drafts, d.ID)
			}
		}
		compared, unchanged := 0, 0
		for _, a := range drafts {
			for _, b := range drafts {
				if a == b {
					continue
				}
				for _, lang := range models.TextLanguages.Values() {
					brief, err := s.BriefComparisonIn(ctx, a, b, lang)
					if err != nil {
						t.Fatal(err)
					}
					full, err := s.ComparisonIn(ctx, a, b, lang)
					if err != nil {
						t.Fatal(err)
					}
					if got, want := marshal(t, brief), marshal(t, full.Brief()); got != want {
						t.Fatalf("drafts %d and %d in %s: the brief read apart differs from the full comparison's:\n%s\nwant\n%s", a, b, lang, got, want)
					}
					compared++
					unchanged += brief.Counts.Unchanged
				}
			}
		}
		if compared < 100 || unchanged == 0 {
			t.Fatalf("%d comparisons with %d unchanged keys: not a test of the keys read apart", compared, unchanged)
		}
	})
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
