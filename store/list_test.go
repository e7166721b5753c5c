package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"plantracker/models"
)

func TestProvisionFilters(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		tests := []struct {
			name   string
			filter ProvisionFilter
			want   []string
		}{
			{"all of a draft", ProvisionFilter{DraftID: f.draft.ID}, []string{"troop-cap", "security-guarantee"}},
			{"by kind", ProvisionFilter{Kind: "troop_cap"}, []string{"troop-cap"}},
			{"by category", ProvisionFilter{Category: "security"}, []string{"troop-cap", "security-guarantee"}},
			{"by status, none", ProvisionFilter{Status: "agreed"}, nil},
			{"by party with a role", ProvisionFilter{Party: "RU"}, []string{"security-guarantee"}},
			{"by party, obligor", ProvisionFilter{Party: "UA"}, []string{"troop-cap", "security-guarantee"}},
			{"search a word", ProvisionFilter{Query: "transatlantic"}, []string{"security-guarantee"}},
			{"search a prefix, any case", ProvisionFilter{Query: "TRANSATL"}, []string{"security-guarantee"}},
			{"search Cyrillic", ProvisionFilter{Query: "чисельність"}, []string{"troop-cap"}},
			{"search a key", ProvisionFilter{Query: "troop cap"}, []string{"troop-cap"}},
			{"search terms", ProvisionFilter{Query: "article5_like"}, []string{"security-guarantee"}},
			{"search operators are words", ProvisionFilter{Query: `"NEAR( AND OR *`}, nil},
			{"search punctuation only", ProvisionFilter{Query: `"*()`}, nil},
			{"search and filter", ProvisionFilter{Query: "ukraine", Kind: "troop_cap"}, []string{"troop-cap"}},
			{"by plan", ProvisionFilter{PlanID: f.plan.ID}, []string{"troop-cap", "security-guarantee"}},
			{"by another plan", ProvisionFilter{PlanID: f.plan.ID + 1000}, nil},
			{"search within a plan", ProvisionFilter{PlanID: f.plan.ID, Query: "transatlantic"}, []string{"security-guarantee"}},
			{"search within another plan", ProvisionFilter{PlanID: f.plan.ID + 1000, Query: "transatlantic"}, nil},
			{"search by party", ProvisionFilter{Party: "RU", Query: "ukraine"}, []string{"security-guarantee"}},
			{"search by a party that is none", ProvisionFilter{Party: "XX", Query: "ukraine"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page, err := s.Provisions(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range page.Items {
					got = append(got, p.Key)
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want) || page.Total != int64(len(tt.want)) {
					t.Fatalf("got %v (total %d), want %v", got, page.Total, tt.want)
				}
			})
		}
	})
}

func TestProvisionPagination(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		for i := 0; i < 23; i++ {
			p := troopCap(f.draft.ID, 1000+i)
			p.Key = fmt.Sprintf("cap-%02d", i)
			p.Point = fmt.Sprint(30 + i%5) // shared sort keys: the id breaks ties
			if _, err := s.CreateProvision(ctx, "x", p); err != nil {
				t.Fatal(err)
			}
		}
		var byCursor []int64
		cursor, pages := "", 0
		for {
			page, err := s.Provisions(ctx, ProvisionFilter{DraftID: f.draft.ID, Limit: 10, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if page.Total != 25 {
				t.Fatalf("total = %d", page.Total)
			}
			for _, p := range page.Items {
				byCursor = append(byCursor, p.ID)
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		if pages != 3 || len(byCursor) != 25 {
			t.Fatalf("%d pages, %d items", pages, len(byCursor))
		}
		var byOffset []int64
		for off := 0; off < 25; off += 10 {
			page, err := s.Provisions(ctx, ProvisionFilter{DraftID: f.draft.ID, Limit: 10, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range page.Items {
				byOffset = append(byOffset, p.ID)
			}
		}
		if fmt.Sprint(byOffset) != fmt.Sprint(byCursor) {
			t.Fatalf("offset and cursor orders differ:\n%v\n%v", byOffset, byCursor)
		}
		seen := map[int64]bool{}
		for _, id := range byCursor {
			if seen[id] {
				t.Fatalf("id %d on two pages", id)
			}
			seen[id] = true
		}
		if _, err := s.Provisions(ctx, ProvisionFilter{Cursor: "not-a-cursor"}); !errors.Is(err, ErrInvalidQuery) {
			t.Fatalf("bad cursor: %v", err)
		}
		if page, _ := s.Provisions(ctx, ProvisionFilter{Limit: 100000}); page.Limit != MaxPageSize {
			t.Fatalf("limit not capped: %d", page.Limit)
		}
	})
}

func TestChangesFilter(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if _, err := s.UpdateProvision(ctx, "alice", f.troopCap.ID, 0, models.ProvisionPatch{Title: new("Cap")}); err != nil {
			t.Fatal(err)
		}
		byAlice, err := s.Changes(ctx, ChangeFilter{Actor: "alice"})
		if err != nil || len(byAlice) != 1 || byAlice[0].EntityID != f.troopCap.ID {
			t.Fatalf("by actor: %+v %v", byAlice, err)
		}
		all, _ := s.Changes(ctx, ChangeFilter{})
		older, _ := s.Changes(ctx, ChangeFilter{BeforeID: all[0].ID})
		if len(older) != len(all)-1 || older[0].ID >= all[0].ID {
			t.Fatalf("paging back: %d of %d", len(older), len(all))
		}
		newer, _ := s.Changes(ctx, ChangeFilter{AfterID: all[2].ID})
		if len(newer) != 2 || newer[0].ID != all[1].ID || newer[1].ID != all[0].ID {
			t.Fatalf("following forwards: %+v", newer)
		}
	})
}
