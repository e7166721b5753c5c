package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"plantracker/models"
)

// A deleted draft with its provisions comes back identical: the same ids,
// fields, provisions, party links, signatories and citations, and each row
// put back is recorded as restored.
func TestUndoDeleteDraftComesBackIdentical(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		draftBefore, _ := s.Draft(ctx, f.draft.ID)
		provisionsBefore, _ := s.DraftProvisions(ctx, f.draft.ID)
		if err := s.DeleteDraft(ctx, "ed", f.draft.ID, 0); err != nil {
			t.Fatal(err)
		}
		deleted, err := s.Deleted(ctx, 10, 0)
		if err != nil || len(deleted) != 1 || deleted[0].Entity != models.EntityDraft {
			t.Fatalf("deleted list: %+v %v (only the draft: its provisions come back with it)", deleted, err)
		}
		ch, err := s.UndoDelete(ctx, "vera", deleted[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Action != models.ActionRestore || ch.Entity != models.EntityDraft || ch.EntityID != f.draft.ID || ch.Actor != "vera" {
			t.Fatalf("restore change: %+v", ch)
		}
		draftAfter, err := s.Draft(ctx, f.draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		provisionsAfter, _ := s.DraftProvisions(ctx, f.draft.ID)
		if !reflect.DeepEqual(comparableDraft(draftBefore), comparableDraft(draftAfter)) {
			t.Fatalf("draft differs:\n%+v\n%+v", draftBefore, draftAfter)
		}
		if len(provisionsAfter) != len(provisionsBefore) || len(provisionsBefore) != 2 {
			t.Fatalf("provisions: %d back of %d", len(provisionsAfter), len(provisionsBefore))
		}
		for i := range provisionsBefore {
			if !reflect.DeepEqual(comparableProvision(provisionsBefore[i]), comparableProvision(provisionsAfter[i])) {
				t.Errorf("provision %d differs:\n%+v\n%+v", i, provisionsBefore[i], provisionsAfter[i])
			}
		}
		if cs := changesFor(t, s, models.EntityProvision, f.troopCap.ID); cs[0].Action != models.ActionRestore {
			t.Fatalf("the provision's history does not say it was restored: %+v", cs[0])
		}
		// Search finds it again: the full-text index came back with the row.
		if page, err := s.Provisions(ctx, ProvisionFilter{Query: "transatlantic"}); err != nil || len(page.Items) != 1 {
			t.Fatalf("search after undo: %d %v", len(page.Items), err)
		}
		if _, err := s.UndoDelete(ctx, "vera", deleted[0].ID); !errors.Is(err, ErrConflict) {
			t.Fatalf("undoing twice: %v", err)
		}
		if d, _ := s.Deleted(ctx, 10, 0); len(d) != 0 {
			t.Fatalf("still listed as deleted: %+v", d)
		}
	})
}

// A plan comes back with its drafts and theirs, forks linked again.
func TestUndoDeletePlan(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		fork := must(s.ForkDraft(ctx, "ed", f.draft.ID, models.ForkInput{Label: "Geneva"}))
		before := counts(t, s)
		if err := s.DeletePlan(ctx, "ed", f.plan.ID, 0); err != nil {
			t.Fatal(err)
		}
		deleted, _ := s.Deleted(ctx, 10, 0)
		if len(deleted) != 1 || deleted[0].Entity != models.EntityPlan {
			t.Fatalf("deleted list: %+v", deleted)
		}
		if _, err := s.UndoDelete(ctx, "ed", deleted[0].ID); err != nil {
			t.Fatal(err)
		}
		after := counts(t, s)
		for _, table := range []string{"plans", "drafts", "draft_signatories", "provisions", "provision_parties"} {
			if before[table] != after[table] {
				t.Errorf("%s: %d before, %d after", table, before[table], after[table])
			}
		}
		back, err := s.Draft(ctx, fork.ID)
		if err != nil || back.ForkedFromID == nil || *back.ForkedFromID != f.draft.ID || back.Number != 2 {
			t.Fatalf("fork back: %+v %v", back, err)
		}
	})
}

// What refers to a row keeps it, and the store says by what; what stands
// in the way of an undo is said too.
func TestDeleteRefusalsAndUndoConflicts(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if _, err := s.ForkDraft(ctx, "ed", f.draft.ID, models.ForkInput{Label: "Geneva"}); err != nil {
			t.Fatal(err)
		}
		err := s.DeleteDraft(ctx, "ed", f.draft.ID, 0)
		if !errors.Is(err, ErrInUse) || !contains(err.Error(), "v2 Geneva (US peace framework) forked from it") {
			t.Fatalf("deleting a draft with a fork: %v", err)
		}
		// A provision alone: undone; its key taken meanwhile: refused.
		if err := s.DeleteProvision(ctx, "ed", f.troopCap.ID, 0); err != nil {
			t.Fatal(err)
		}
		del := changesFor(t, s, models.EntityProvision, f.troopCap.ID)[0]
		if _, err := s.CreateProvision(ctx, "ed", troopCap(f.draft.ID, 1000)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UndoDelete(ctx, "ed", del.ID); !errors.Is(err, ErrDuplicate) {
			t.Fatalf("undo over a taken key: %v", err)
		}
		// Not a deletion, or not one that can be undone.
		created := changesFor(t, s, models.EntityProvision, f.guarantee.ID)[0]
		var verr *models.ValidationError
		if _, err := s.UndoDelete(ctx, "ed", created.ID); !errors.As(err, &verr) {
			t.Fatalf("undoing a creation: %v", err)
		}
		if _, err := s.UndoDelete(ctx, "ed", 99999); !errors.Is(err, ErrNotFound) {
			t.Fatalf("undoing a missing change: %v", err)
		}
		// A party: deleted, its short name taken, then free again.
		p, err := s.CreateParty(ctx, "ed", models.Party{Name: "Türkiye", ShortName: "tr", Type: "state"})
		if err != nil || p.ShortName != "TR" {
			t.Fatalf("a lower-case short name: %+v %v", p, err)
		}
		if err := s.DeleteParty(ctx, "ed", p.ID, 0); err != nil {
			t.Fatal(err)
		}
		pdel := changesFor(t, s, models.EntityParty, p.ID)[0]
		if _, err := s.UndoDelete(ctx, "ed", pdel.ID); err != nil {
			t.Fatal(err)
		}
		if back, err := s.Party(ctx, p.ID); err != nil || back.ShortName != "TR" {
			t.Fatalf("party back: %+v %v", back, err)
		}
	})
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// comparableDraft and comparableProvision leave out the times, which a
// round trip through the database may round.
func comparableDraft(d models.Draft) models.Draft {
	d.CreatedAt, d.UpdatedAt = d.CreatedAt.Round(0).Truncate(1e3), d.UpdatedAt.Round(0).Truncate(1e3)
	return d
}

func comparableProvision(p models.Provision) models.Provision {
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.Truncate(1e3), p.UpdatedAt.Truncate(1e3)
	return p
}
