package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// bulkBatch is how many rows one INSERT of CreateProvisions carries: 500
// provisions of 16 columns stay far below every database's limit on bound
// parameters (SQLite's 32,766; PostgreSQL's 65,535).
const bulkBatch = 500

// CreateProvisions adds many provisions, to one draft or several, in one
// transaction: all of them, or none when any is refused. Each provision is
// checked as CreateProvision checks one (models' validation, parties that
// exist, a key unique within its draft) and its creation is recorded in the
// audit trail; but the rows go in with a few multi-row statements per
// batch instead of several statements per provision, which is what makes
// loading a large data set (an import, a generated benchmark database)
// take seconds rather than minutes. Errors name the provision by its index
// in ps: "[12].terms.limit".
func (s *Store) CreateProvisions(ctx context.Context, actor string, ps []models.Provision) ([]models.Provision, error) {
	if len(ps) == 0 {
		return []models.Provision{}, nil
	}
	out := make([]models.Provision, len(ps))
	verr := &models.ValidationError{}
	type draftKey struct {
		draft int64
		key   string
	}
	seen := make(map[draftKey]int, len(ps))
	var refs []partyRef
	var sourceRefs []models.SourceReference
	for i, p := range ps {
		p.Parties = append([]models.ProvisionParty(nil), p.Parties...)
		if err := p.Validate(); err != nil {
			verr.Merge(fmt.Sprintf("[%d]", i), asValidationError(err))
		}
		dk := draftKey{p.DraftID, p.Key}
		if j, dup := seen[dk]; dup {
			return nil, fmt.Errorf("%w: provisions %d and %d both have key %s in draft %d", ErrDuplicate, j, i, p.Key, p.DraftID)
		}
		seen[dk] = i
		refs = append(refs, provisionRefs(&p, fmt.Sprintf("[%d].", i))...)
		for _, r := range p.SourceReferences() {
			sourceRefs = append(sourceRefs, models.SourceReference{Field: fmt.Sprintf("[%d].%s", i, r.Field), Source: r.Source})
		}
		out[i] = p
	}
	if err := verr.Err(); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		if err := draftsExist(tx, out); err != nil {
			return err
		}
		ids, err := partyIDs(tx, refs)
		if err != nil {
			return err
		}
		if err := checkSources(tx, sourceRefs); err != nil {
			return err
		}
		now := s.now()
		recs := make([]provisionRecord, len(out))
		for i := range out {
			out[i].ID, out[i].Version, out[i].CreatedAt, out[i].UpdatedAt = 0, 1, now, now
			recs[i] = provisionRecordOf(out[i])
		}
		if err := tx.CreateInBatches(&recs, bulkBatch).Error; err != nil {
			return translate(err, "provision")
		}
		var links []provisionPartyRecord
		for i, r := range recs {
			for pos, pp := range out[i].Parties {
				links = append(links, provisionPartyRecord{ProvisionID: r.ID, PartyID: ids[pp.Party],
					Role: pp.Role, Stance: pp.Stance, StanceDate: pp.StanceDate,
					StanceSources: citationsJSON(pp.StanceSources), Position: pos})
			}
		}
		if len(links) > 0 {
			if err := tx.CreateInBatches(&links, bulkBatch).Error; err != nil {
				return translate(err, "provision party")
			}
		}
		// What the audit trail records is the provision as it now reads,
		// exactly as CreateProvision records it.
		changes := make([]changeRecord, len(recs))
		for i, r := range recs {
			out[i] = r.model(out[i].Parties)
		}
		if err := fillProvisionReferences(tx, out...); err != nil {
			return err
		}
		for i, r := range recs {
			changes[i] = changeRecord{At: now, Actor: actor, Entity: models.EntityProvision, EntityID: r.ID,
				Action: models.ActionCreate, Before: jsonOrNull(nil), After: jsonOrNull(out[i])}
		}
		return tx.CreateInBatches(&changes, bulkBatch).Error
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// draftsExist checks that every provision's draft exists, with one query.
func draftsExist(tx *gorm.DB, ps []models.Provision) error {
	want := map[int64]bool{}
	for _, p := range ps {
		want[p.DraftID] = true
	}
	ids := make([]int64, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	var found []int64
	if err := tx.Model(&draftRecord{}).Where("id IN ?", ids).Pluck("id", &found).Error; err != nil {
		return err
	}
	for _, id := range found {
		delete(want, id)
	}
	for id := range want {
		return fmt.Errorf("%w: no draft %d", ErrNotFound, id)
	}
	return nil
}

// asValidationError returns err as a ValidationError (Validate returns
// nothing else), or one naming no field.
func asValidationError(err error) *models.ValidationError {
	if v, ok := err.(*models.ValidationError); ok {
		return v
	}
	return &models.ValidationError{Errors: []models.FieldError{{Field: "", Message: err.Error()}}}
}
