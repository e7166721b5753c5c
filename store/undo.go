package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"plantracker/models"
)

// UndoDelete puts back what a deletion removed, as its change record has
// it: the same ids, fields, party links and citations, and for a draft its
// provisions, for a plan its drafts and theirs, in one transaction. Each
// row put back is recorded as a change with the action "restore". It
// returns the restore change of the row the deletion named.
//
// A deletion is undone once: a row with that id again is ErrConflict. What
// changed since may stand in the way, and is said: a provision whose draft
// is gone (undo the draft's deletion), a party's short name or a source's
// key taken by another, a key taken in the draft (ErrDuplicate), a party
// or source named in the record that has been deleted meanwhile (field
// errors). A draft whose number another draft took meanwhile comes back
// numbered next; a draft whose parent was deleted meanwhile comes back
// without its forked-from link.
func (s *Store) UndoDelete(ctx context.Context, actor string, changeID int64) (models.Change, error) {
	var out models.Change
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		var rec changeRecord
		if err := tx.Where("id = ?", changeID).Take(&rec).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("%w: no change %d", ErrNotFound, changeID)
			}
			return err
		}
		if rec.Action != models.ActionDelete {
			return models.Invalid("change", "change %d is not a deletion; only a deletion can be undone", changeID)
		}
		if !slices.Contains(models.UndoableEntities, rec.Entity) {
			return models.Invalid("change", "the deletion of a %s cannot be undone", rec.Entity)
		}
		u := undo{s: s, tx: tx, actor: actor}
		if restore, ok := u.restorers()[rec.Entity]; ok {
			if err := restore(rec); err != nil {
				return err
			}
		}
		var last changeRecord
		if err := tx.Where("entity = ? AND entity_id = ?", rec.Entity, rec.EntityID).Order("id DESC").Take(&last).Error; err != nil {
			return err
		}
		out = last.model()
		return nil
	})
	return out, err
}

func (r changeRecord) model() models.Change {
	return models.Change{ID: r.ID, At: r.At.UTC(), Actor: r.Actor, Entity: r.Entity, EntityID: r.EntityID,
		Action: r.Action, Before: json.RawMessage(r.Before), After: json.RawMessage(r.After)}
}

func decodeRecord(rec changeRecord, v any) error {
	if rec.Before == "" || rec.Before == "null" || json.Unmarshal([]byte(rec.Before), v) != nil {
		return models.Invalid("change", "change %d does not hold the deleted record", rec.ID)
	}
	return nil
}

// undo writes deleted rows back, inside one transaction.
type undo struct {
	s     *Store
	tx    *gorm.DB
	actor string
}

// restorers are, by entity, what puts back the row a deletion's change
// record holds: a provision or draft alone (into a draft or plan that is
// there), a plan with its drafts.
func (u undo) restorers() map[string]func(changeRecord) error {
	return map[string]func(changeRecord) error{
		models.EntityProvision:   restoring(func(p models.Provision) error { return u.provision(p, true) }),
		models.EntityDraft:       restoring(func(d models.DraftSnapshot) error { return u.draft(d, true) }),
		models.EntityPlan:        restoring(u.plan),
		models.EntityParty:       restoring(u.party),
		models.EntitySource:      restoring(u.source),
		models.EntityDraftStance: restoring(u.draftStance),
		models.EntityEvent:       restoring(u.event),
	}
}

// restoring reads the deleted record (a T) out of a deletion's change
// record and puts it back with restore.
func restoring[T any](restore func(T) error) func(changeRecord) error {
	return func(rec changeRecord) error {
		var v T
		if err := decodeRecord(rec, &v); err != nil {
			return err
		}
		return restore(v)
	}
}

// absent refuses when a row of t with the id exists again.
func absent[T any](u undo, t entityTable[T], id int64) error {
	back, err := exists(u.tx.Model(t.record).Where("id = ?", id))
	if err != nil {
		return err
	}
	if back {
		return fmt.Errorf("%w: %s %d is back already; its deletion was undone before", ErrConflict, t.entity, id)
	}
	return nil
}

// requireBack is ErrConflict, saying what format and args say, when q
// finds no row: the row that what is put back belongs in (its draft, its
// plan) is deleted too, and must come back first.
func requireBack(q *gorm.DB, format string, args ...any) error {
	back, err := exists(q)
	if err != nil || back {
		return err
	}
	return fmt.Errorf("%w: %s", ErrConflict, fmt.Sprintf(format, args...))
}

