package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"plantracker/models"
)

// CreateProvision validates and stores a new provision in its draft.
func (s *Store) CreateProvision(ctx context.Context, actor string, p models.Provision) (models.Provision, error) {
	return createAlone(ctx, s, actor, p, (*models.Provision).Validate, s.createProvision)
}

func (s *Store) createProvision(tx *gorm.DB, actor string, p models.Provision) (models.Provision, error) {
	if _, err := loadDraft(tx, p.DraftID); err != nil {
		return p, err
	}
	ids, err := checkProvisionRefs(tx, &p)
	if err != nil {
		return p, err
	}
	if err := checkSources(tx, p.SourceReferences()); err != nil {
		return p, err
	}
	if err := uniqueKey(tx, p.DraftID, p.Key, 0); err != nil {
		return p, err
	}
	now := s.now()
	p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
	rec := provisionRecordOf(p)
	if err := tx.Create(&rec).Error; err != nil {
		return p, translate(err, "provision")
	}
	if err := writeProvisionParties(tx, rec.ID, p.Parties, ids); err != nil {
		return p, err
	}
	if p, err = loadProvision(tx, rec.ID); err != nil {
		return p, err
	}
	return p, s.recordChange(tx, actor, models.EntityProvision, p.ID, models.ActionCreate, nil, p)
}

// UpdateProvision applies a patch to a provision, if it is still at
// ifVersion (0: any).
func (s *Store) UpdateProvision(ctx context.Context, actor string, id int64, ifVersion int, patch models.ProvisionPatch) (models.Provision, error) {
	t := provisionTable
	if patch.Sources == nil && patch.Parties == nil && patch.Translations == nil {
		// The citations stay the ones just read, with their sources'
		// references: nothing to look up again (a new title is three
		// statements, not four).
		t.fill = nil
	}
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, t, func(p *models.Provision) error {
		patch.Apply(p)
		return nil
	})
}

// AddProvisionParty gives a party a role on a provision, or updates its
// stance in that role.
func (s *Store) AddProvisionParty(ctx context.Context, actor string, id int64, ifVersion int, pp models.ProvisionParty) (models.Provision, error) {
	if err := pp.Validate(); err != nil {
		return models.Provision{}, err
	}
	return s.modifyProvision(ctx, actor, id, ifVersion, func(p *models.Provision) error {
		for i, existing := range p.Parties {
			if existing.Party == pp.Party && existing.Role == pp.Role {
				p.Parties[i] = pp
				return nil
			}
		}
		p.Parties = append(p.Parties, pp)
		return nil
	})
}

// RemoveProvisionParty takes a party off a provision: from one role, or
// from every role when role is "".
func (s *Store) RemoveProvisionParty(ctx context.Context, actor string, id int64, ifVersion int, party, role string) (models.Provision, error) {
	return s.modifyProvision(ctx, actor, id, ifVersion, func(p *models.Provision) error {
		kept := p.Parties[:0:0]
		for _, existing := range p.Parties {
			if existing.Party == party && (role == "" || existing.Role == role) {
				continue
			}
			kept = append(kept, existing)
		}
		if len(kept) == len(p.Parties) {
			return fmt.Errorf("%w: party %s has no such role on provision %d", ErrNotFound, party, id)
		}
		p.Parties = kept
		return nil
	})
}

// modifyProvision is the one path by which an existing provision changes:
// the update sequence (updateRow) with the provision's parts. A write that
// changes nothing is not recorded and does not bump the version.
//
// On SQLite one connection does all the writing, so the write transaction
// is kept to what must be in it: the provision is read, edited and
// validated first, on a reader (readFirst), and the transaction then only
// writes. Inside, too, only what the edit needs is done: party references
// are checked when links or terms changed, the key's uniqueness when the
// key did, links rewritten when they changed, and only the columns that
// changed are written (a status change does not touch the full-text
// index); the provision is not read back: after is what the row now holds.
func (s *Store) modifyProvision(ctx context.Context, actor string, id int64, ifVersion int, edit func(*models.Provision) error) (models.Provision, error) {
	return s.modifyProvisionAs(ctx, actor, models.ActionUpdate, id, ifVersion, edit)
}

// modifyProvisionAs is modifyProvision recording the change under action:
// "update", or "restore" for a provision put back as it was.
func (s *Store) modifyProvisionAs(ctx context.Context, actor, action string, id int64, ifVersion int, edit func(*models.Provision) error) (models.Provision, error) {
	return updateRow(ctx, s, actor, action, id, ifVersion, provisionTable, edit)
}

// provisionTable is how the update and delete sequences change provisions.
var provisionTable = entityTable[models.Provision]{
	entity: "provision", change: models.EntityProvision, record: &provisionRecord{},
	load:   loadProvision,
	stamps: func(p *models.Provision) *models.RowStamps { return &p.RowStamps },
	copy: func(p models.Provision) models.Provision {
		p.Parties = append([]models.ProvisionParty(nil), p.Parties...)
		p.Translations = append([]models.Translation(nil), p.Translations...)
		p.Terms = append(json.RawMessage(nil), p.Terms...)
		return p
	},
	validate:  (*models.Provision).Validate,
	fill:      func(db *gorm.DB, p *models.Provision) error { return fillProvisionReferences(db, *p) },
	write:     writeProvision,
	readFirst: true,
}

