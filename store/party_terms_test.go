package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"plantracker/models"
)

// A party named in provisions' terms: renaming it rewrites those terms in
// the same transaction, each provision recorded as changed; deleting it is
// refused, naming the provisions. Before, the rename left terms naming a
// party that no longer existed, and forking the draft failed.
func TestPartyReferencesInTerms(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		renx, err := s.CreateParty(ctx, "x", models.Party{Name: "Renamed state", ShortName: "RENX", Type: "state"})
		if err != nil {
			t.Fatal(err)
		}
		cap, err := s.UpdateProvision(ctx, "x", f.troopCap.ID, 0, models.ProvisionPatch{
			Terms: new(json.RawMessage(`{"party":"RENX","limit":1000}`))})
		if err != nil {
			t.Fatal(err)
		}
		guarantee, err := s.UpdateProvision(ctx, "x", f.guarantee.ID, 0, models.ProvisionPatch{
			Terms: new(json.RawMessage(`{"model":"article5_like","guarantors":["US","RENX"]}`))})
		if err != nil {
			t.Fatal(err)
		}

		err = s.DeleteParty(ctx, "x", renx.ID, 0)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "terms.party") || !strings.Contains(err.Error(), "terms.guarantors[1]") {
			t.Fatalf("delete of a party named in terms: %v", err)
		}

		if _, err := s.UpdateParty(ctx, "ed", renx.ID, 0, models.PartyPatch{ShortName: new("NEWX")}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			before    models.Provision
			wantTerms string
		}{
			{cap, `{"party":"NEWX","limit":1000}`},
			{guarantee, `{"model":"article5_like","guarantors":["US","NEWX"]}`},
		} {
			p, err := s.Provision(ctx, tt.before.ID)
			if err != nil {
				t.Fatal(err)
			}
			if string(p.Terms) != tt.wantTerms || p.Version != tt.before.Version+1 {
				t.Fatalf("provision %d after the rename: v%d %s, want v%d %s", p.ID, p.Version, p.Terms, tt.before.Version+1, tt.wantTerms)
			}
			last := changesFor(t, s, models.EntityProvision, p.ID)[0]
			if last.Actor != "ed" || !strings.Contains(string(last.Before), "RENX") || !strings.Contains(string(last.After), "NEWX") {
				t.Fatalf("the rewrite of provision %d is not recorded: %+v", p.ID, last)
			}
		}
		if _, err := s.ForkDraft(ctx, "x", f.draft.ID, models.ForkInput{Label: "Fork"}); err != nil {
			t.Fatalf("fork after the rename: %v", err)
		}
		if _, err := s.UpdateProvision(ctx, "x", cap.ID, 0, models.ProvisionPatch{Title: new("Cap")}); err != nil {
			t.Fatalf("saving a provision after the rename: %v", err)
		}
	})
}
