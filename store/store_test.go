package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"plantracker/models"
)

func TestOpenSetsSQLitePragmas(t *testing.T) {
	s := openTest(t)
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "busy_timeout": "10000"} {
		var got string
		if err := s.write.Raw("PRAGMA " + pragma).Scan(&got).Error; err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
	var qo string
	if err := s.read.Raw("PRAGMA query_only").Scan(&qo).Error; err != nil || qo != "1" {
		t.Errorf("read pool query_only = %q (%v), want 1", qo, err)
	}
}

func TestCreateRecordsOneChangeEach(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		got := changesFor(t, s, models.EntityProvision, f.troopCap.ID)
		if len(got) != 1 || got[0].Action != "create" || got[0].Actor != "tester" || string(got[0].Before) != "null" {
			t.Fatalf("changes = %+v", got)
		}
		var after models.Provision
		if err := json.Unmarshal(got[0].After, &after); err != nil || after.Key != "troop-cap" {
			t.Fatalf("after = %s", got[0].After)
		}
		if f.guarantee.Parties[0].Stance != "unknown" {
			t.Errorf("stance default not applied: %+v", f.guarantee.Parties)
		}
		if !reflect.DeepEqual(f.draft.Signatories, []string{"UA", "US", "RU"}) || f.draft.Number != 1 {
			t.Errorf("draft = %+v", f.draft)
		}
	})
}

func TestFailedWritesLeaveNothing(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		before := counts(t, s)

		tests := []struct {
			name  string
			write func() error
			is    error
			field string
		}{
			{"negative limit", func() error {
				_, err := s.CreateProvision(ctx, "x", troopCap(f.draft.ID, -5))
				return err
			}, nil, "terms.limit"},
			{"duplicate key", func() error {
				_, err := s.CreateProvision(ctx, "x", troopCap(f.draft.ID, 5))
				return err
			}, ErrDuplicate, ""},
			{"unknown party in terms", func() error {
				p := troopCap(f.draft.ID, 5)
				p.Key = "other-cap"
				p.Terms = json.RawMessage(`{"party":"XX","limit":5}`)
				_, err := s.CreateProvision(ctx, "x", p)
				return err
			}, nil, "terms.party"},
			{"unknown party in a list term", func() error {
				_, err := s.UpdateProvision(ctx, "x", f.guarantee.ID, 0, models.ProvisionPatch{
					Terms: new(json.RawMessage(`{"model":"article5_like","guarantors":["US","PL"]}`))})
				return err
			}, nil, "terms.guarantors[1]"},
			{"unknown linked party, after links were deleted in the same tx", func() error {
				_, err := s.UpdateProvision(ctx, "x", f.troopCap.ID, 0, models.ProvisionPatch{
					Parties: &[]models.ProvisionParty{{Party: "ZZ", Role: "obligor"}}})
				return err
			}, nil, "parties[0].party"},
			{"missing draft", func() error {
				_, err := s.CreateProvision(ctx, "x", troopCap(9999, 5))
				return err
			}, ErrNotFound, ""},
			{"stale version", func() error {
				_, err := s.UpdateProvision(ctx, "x", f.troopCap.ID, f.troopCap.Version+1, models.ProvisionPatch{Title: new("New")})
				return err
			}, ErrConflict, ""},
			{"duplicate short name", func() error {
				_, err := s.CreateParty(ctx, "x", models.Party{Name: "Ukraine again", ShortName: "UA", Type: "state"})
				return err
			}, ErrDuplicate, ""},
			{"signatory unknown", func() error {
				_, err := s.UpdateDraft(ctx, "x", f.draft.ID, 0, models.DraftPatch{Signatories: &[]string{"UA", "QQ"}})
				return err
			}, nil, "signatories[1]"},
			{"delete a referenced party", func() error {
				ua, _ := s.Parties(ctx)
				return s.DeleteParty(ctx, "x", idOf(ua, "UA"), 0)
			}, ErrInUse, ""},
			{"delete with stale version", func() error { return s.DeleteDraft(ctx, "x", f.draft.ID, 99) }, ErrConflict, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.write()
				if err == nil {
					t.Fatal("write succeeded")
				}
				if tt.is != nil && !errors.Is(err, tt.is) {
					t.Fatalf("err = %v, want %v", err, tt.is)
				}
				if tt.field != "" {
					var verr *models.ValidationError
					if !errors.As(err, &verr) || verr.Errors[0].Field != tt.field {
						t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
					}
				}
				if after := counts(t, s); !reflect.DeepEqual(before, after) {
					t.Fatalf("rows changed: %v → %v", before, after)
				}
				p, _ := s.Provision(ctx, f.troopCap.ID)
				if p.Version != f.troopCap.Version || p.Title != f.troopCap.Title || len(p.Parties) != 1 {
					t.Fatalf("troop cap changed: %+v", p)
				}
			})
		}
	})
}

func TestDeleteReferencedPartySaysWhy(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, _ fixture) {
		ps, _ := s.Parties(context.Background())
		err := s.DeleteParty(context.Background(), "x", idOf(ps, "RU"), 0)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "RU is still referenced by 1 draft, 1 provision") {
			t.Fatalf("err = %v", err)
		}
		// FR is named only in the guarantee's terms, by short name, where
		// no foreign key sees it: the refusal names where.
		err = s.DeleteParty(context.Background(), "x", idOf(ps, "FR"), 0)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "terms.guarantors[1]") {
			t.Fatalf("FR, named in terms: %v", err)
		}
		tr, err := s.CreateParty(context.Background(), "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteParty(context.Background(), "x", tr.ID, 0); err != nil {
			t.Fatalf("TR is named nowhere, so it may go: %v", err)
		}
	})
}

