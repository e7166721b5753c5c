package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// Provision returns the provision with id, with its parties.
func (s *Store) Provision(ctx context.Context, id int64) (models.Provision, error) {
	return loadProvision(s.reader(ctx), id)
}

// DraftProvisions returns every provision of a draft in the draft's order.
func (s *Store) DraftProvisions(ctx context.Context, draftID int64) ([]models.Provision, error) {
	db := s.reader(ctx)
	if _, err := loadDraft(db, draftID); err != nil {
		return nil, err
	}
	return loadProvisions(db.Where("draft_id = ?", draftID).Order("sort_key").Order(inByteOrder(db, "key")))
}

func loadProvision(db *gorm.DB, id int64) (models.Provision, error) {
	ps, err := loadProvisions(db.Where("id = ?", id))
	if err != nil {
		return models.Provision{}, err
	}
	if len(ps) == 0 {
		return models.Provision{}, fmt.Errorf("%w: no provision %d", ErrNotFound, id)
	}
	return ps[0], nil
}

// partyBatch bounds the ids per IN list, well below every database's limit
// on bound parameters.
const partyBatch = 5000

// loadProvisions runs a query for provisions and fills in their parties with
// one more query per batch (never one per provision).
func loadProvisions(q *gorm.DB) ([]models.Provision, error) {
	var recs []provisionRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	type link struct {
		ProvisionID int64
		ShortName   string
		Role        string
		Stance      string
	}
	byProvision := make(map[int64][]models.ProvisionParty, len(recs))
	for start := 0; start < len(recs); start += partyBatch {
		end := min(start+partyBatch, len(recs))
		ids := make([]int64, 0, end-start)
		for _, r := range recs[start:end] {
			ids = append(ids, r.ID)
		}
		var links []link
		err := q.Session(&gorm.Session{NewDB: true}).Table("provision_parties pp").
			Select("pp.provision_id, p.short_name, pp.role, pp.stance").
			Joins("JOIN parties p ON p.id = pp.party_id").
			Where("pp.provision_id IN ?", ids).Order("pp.provision_id, pp.position").Scan(&links).Error
		if err != nil {
			return nil, err
		}
		for _, l := range links {
			byProvision[l.ProvisionID] = append(byProvision[l.ProvisionID],
				models.ProvisionParty{Party: l.ShortName, Role: l.Role, Stance: l.Stance})
		}
	}
	out := make([]models.Provision, len(recs))
	for i, r := range recs {
		out[i] = r.model(byProvision[r.ID])
	}
	return out, nil
}

// CreateProvision validates and stores a new provision in its draft.
func (s *Store) CreateProvision(ctx context.Context, actor string, p models.Provision) (models.Provision, error) {
	if err := p.Validate(); err != nil {
		return models.Provision{}, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		var err error
		p, err = s.createProvision(tx, actor, p)
		return err
	})
	return p, err
}

func (s *Store) createProvision(tx *gorm.DB, actor string, p models.Provision) (models.Provision, error) {
	if _, err := loadDraft(tx, p.DraftID); err != nil {
		return p, err
	}
	ids, err := checkProvisionRefs(tx, &p)
	if err != nil {
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
	return s.modifyProvision(ctx, actor, id, ifVersion, func(p *models.Provision) error {
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
// read it in the transaction, check the version, apply edit, validate,
// write with the version guard, record the change. A write that changes
// nothing is not recorded and does not bump the version.
func (s *Store) modifyProvision(ctx context.Context, actor string, id int64, ifVersion int, edit func(*models.Provision) error) (models.Provision, error) {
	var after models.Provision
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := loadProvision(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("provision", id, ifVersion, before.Version); err != nil {
			return err
		}
		after = before
		after.Parties = append([]models.ProvisionParty(nil), before.Parties...)
		after.Terms = append(json.RawMessage(nil), before.Terms...)
		if err := edit(&after); err != nil {
			return err
		}
		if err := after.Validate(); err != nil {
			return err
		}
		if sameJSON(before, after) {
			return nil
		}
		ids, err := checkProvisionRefs(tx, &after)
		if err != nil {
			return err
		}
		if err := uniqueKey(tx, after.DraftID, after.Key, id); err != nil {
			return err
		}
		rec := provisionRecordOf(after)
		if err := bumpVersion(tx, &provisionRecord{}, "provision", id, before.Version, map[string]any{
			"key": rec.Key, "point": rec.Point, "sort_key": rec.SortKey, "category": rec.Category,
			"kind": rec.Kind, "title": rec.Title, "text": rec.Text, "terms": rec.Terms,
			"status": rec.Status, "sourcing": rec.Sourcing, "citation": rec.Citation, "updated_at": s.now(),
		}); err != nil {
			return err
		}
		if err := writeProvisionParties(tx, id, after.Parties, ids); err != nil {
			return err
		}
		if after, err = loadProvision(tx, id); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityProvision, id, models.ActionUpdate, before, after)
	})
	return after, err
}

// DeleteProvision removes a provision.
func (s *Store) DeleteProvision(ctx context.Context, actor string, id int64, ifVersion int) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := loadProvision(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("provision", id, ifVersion, before.Version); err != nil {
			return err
		}
		if err := deleteVersion(tx, &provisionRecord{}, "provision", id, before.Version); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityProvision, id, models.ActionDelete, before, nil)
	})
}

func uniqueKey(tx *gorm.DB, draftID int64, key string, exceptID int64) error {
	var n int64
	if err := tx.Model(&provisionRecord{}).Where("draft_id = ? AND key = ? AND id <> ?", draftID, key, exceptID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("%w: draft %d already has a provision with key %s", ErrDuplicate, draftID, key)
	}
	return nil
}

// checkProvisionRefs checks that every party the provision names exists:
// its party links and the party-typed terms of its kind. It returns the ids
// of the linked parties.
func checkProvisionRefs(tx *gorm.DB, p *models.Provision) (map[string]int64, error) {
	var refs []partyRef
	for i, pp := range p.Parties {
		refs = append(refs, partyRef{fmt.Sprintf("parties[%d].party", i), pp.Party})
	}
	if k, ok := models.KindByName(p.Kind); ok {
		values := models.TermValues(p.Terms)
		for _, f := range k.Fields {
			raw, ok := values[f.Name]
			if !ok {
				continue
			}
			switch f.Type {
			case models.FieldParty:
				var name string
				if json.Unmarshal(raw, &name) == nil && name != "" {
					refs = append(refs, partyRef{"terms." + f.Name, name})
				}
			case models.FieldParties:
				var names []string
				_ = json.Unmarshal(raw, &names)
				for i, name := range names {
					refs = append(refs, partyRef{fmt.Sprintf("terms.%s[%d]", f.Name, i), name})
				}
			}
		}
	}
	return partyIDs(tx, refs)
}

func writeProvisionParties(tx *gorm.DB, provisionID int64, parties []models.ProvisionParty, ids map[string]int64) error {
	if err := tx.Where("provision_id = ?", provisionID).Delete(&provisionPartyRecord{}).Error; err != nil {
		return err
	}
	if len(parties) == 0 {
		return nil
	}
	recs := make([]provisionPartyRecord, len(parties))
	for i, pp := range parties {
		recs[i] = provisionPartyRecord{ProvisionID: provisionID, PartyID: ids[pp.Party], Role: pp.Role, Stance: pp.Stance, Position: i}
	}
	return tx.Create(&recs).Error
}
