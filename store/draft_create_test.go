package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// A draft with its provisions is one write: all of it, recorded, or none.
func TestCreateDraftWithProvisions(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		cap := troopCap(0, 800000)
		cap.Point = "6"
		elections := models.Provision{Key: "elections", Point: "25", Kind: "elections", Title: "Elections within 100 days",
			Terms: json.RawMessage(`{"country":"UA","within_days":100}`), Sourcing: "reported", Sources: cites("axios-2025-11-20")}
		d, err := s.CreateDraftWithProvisions(ctx, "analyst", models.DraftInput{Label: "From its text"}.Draft(f.plan.ID),
			[]models.Provision{cap, elections})
		if err != nil {
			t.Fatal(err)
		}
		if d.Number != 2 || d.Coverage != "partial" {
			t.Errorf("draft %+v", d)
		}
		ps, err := s.DraftProvisions(ctx, d.ID)
		if err != nil || len(ps) != 2 || ps[0].Key != "troop-cap" || ps[1].Key != "elections" || ps[1].Category != "governance" {
			t.Fatalf("provisions %+v (%v)", ps, err)
		}
		if got := changesFor(t, s, models.EntityDraft, d.ID); len(got) != 1 || got[0].Actor != "analyst" {
			t.Errorf("draft changes %+v", got)
		}
		for _, p := range ps {
			if got := changesFor(t, s, models.EntityProvision, p.ID); len(got) != 1 || got[0].Action != "create" {
				t.Errorf("changes of %s: %+v", p.Key, got)
			}
		}
	})
}

func TestCreateDraftWithProvisionsRefusesWhole(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		before := counts(t, s)
		good := troopCap(0, 800000)
		badLimit := troopCap(0, -5)
		badLimit.Key = "navy-cap"
		unknownParty := troopCap(0, 1000)
		unknownParty.Key, unknownParty.Terms = "zz-cap", json.RawMessage(`{"party":"ZZ","limit":1000}`)
		for _, tc := range []struct {
			name   string
			draft  models.Draft
			ps     []models.Provision
			fields []string
		}{
			{"every field named", models.DraftInput{}.Draft(f.plan.ID), []models.Provision{good, badLimit, good},
				[]string{"label", "provisions[1].terms.limit", "provisions[2].key"}},
			{"found in the transaction", models.DraftInput{Label: "x"}.Draft(f.plan.ID), []models.Provision{good, unknownParty},
				[]string{"provisions[1].terms.party"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.CreateDraftWithProvisions(ctx, "analyst", tc.draft, tc.ps)
				var verr *models.ValidationError
				if !errors.As(err, &verr) {
					t.Fatalf("error %v", err)
				}
				for _, field := range tc.fields {
					if !strings.Contains(verr.Error(), field+":") {
						t.Errorf("%v does not name %s", verr, field)
					}
				}
				if after := counts(t, s); !equalCounts(before, after) {
					t.Errorf("a refused draft left rows: %v → %v", before, after)
				}
			})
		}
		if _, err := s.CreateDraftWithProvisions(ctx, "analyst", models.DraftInput{Label: "x"}.Draft(999999), nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("a draft of no plan: %v", err)
		}
	})
}

func equalCounts(a, b map[string]int64) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}
