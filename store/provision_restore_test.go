package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"plantracker/models"
)

func TestRestoreProvision(t *testing.T) {
	s := openAuthTest(t)
	f := newFixture(t, s)
	ctx := context.Background()
	created := changesFor(t, s, models.EntityProvision, f.troopCap.ID)[0]
	if _, err := s.UpdateProvision(ctx, "ed", f.troopCap.ID, 0, models.ProvisionPatch{
		Terms:   new(json.RawMessage(`{"party":"UA","limit":800000}`)),
		Parties: &[]models.ProvisionParty{{Party: "RU", Role: "beneficiary"}}}); err != nil {
		t.Fatal(err)
	}
	p, err := s.RestoreProvision(ctx, "vera", f.troopCap.ID, 2, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 3 || string(p.Terms) != string(f.troopCap.Terms) || len(p.Parties) != 1 || p.Parties[0].Party != "UA" {
		t.Fatalf("restored: %+v %s", p, p.Terms)
	}
	cs := changesFor(t, s, models.EntityProvision, f.troopCap.ID)
	if len(cs) != 3 || cs[0].Actor != "vera" || cs[0].Action != models.ActionRestore {
		t.Fatalf("the restore is not recorded as a change: %+v", cs[0])
	}
	if _, err := s.RestoreProvision(ctx, "vera", f.troopCap.ID, 2, created.ID); !errors.Is(err, ErrConflict) {
		t.Fatalf("restore on a stale version: %v", err)
	}
	other := changesFor(t, s, models.EntityProvision, f.guarantee.ID)[0]
	if _, err := s.RestoreProvision(ctx, "vera", f.troopCap.ID, 0, other.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restoring another provision's change: %v", err)
	}
}
