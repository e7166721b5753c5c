package store

import (
	"context"
	"fmt"
	"testing"

	"plantracker/models"
)

// A search word of one letter is matched whole, on both databases: as a
// prefix it would match nearly everything, at the cost of reading nearly
// the whole index. Longer words stay prefixes.
func TestSearchOneLetterWholeWord(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if _, err := s.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: "ceasefire", Point: "1",
			Kind: "other", Title: "Ceasefire", Text: "A ceasefire along the line of contact.", Terms: []byte(`{}`),
			Sourcing: "reported", Sources: cites("axios-2025-11-20")}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			query string
			want  []string
		}{
			{"a", []string{"ceasefire"}},                        // not "attack", "armed", "are" …
			{"A ceasefire", []string{"ceasefire"}},              // the other words stay prefixes
			{"at", []string{"troop-cap", "security-guarantee"}}, // two letters: a prefix ("at", "attack")
			{"ukraine a", nil},
		} {
			page, err := s.Provisions(ctx, ProvisionFilter{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range page.Items {
				got = append(got, p.Key)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("search %q found %v, want %v", tt.query, got, tt.want)
			}
		}
	})
}
