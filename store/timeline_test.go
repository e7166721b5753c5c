package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"plantracker/models"
	"plantracker/models/report"
)

// TestTimeline: a key across a plan's drafts and a second plan's draft
// forked from the first, on both databases.
func TestTimeline(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		// v2 of the plan: a fork, the limit raised; partial, and without
		// the security guarantee.
		fork, err := s.ForkDraft(ctx, "tester", f.draft.ID, models.ForkInput{Label: "Geneva revision", Date: "2025-11-23"})
		if err != nil {
			t.Fatal(err)
		}
		// A fork starts as an analyst's scenario; this one stands for a
		// reported revision, so it is part of the record.
		reported := models.StandingReported
		if fork, err = s.UpdateDraft(ctx, "tester", fork.ID, 0, models.DraftPatch{Standing: &reported}); err != nil {
			t.Fatal(err)
		}
		forked := must(s.Provisions(ctx, ProvisionFilter{DraftID: fork.ID}))
		for _, p := range forked.Items {
			switch p.Key {
			case "troop-cap":
				terms := json.RawMessage(`{"party":"UA","limit":800000}`)
				text := "capped at 800,000"
				if _, err := s.UpdateProvision(ctx, "tester", p.ID, 0, models.ProvisionPatch{Terms: &terms, Text: &text}); err != nil {
					t.Fatal(err)
				}
			case "security-guarantee":
				if err := s.DeleteProvision(ctx, "tester", p.ID, 0); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Another plan, with a draft forked from the first on the same day.
		e3Plan, err := s.CreatePlan(ctx, "tester", models.Plan{Title: "European counter-proposal", Origin: "FR"})
		if err != nil {
			t.Fatal(err)
		}
		e3 := models.DraftInput{Label: "E3 counter-proposal", Date: "2025-11-23"}.Draft(e3Plan.ID)
		e3.ForkedFromID = &f.draft.ID
		if e3, err = s.CreateDraft(ctx, "tester", e3); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateProvision(ctx, "tester", troopCap(e3.ID, 800000)); err != nil {
			t.Fatal(err)
		}

		tl, err := s.Timeline(ctx, "troop-cap", false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range tl.Entries {
			line := e.Draft.Name + ": " + string(e.State)
			if e.Provision != nil {
				line += " " + e.Provision.Headline
				for _, m := range e.Provision.WordingMismatches {
					line += " [" + m.Message + "]"
				}
			}
			got = append(got, line)
		}
		want := []string{
			"v1 28-point draft: stated 600,000 people",
			// The E3 troop cap has the fixture's wording: "capped at 600,000 personnel".
			"v1 E3 counter-proposal: stated 800,000 people [wording still says 600,000]",
			"v2 Geneva revision: stated 800,000 people",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(tl.Series) != 1 || len(tl.Series[0].Plans) != 2 || tl.Series[0].Plans[0].PlanTitle != "US peace framework" {
			t.Errorf("series %+v", tl.Series)
		}

		// The guarantee: stated in v1, not reported in the partial fork.
		tl, err = s.Timeline(ctx, "security-guarantee", false)
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.Entries) != 2 || tl.Entries[1].State != report.TimelineNotReported || tl.Entries[1].LastKnown == nil {
			t.Errorf("guarantee timeline %+v", tl.Entries)
		}

		if _, err := s.Timeline(ctx, "no-such-key", false); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown key: %v", err)
		}

		keys, err := s.TimelineKeys(ctx, "troop_cap")
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 1 || keys[0].Key != "troop-cap" || keys[0].Drafts != 3 || keys[0].KindLabel != "Troop cap" {
			t.Errorf("troop-cap keys %+v", keys)
		}
		all, err := s.TimelineKeys(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].Key != "security-guarantee" || all[0].Drafts != 1 {
			t.Errorf("all keys %+v", all)
		}
	})
}

// TestTimelineQueryUsesTheKeyIndex: finding a key's provisions in every
// draft reads the index provisions_key, not the whole table.
func TestTimelineQueryUsesTheKeyIndex(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, _ fixture) {
		requireIndex(t, s, "provisions_key", func(tx *gorm.DB) *gorm.DB {
			return provisionsByKey(tx, "troop-cap").Model(&provisionRecord{}).Select("id").Find(&[]int64{})
		})
	})
}
