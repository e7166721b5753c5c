package store

import (
	"context"
	"testing"

	"plantracker/models"
)

// TestPartyLinksColumnKeepsStep: the column the database keeps of each
// provision's party links says what the links table says after every kind
// of write to the links (a create, a batch, a fork, an edit of the parties,
// a link added and one removed, a provision's last link removed, a provision deleted and its delete undone),
// and a database from before the column gets it filled on opening; on both
// databases.
func TestPartyLinksColumnKeepsStep(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		fork := must(s.ForkDraft(ctx, "tester", f.draft.ID, models.ForkInput{Label: "revision", Date: "2025-11-23"}))
		forked := must(s.DraftProvisions(ctx, fork.ID))
		batch := troopCap(fork.ID, 500000)
		batch.Key, batch.Parties = "troop-cap-2", append(batch.Parties, models.ProvisionParty{Party: "RU", Role: "signatory"})
		must(s.CreateProvisions(ctx, "tester", []models.Provision{batch}))
		for _, p := range forked {
			if p.Key == "security-guarantee" {
				parties := append([]models.ProvisionParty{{Party: "FR", Role: "guarantor", Stance: "supports", StanceSources: cites("axios-2025-11-20")}}, p.Parties[1:]...)
				p = must(s.UpdateProvision(ctx, "tester", p.ID, 0, models.ProvisionPatch{Parties: &parties}))
				p = must(s.AddProvisionParty(ctx, "tester", p.ID, 0, models.ProvisionParty{Party: "UK", Role: "monitor", Stance: "reserved", StanceSources: cites("interfax-2025-11-21")}))
				must(s.RemoveProvisionParty(ctx, "tester", p.ID, 0, "RU", "signatory"))
			}
			if p.Key == "troop-cap" { // its one link removed: no links left
				must(s.RemoveProvisionParty(ctx, "tester", p.ID, 0, "UA", "obligor"))
			}
		}
		if err := s.DeleteProvision(ctx, "tester", f.troopCap.ID, 0); err != nil {
			t.Fatal(err)
		}
		for _, c := range changesFor(t, s, models.EntityProvision, f.troopCap.ID) {
			if c.Action == models.ActionDelete {
				must(s.UndoDelete(ctx, "tester", c.ID))
			}
		}
		checkPartyLinksColumn(t, s, 4)

		// A database from before the column: the triggers and the column
		// gone, then the migrations run again.
		drops := []string{`DROP TRIGGER IF EXISTS provision_parties_links_insert`, `DROP TRIGGER IF EXISTS provision_parties_links_delete`,
			`DROP TRIGGER IF EXISTS provision_parties_links_update`}
		if s.dialect == Postgres {
			drops = []string{`DROP TRIGGER IF EXISTS provision_parties_links_column ON provision_parties`}
		}
		for _, stmt := range append(drops, `ALTER TABLE provisions DROP COLUMN `+partyLinksColumn) {
			if err := s.write.Exec(stmt).Error; err != nil {
				t.Fatal(err)
			}
		}
		if err := s.migrate(ctx); err != nil {
			t.Fatal(err)
		}
		checkPartyLinksColumn(t, s, 4)
	})
}

// checkPartyLinksColumn fails the test unless every provision's column
// equals its links read afresh, and provisions of them have links.
func checkPartyLinksColumn(t *testing.T, s *Store, provisions int) {
	t.Helper()
	var behind, linked int64
	if err := s.write.Raw(`SELECT COUNT(*) FROM provisions WHERE ` + partyLinksColumn + ` <> ` +
		partyLinksOf(s.dialect, "provisions.id")).Scan(&behind).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.write.Raw(`SELECT COUNT(*) FROM provisions WHERE ` + partyLinksColumn + ` <> '[]'`).Scan(&linked).Error; err != nil {
		t.Fatal(err)
	}
	if behind != 0 || linked != int64(provisions) {
		t.Errorf("%d provisions' party_links behind their links; %d with links, want %d", behind, linked, provisions)
	}
}