func TestUpdateBumpsVersionAndRecordsBeforeAfter(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		p, err := s.UpdateProvision(ctx, "editor", f.troopCap.ID, f.troopCap.Version, models.ProvisionPatch{
			Terms: new(json.RawMessage(`{"limit":800000,"party":"UA","peacetime_only":true}`))})
		if err != nil {
			t.Fatal(err)
		}
		if p.Version != 2 || string(p.Terms) != `{"party":"UA","limit":800000,"peacetime_only":true}` {
			t.Fatalf("updated = %+v %s", p, p.Terms)
		}
		cs := changesFor(t, s, models.EntityProvision, p.ID)
		if len(cs) != 2 || cs[0].Action != "update" || cs[0].Actor != "editor" ||
			!strings.Contains(string(cs[0].Before), `"limit":600000`) || !strings.Contains(string(cs[0].After), `"limit":800000`) {
			t.Fatalf("changes = %+v", cs)
		}
		// The same write again changes nothing and is not recorded.
		again, err := s.UpdateProvision(ctx, "editor", p.ID, p.Version, models.ProvisionPatch{
			Terms: new(json.RawMessage(`{"party":"UA","limit":800000,"peacetime_only":true}`))})
		if err != nil || again.Version != 2 || len(changesFor(t, s, models.EntityProvision, p.ID)) != 2 {
			t.Fatalf("no-op write: %+v %v", again, err)
		}
	})
}

func TestProvisionPartiesAddAndRemove(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		p, err := s.AddProvisionParty(ctx, "x", f.guarantee.ID, 0, models.ProvisionParty{Party: "RU", Role: "signatory", Stance: "opposes", StanceSources: cites("axios-2025-11-20")})
		if err != nil || len(p.Parties) != 3 || p.Parties[2].Stance != "opposes" {
			t.Fatalf("update stance: %+v %v", p.Parties, err)
		}
		p, err = s.AddProvisionParty(ctx, "x", f.guarantee.ID, p.Version, models.ProvisionParty{Party: "FR", Role: "guarantor", Stance: "supports", StanceSources: cites("interfax-2025-11-21")})
		if err != nil || len(p.Parties) != 4 {
			t.Fatalf("add: %+v %v", p.Parties, err)
		}
		p, err = s.RemoveProvisionParty(ctx, "x", f.guarantee.ID, p.Version, "RU", "")
		if err != nil || len(p.Parties) != 3 {
			t.Fatalf("remove: %+v %v", p.Parties, err)
		}
		if _, err := s.RemoveProvisionParty(ctx, "x", f.guarantee.ID, 0, "RU", ""); !errors.Is(err, ErrNotFound) {
			t.Fatalf("removing an absent party: %v", err)
		}
	})
}

func TestDeleteDraftCascades(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if err := s.DeleteDraft(ctx, "x", f.draft.ID, f.draft.Version); err != nil {
			t.Fatal(err)
		}
		c := counts(t, s)
		if c["provisions"] != 0 || c["provision_parties"] != 0 || c["draft_signatories"] != 0 {
			t.Fatalf("rows left: %v", c)
		}
		page, err := s.Provisions(ctx, ProvisionFilter{Query: "transatlantic"})
		if err != nil || page.Total != 0 {
			t.Fatalf("search still finds deleted rows: %+v %v", page, err)
		}
		if cs := changesFor(t, s, models.EntityProvision, f.troopCap.ID); cs[0].Action != "delete" {
			t.Fatalf("provision deletion not recorded: %+v", cs)
		}
		// Its parties are free to go now.
		ps, _ := s.Parties(ctx)
		if err := s.DeleteParty(ctx, "x", idOf(ps, "RU"), 0); err != nil {
			t.Fatal(err)
		}
	})
}

func TestForkCopiesProvisionsAndParties(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		fork := must(s.ForkDraft(ctx, "x", f.draft.ID, models.ForkInput{Label: "Geneva revision"}))
		if fork.Number != 2 || fork.PlanID != f.plan.ID || fork.ForkedFromID == nil || *fork.ForkedFromID != f.draft.ID ||
			fork.Status != "working" || !reflect.DeepEqual(fork.Signatories, f.draft.Signatories) || fork.Date == "" {
			t.Fatalf("fork = %+v", fork)
		}
		orig, _ := s.DraftProvisions(ctx, f.draft.ID)
		copied, _ := s.DraftProvisions(ctx, fork.ID)
		if len(copied) != len(orig) {
			t.Fatalf("copied %d of %d provisions", len(copied), len(orig))
		}
		for i := range orig {
			if copied[i].Key != orig[i].Key || string(copied[i].Terms) != string(orig[i].Terms) ||
				!reflect.DeepEqual(copied[i].Parties, orig[i].Parties) || copied[i].ID == orig[i].ID || copied[i].DraftID != fork.ID {
				t.Errorf("copy %d differs: %+v vs %+v", i, copied[i], orig[i])
			}
		}
		// Editing the fork leaves the original alone.
		if _, err := s.UpdateProvision(ctx, "x", copied[0].ID, 0, models.ProvisionPatch{Title: new("Changed")}); err != nil {
			t.Fatal(err)
		}
		if p, _ := s.Provision(ctx, orig[0].ID); p.Title != orig[0].Title {
			t.Fatal("original changed with the fork")
		}
		if _, err := s.ForkDraft(ctx, "x", 999, models.ForkInput{}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("fork of a missing draft: %v", err)
		}
	})
}

func TestDeletePlanRemovesDrafts(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if err := s.DeletePlan(ctx, "x", f.plan.ID, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Draft(ctx, f.draft.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("draft survived its plan: %v", err)
		}
	})
}

func idOf(ps []models.Party, short string) int64 {
	for _, p := range ps {
		if p.ShortName == short {
			return p.ID
		}
	}
	return 0
}
