package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"plantracker/models"
)

// TestSearchFiltersAsWords: a search across drafts filtered by category,
// status or sourcing (words of the index on SQLite, search_facets.go)
// finds what the same filter finds without words, among the words'
// matches; values with a hyphen (official-text) or an underscore
// (troop_cap) included. A provision whose filtered columns are changed
// is found by its new values at once and not by its old; a filter's
// word typed as a search finds nothing. On both databases.
func TestSearchFiltersAsWords(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		statuses, sourcings := models.ProvisionStatuses.Values(), models.Sourcings.Values()
		categories := models.Categories.Values()
		var ids []int64
		for i := range 12 {
			p, err := s.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: fmt.Sprintf("facet-%d", i),
				Point: fmt.Sprint(10 + i), Kind: "other", Category: categories[i%len(categories)],
				Status: statuses[i%len(statuses)], Sourcing: sourcings[i%len(sourcings)],
				Title: "Facet", Text: "Ukraine and the facet wording.", Terms: []byte(`{}`), Sources: cites("axios-2025-11-20")})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		matches := func(filter ProvisionFilter) []string {
			t.Helper()
			page, err := s.Search(ctx, filter)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, h := range page.Items {
				keys = append(keys, h.Key)
			}
			slices.Sort(keys)
			return keys
		}
		among := func(filter ProvisionFilter) []string { // the filter without words, among the word's matches
			t.Helper()
			words := matches(ProvisionFilter{Query: filter.Query})
			filter.Query = ""
			var keys []string
			for _, k := range matches(filter) {
				if slices.Contains(words, k) {
					keys = append(keys, k)
				}
			}
			return keys
		}
		var filters []ProvisionFilter
		for _, c := range categories {
			filters = append(filters, ProvisionFilter{Query: "ukraine", Category: c})
		}
		for _, v := range statuses {
			filters = append(filters, ProvisionFilter{Query: "ukraine", Status: v})
		}
		for _, v := range sourcings {
			filters = append(filters, ProvisionFilter{Query: "ukraine", Sourcing: v})
		}
		filters = append(filters,
			ProvisionFilter{Query: "ukraine", Kind: "troop_cap"},
			ProvisionFilter{Query: "ukraine", Kind: "other", Status: statuses[1], Sourcing: sourcings[1]},
			ProvisionFilter{Query: "facet", Category: categories[0], Sourcing: "official-text"},
			ProvisionFilter{Query: "ukraine", Kind: "no_such_kind"},
		)
		found := 0
		for _, filter := range filters {
			got, want := matches(filter), among(filter)
			if !slices.Equal(got, want) {
				t.Errorf("%+v found %v, want %v", filter, got, want)
			}
			found += len(got)
		}
		if found < 12 {
			t.Fatalf("the filters found %d provisions in all: too few to tell", found)
		}

		// Changed columns are found by their new values.
		status, sourcing, category := "disputed", "unconfirmed", "economic"
		if _, err := s.UpdateProvision(ctx, "tester", ids[0], 0, models.ProvisionPatch{Status: &status, Sourcing: &sourcing, Category: &category}); err != nil {
			t.Fatal(err)
		}
		if got := matches(ProvisionFilter{Query: "facet", Status: status, Sourcing: sourcing, Category: category}); !slices.Contains(got, "facet-0") {
			t.Errorf("the changed provision is not found by its new values: %v", got)
		}
		if got := matches(ProvisionFilter{Query: "facet", Category: categories[0]}); slices.Contains(got, "facet-0") {
			t.Errorf("the changed provision is still found by its old category: %v", got)
		}

		// A filter's word is not a word of the provisions.
		if got := matches(ProvisionFilter{Query: facetWord("kind", "other")}); len(got) != 0 {
			t.Errorf("the kind's word, searched, found %v", got)
		}
	})
}