// writeProvision writes an edited provision over before, if the row is
// still at before's version (ErrConflict otherwise), with its party links.
func writeProvision(_ *Store, tx *gorm.DB, _ string, before, after models.Provision) error {
	id := before.ID
	update, args := updateProvisionSQL(before, after, after.UpdatedAt)
	partiesChanged := !slices.EqualFunc(before.Parties, after.Parties, models.ProvisionParty.Equal)

	var ids map[string]int64
	if partiesChanged || !bytes.Equal(before.Terms, after.Terms) {
		var err error
		if ids, err = checkProvisionRefs(tx, &after); err != nil {
			return err
		}
	}
	if partiesChanged || !models.SameCitations(before.Sources, after.Sources) ||
		!models.SameTranslations(before.Translations, after.Translations) {
		if err := checkSources(tx, after.SourceReferences()); err != nil {
			return err
		}
	}
	if after.Key != before.Key {
		if err := uniqueKey(tx, after.DraftID, after.Key, id); err != nil {
			return err
		}
	}
	res := tx.Exec(update, args...)
	if res.Error != nil {
		return translate(res.Error, "provision")
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("%w: provision %d was changed by someone else meanwhile; reload and try again", ErrConflict, id)
	}
	if partiesChanged {
		return writeProvisionParties(tx, id, after.Parties, ids)
	}
	return nil
}

// updateProvisionSQL is the UPDATE that turns before's row into after's:
// only the columns that differ, and the version bumped, guarded by before's
// version (as bumpVersion guards). A change that leaves key, title, wording
// and terms alone does not touch the full-text index.
func updateProvisionSQL(before, after models.Provision, now time.Time) (string, []any) {
	b, a := provisionRecordOf(before), provisionRecordOf(after)
	var set strings.Builder
	var args []any
	col := func(name string, changed bool, v any) {
		if changed {
			set.WriteString(name + " = ?, ")
			args = append(args, v)
		}
	}
	col("key", a.Key != b.Key, a.Key)
	col("point", a.Point != b.Point, a.Point)
	col("sort_key", a.SortKey != b.SortKey, a.SortKey)
	col("category", a.Category != b.Category, a.Category)
	col("kind", a.Kind != b.Kind, a.Kind)
	col("title", a.Title != b.Title, a.Title)
	col("text", a.Text != b.Text, a.Text)
	col("original_language", a.OriginalLanguage != b.OriginalLanguage, a.OriginalLanguage)
	col("translations", a.Translations != b.Translations, a.Translations)
	col("translation_words", a.TranslationWords != b.TranslationWords, a.TranslationWords)
	col("terms", a.Terms != b.Terms, a.Terms)
	col("status", a.Status != b.Status, a.Status)
	col("sourcing", a.Sourcing != b.Sourcing, a.Sourcing)
	col("sources", a.Sources != b.Sources, a.Sources)
	args = append(args, now, before.Version+1, before.ID, before.Version)
	return "UPDATE provisions SET " + set.String() + "updated_at = ?, version = ? WHERE id = ? AND version = ?", args
}

// DeleteProvision removes a provision.
func (s *Store) DeleteProvision(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, provisionTable, nil)
}

func uniqueKey(tx *gorm.DB, draftID int64, key string, exceptID int64) error {
	return unique(tx.Model(&provisionRecord{}).Where("draft_id = ? AND key = ? AND id <> ?", draftID, key, exceptID),
		"draft %d already has a provision with key %s", draftID, key)
}

// checkProvisionRefs checks that every party the provision names exists:
// its party links and the party-typed terms of its kind. It returns the ids
// of the linked parties.
func checkProvisionRefs(tx *gorm.DB, p *models.Provision) (map[string]int64, error) {
	return partyIDs(tx, provisionRefs(p, ""))
}

// provisionRefs lists the parties a provision names, each with the field
// that names it (after prefix).
func provisionRefs(p *models.Provision, prefix string) []partyRef {
	var refs []partyRef
	for _, r := range p.PartyReferences() {
		refs = append(refs, partyRef{prefix + r.Field, r.Party})
	}
	return refs
}

func writeProvisionParties(tx *gorm.DB, provisionID int64, parties []models.ProvisionParty, ids map[string]int64) error {
	return replaceLinks(tx, "provision_id", provisionID, parties, func(i int, pp models.ProvisionParty) provisionPartyRecord {
		return provisionPartyRecord{ProvisionID: provisionID, PartyID: ids[pp.Party], Role: pp.Role, Stance: pp.Stance,
			StanceDate: pp.StanceDate, StanceSources: citationsJSON(pp.StanceSources), Position: i}
	})
}