// restoreRow puts back a deleted row of t as v held it, with its id,
// version and times: refused when the row is back already or v no longer
// passes its entity's rules. insert is the entity's own write, the one its
// creation uses (checks of what v names, the row, what comes back with
// it); the row is recorded as restored.
func restoreRow[T any](u undo, t entityTable[T], id int64, v T, insert func(tx *gorm.DB, v T) (int64, error)) error {
	if err := absent(u, t, id); err != nil {
		return err
	}
	if err := t.validate(&v); err != nil {
		return err
	}
	if _, err := insert(u.tx, v); err != nil {
		return err
	}
	return restored(u, t, id)
}

// restored records the row of t with the id, put back, as it now reads.
func restored[T any](u undo, t entityTable[T], id int64) error {
	back, err := t.loadRow(u.tx, id)
	if err != nil {
		return err
	}
	return u.s.recordChange(u.tx, u.actor, t.change, id, models.ActionRestore, nil, back)
}

func (u undo) provision(p models.Provision, alone bool) error {
	if alone {
		if err := absent(u, provisionTable, p.ID); err != nil {
			return err
		}
		if err := requireBack(u.tx.Model(&draftRecord{}).Where("id = ?", p.DraftID),
			"provision %d was in draft %d, which is deleted too; undo the draft's deletion first", p.ID, p.DraftID); err != nil {
			return err
		}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	ids, err := checkProvisionRefs(u.tx, &p)
	if err != nil {
		return err
	}
	if err := checkSources(u.tx, p.SourceReferences()); err != nil {
		return err
	}
	if err := uniqueKey(u.tx, p.DraftID, p.Key, p.ID); err != nil {
		return err
	}
	rec := provisionRecordOf(p)
	if err := u.tx.Create(&rec).Error; err != nil {
		return translate(err, "provision")
	}
	if err := writeProvisionParties(u.tx, p.ID, p.Parties, ids); err != nil {
		return err
	}
	return restored(u, provisionTable, p.ID)
}

func (u undo) draft(d models.DraftSnapshot, alone bool) error {
	if err := absent(u, draftTable, d.ID); err != nil {
		return err
	}
	if alone {
		if err := requireBack(u.tx.Model(&planRecord{}).Where("id = ?", d.PlanID),
			"draft %d was in plan %d, which is deleted too; undo the plan's deletion instead", d.ID, d.PlanID); err != nil {
			return err
		}
		if err := lockForUpdate(u.tx, &planRecord{}, d.PlanID); err != nil { // numbers are taken under the plan's lock
			return err
		}
	}
	draft := d.Draft
	if err := draft.Validate(); err != nil {
		return err
	}
	taken, err := exists(u.tx.Model(&draftRecord{}).Where("plan_id = ? AND number = ?", draft.PlanID, draft.Number))
	if err != nil {
		return err
	}
	if taken {
		if draft.Number, err = nextDraftNumber(u.tx, draft.PlanID); err != nil {
			return err
		}
	}
	if draft.ForkedFromID != nil {
		parentBack, err := exists(u.tx.Model(&draftRecord{}).Where("id = ?", *draft.ForkedFromID))
		if err != nil {
			return err
		}
		if !parentBack {
			draft.ForkedFromID = nil
		}
	}
	if _, err := insertDraft(u.tx, draft); err != nil {
		return err
	}
	for _, p := range d.Provisions {
		if err := u.provision(p, false); err != nil {
			return err
		}
	}
	for _, ds := range d.Stances {
		if err := u.draftStance(ds); err != nil {
			return err
		}
	}
	return restored(u, draftTable, draft.ID)
}

func (u undo) plan(p models.PlanSnapshot) error {
	return restoreRow(u, planTable, p.ID, p.Plan, func(tx *gorm.DB, plan models.Plan) (int64, error) {
		if _, err := insertPlan(tx, plan); err != nil {
			return 0, err
		}
		// By id: a draft comes back after the draft it was forked from.
		drafts := slices.Clone(p.Drafts)
		slices.SortFunc(drafts, func(a, b models.DraftSnapshot) int { return int(a.ID - b.ID) })
		for _, d := range drafts {
			if err := u.draft(d, false); err != nil {
				return 0, err
			}
		}
		return plan.ID, nil
	})
}

func (u undo) party(p models.Party) error {
	return restoreRow(u, partyTable, p.ID, p, insertParty)
}

func (u undo) source(src models.Source) error {
	return restoreRow(u, sourceTable, src.ID, src, insertSource)
}
