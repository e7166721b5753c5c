package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"plantracker/models"
)

// TestSearchHitsAreProvisionsHits: for every query and filter, Search
// finds the same provisions as Provisions, in the same order, page after
// page, and a hit says what its provision and draft are.
func TestSearchHitsAreProvisionsHits(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		second, err := s.CreateDraft(ctx, "tester", models.DraftInput{Label: "Geneva counter-proposal", Date: "2025-11-23",
			Status: "circulated"}.Draft(f.plan.ID))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 14; i++ {
			p := troopCap([]int64{f.draft.ID, second.ID}[i%2], 500000+i)
			p.Key = fmt.Sprintf("ceasefire-%02d", i)
			p.Point = fmt.Sprint(20 + i%3) // shared sort keys: the id breaks ties
			p.Text = "A ceasefire along the line of contact, monitored from the air, " + strings.Repeat("and patrolled on the ground, ", i)
			if i%3 == 0 {
				p.Sourcing = "official-text"
			}
			if _, err := s.CreateProvision(ctx, "tester", p); err != nil {
				t.Fatal(err)
			}
		}
		filters := []ProvisionFilter{
			{Query: "ceasefire"},
			{Query: "CEASE"},
			{Query: "ceasefire monitored", Sourcing: "official-text"},
			{Query: "ceasefire", DraftID: second.ID},
			{Query: "ceasefire", PlanID: f.plan.ID, Kind: "troop_cap"},
			{Query: "ceasefire", Party: "UA", Category: "security", Status: "proposed"},
			{Query: "transatlantic"},
			{Query: "чисельність"},
			{Query: "nowhere-to-be-found"},
			{Query: `"*()`},
			{Sourcing: "reported"},
			{DraftID: f.draft.ID},
			{},
		}
		for _, filter := range filters {
			for _, limit := range []int{4, 50} {
				filter.Limit = limit
				t.Run(fmt.Sprintf("%+v", filter), func(t *testing.T) {
					provisions, wantTotal := pageThrough(t, s.Provisions, filter)
					hits, gotTotal := pageThrough(t, s.Search, filter)
					var want, got []int64
					for _, p := range provisions {
						want = append(want, p.ID)
					}
					for _, h := range hits {
						got = append(got, h.ID)
					}
					if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(gotTotal) != fmt.Sprint(wantTotal) {
						t.Fatalf("hits %v (totals %v), provisions %v (totals %v)", got, gotTotal, want, wantTotal)
					}
					for _, h := range hits {
						p := must(s.Provision(ctx, h.ID))
						d := must(s.Draft(ctx, p.DraftID))
						wantHit := SearchHit{ID: p.ID, DraftID: p.DraftID, PlanTitle: f.plan.Title, DraftNumber: d.Number, DraftLabel: d.Label,
							Key: p.Key, Point: p.Point, Title: p.Title, Kind: p.Kind, Category: p.Category, Status: p.Status,
							Sourcing: p.Sourcing, Snippet: h.Snippet, sortKey: h.sortKey}
						if h != wantHit {
							t.Fatalf("hit %+v, want %+v", h, wantHit)
						}
					}
				})
			}
		}
	})
}

// TestSearchSnippet: a hit's snippet is plain text of the wording (not
// HTML-escaped; PostgreSQL drops what looks like a tag), around the matched
// word, a few words long; a list without a search has none.
func TestSearchSnippet(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		long := models.Provision{DraftID: f.draft.ID, Key: "long-text", Point: "12", Kind: "other", Title: "Long text",
			Text: strings.Repeat("Filler words before the point. ", 30) + "The <b>ZNPP</b> is run jointly. " +
				strings.Repeat("Filler words after the point. ", 30),
			Sourcing: "reported", Sources: cites("axios-2025-11-20")}
		if _, err := s.CreateProvision(ctx, "tester", long); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"znpp", "jointly"} {
			for _, filter := range []ProvisionFilter{{Query: q}, {Query: q, DraftID: f.draft.ID}} {
				page, err := s.Search(ctx, filter)
				if err != nil {
					t.Fatal(err)
				}
				if len(page.Items) != 1 {
					t.Fatalf("%+v: %d hits", filter, len(page.Items))
				}
				snippet := page.Items[0].Snippet
				if !strings.Contains(strings.ToLower(snippet), q) || len(snippet) > len(long.Text)/4 || strings.Contains(snippet, "&lt;") {
					t.Fatalf("%+v: snippet %q", filter, snippet)
				}
			}
		}
		page, err := s.Search(ctx, ProvisionFilter{DraftID: f.draft.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 3 || page.Items[0].Snippet != "" {
			t.Fatalf("without a search: %+v", page.Items)
		}
	})
}

// pageThrough pages through a list from its first page: the rows, and
// each page's total (-1 where uncounted).
func pageThrough[T any](t *testing.T, list func(context.Context, ProvisionFilter) (Page[T], error), f ProvisionFilter) (rows []T, totals []int64) {
	t.Helper()
	for {
		page, err := list(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, page.Items...)
		totals = append(totals, knownTotal(page.Total, page.TotalUnknown))
		if f.Cursor = page.NextCursor; f.Cursor == "" {
			return rows, totals
		}
	}
}

func knownTotal(total int64, unknown bool) int64 {
	if unknown {
		return -1
	}
	return total
}
