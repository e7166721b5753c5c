package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"plantracker/models"
)

// DraftStances returns the stances on a draft as a whole, by date then id.
func (s *Store) DraftStances(ctx context.Context, draftID int64) ([]models.DraftStance, error) {
	db := s.reader(ctx)
	if _, err := loadDraft(db, draftID); err != nil {
		return nil, err
	}
	return loadDraftStances(db.Where("draft_id = ?", draftID).Order("date, id"))
}

// DraftStancesOf returns the stances on each of the drafts, by draft id,
// for reports that show several drafts (a comparison's head).
func (s *Store) DraftStancesOf(ctx context.Context, draftIDs []int64) (map[int64][]models.DraftStance, error) {
	out := map[int64][]models.DraftStance{}
	if len(draftIDs) == 0 {
		return out, nil
	}
	all, err := loadDraftStances(s.reader(ctx).Where("draft_id IN ?", draftIDs).Order("date, id"))
	if err != nil {
		return nil, err
	}
	for _, ds := range all {
		out[ds.DraftID] = append(out[ds.DraftID], ds)
	}
	return out, nil
}

// DraftStance returns the stance with id.
func (s *Store) DraftStance(ctx context.Context, id int64) (models.DraftStance, error) {
	return loadDraftStance(s.reader(ctx), id)
}

func loadDraftStance(db *gorm.DB, id int64) (models.DraftStance, error) {
	out, err := loadDraftStances(db.Where("id = ?", id))
	if err != nil {
		return models.DraftStance{}, err
	}
	if len(out) == 0 {
		return models.DraftStance{}, fmt.Errorf("%w: no draft stance %d", ErrNotFound, id)
	}
	return out[0], nil
}

// loadDraftStances runs a query for stances and names their parties and
// sources with one more query each.
func loadDraftStances(q *gorm.DB) ([]models.DraftStance, error) {
	var recs []draftStanceRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(recs))
	for i, r := range recs {
		ids[i] = r.PartyID
	}
	fresh := q.Session(&gorm.Session{NewDB: true})
	names, err := partyNamesByID(fresh, ids)
	if err != nil {
		return nil, err
	}
	out := make([]models.DraftStance, len(recs))
	lists := make([][]models.Citation, len(recs))
	for i, r := range recs {
		out[i] = models.DraftStance{ID: r.ID, DraftID: r.DraftID, Party: names[r.PartyID], Stance: r.Stance,
			Date: r.Date, Quote: r.Quote, Sources: citationsOf(r.Sources), Version: r.Version,
			CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
		lists[i] = out[i].Sources
	}
	if err := fillReferences(fresh, lists...); err != nil {
		return nil, err
	}
	return out, nil
}

// checkDraftStance checks what the stance names: its draft, party and
// sources. It returns the party's id.
func checkDraftStance(tx *gorm.DB, ds models.DraftStance) (int64, error) {
	if _, err := loadDraft(tx, ds.DraftID); err != nil {
		return 0, err
	}
	ids, err := partyIDs(tx, []partyRef{{"party", ds.Party}})
	if err != nil {
		return 0, err
	}
	if err := checkSources(tx, ds.SourceReferences()); err != nil {
		return 0, err
	}
	return ids[ds.Party], nil
}

// CreateDraftStance validates and stores a stance on a draft as a whole.
func (s *Store) CreateDraftStance(ctx context.Context, actor string, ds models.DraftStance) (models.DraftStance, error) {
	if err := ds.Validate(); err != nil {
		return models.DraftStance{}, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		var err error
		ds, err = s.createDraftStance(tx, actor, ds)
		return err
	})
	return ds, err
}

func (s *Store) createDraftStance(tx *gorm.DB, actor string, ds models.DraftStance) (models.DraftStance, error) {
	partyID, err := checkDraftStance(tx, ds)
	if err != nil {
		return ds, err
	}
	now := s.now()
	rec := draftStanceRecord{ID: ds.ID, DraftID: ds.DraftID, PartyID: partyID, Stance: ds.Stance, Date: ds.Date,
		Quote: ds.Quote, Sources: citationsJSON(ds.Sources), Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(&rec).Error; err != nil {
		return ds, translate(err, "draft stance")
	}
	if ds, err = loadDraftStance(tx, rec.ID); err != nil {
		return ds, err
	}
	return ds, s.recordChange(tx, actor, models.EntityDraftStance, ds.ID, models.ActionCreate, nil, ds)
}

// UpdateDraftStance applies a patch to a stance, if it is still at
// ifVersion (0: any).
func (s *Store) UpdateDraftStance(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftStancePatch) (models.DraftStance, error) {
	var after models.DraftStance
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		if err := lockForUpdate(tx, &draftStanceRecord{}, id); err != nil {
			return err
		}
		before, err := loadDraftStance(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("draft stance", id, ifVersion, before.Version); err != nil {
			return err
		}
		after = before
		patch.Apply(&after)
		if err := after.Validate(); err != nil {
			return err
		}
		if err := fillReferences(tx, after.Sources); err != nil {
			return err
		}
		if sameJSON(before, after) {
			return nil
		}
		partyID, err := checkDraftStance(tx, after)
		if err != nil {
			return err
		}
		if err := bumpVersion(tx, &draftStanceRecord{}, "draft stance", id, before.Version, map[string]any{
			"party_id": partyID, "stance": after.Stance, "date": after.Date, "quote": after.Quote,
			"sources": citationsJSON(after.Sources), "updated_at": s.now(),
		}); err != nil {
			return err
		}
		if after, err = loadDraftStance(tx, id); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityDraftStance, id, models.ActionUpdate, before, after)
	})
	return after, err
}

// DeleteDraftStance removes a stance, if it is still at ifVersion (0: any).
func (s *Store) DeleteDraftStance(ctx context.Context, actor string, id int64, ifVersion int) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := loadDraftStance(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("draft stance", id, ifVersion, before.Version); err != nil {
			return err
		}
		if err := deleteVersion(tx, &draftStanceRecord{}, "draft stance", id, before.Version); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityDraftStance, id, models.ActionDelete, before, nil)
	})
}

// draftStance puts a deleted stance back, with its id, version and times.
func (u undo) draftStance(ds models.DraftStance) error {
	if err := u.absent(&draftStanceRecord{}, "draft stance", ds.ID); err != nil {
		return err
	}
	if err := ds.Validate(); err != nil {
		return err
	}
	var n int64
	if err := u.tx.Model(&draftRecord{}).Where("id = ?", ds.DraftID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: the stance was on draft %d, which is deleted; undo the draft's deletion first", ErrConflict, ds.DraftID)
	}
	partyID, err := checkDraftStance(u.tx, ds)
	if err != nil {
		return err
	}
	rec := draftStanceRecord{ID: ds.ID, DraftID: ds.DraftID, PartyID: partyID, Stance: ds.Stance, Date: ds.Date,
		Quote: ds.Quote, Sources: citationsJSON(ds.Sources), Version: ds.Version, CreatedAt: ds.CreatedAt, UpdatedAt: ds.UpdatedAt}
	if err := u.tx.Create(&rec).Error; err != nil {
		return translate(err, "draft stance")
	}
	back, err := loadDraftStance(u.tx, ds.ID)
	if err != nil {
		return err
	}
	return u.record(models.EntityDraftStance, ds.ID, back)
}
