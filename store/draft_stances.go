package store

import (
	"context"

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
	return draftStanceTable.loadRow(s.reader(ctx), id)
}

// loadDraftStances runs a query for stances and names their parties and
// sources with one more query each.
func loadDraftStances(q *gorm.DB) ([]models.DraftStance, error) {
	return loadNamingParty(q, func(r draftStanceRecord) int64 { return r.PartyID }, draftStanceRecord.model,
		func(ds models.DraftStance) []models.Citation { return ds.Sources })
}

// checkDraftStance checks what the stance names: its draft, party and
// sources. It returns the party's id.
func checkDraftStance(tx *gorm.DB, ds models.DraftStance) (int64, error) {
	if _, err := loadDraft(tx, ds.DraftID); err != nil {
		return 0, err
	}
	return partyAndSources(tx, ds.Party, ds.SourceReferences())
}

func (r draftStanceRecord) model(party string) models.DraftStance {
	return models.DraftStance{ID: r.ID, DraftID: r.DraftID, Party: party, Stance: r.Stance,
		Date: r.Date, Quote: r.Quote, Sources: citationsOf(r.Sources), RowStamps: r.stamps()}
}

func draftStanceRecordOf(ds models.DraftStance, partyID int64) draftStanceRecord {
	return draftStanceRecord{ID: ds.ID, DraftID: ds.DraftID, PartyID: partyID, Stance: ds.Stance, Date: ds.Date,
		Quote: ds.Quote, Sources: citationsJSON(ds.Sources), StampColumns: StampColumns(ds.RowStamps)}
}

// CreateDraftStance validates and stores a stance on a draft as a whole.
func (s *Store) CreateDraftStance(ctx context.Context, actor string, ds models.DraftStance) (models.DraftStance, error) {
	return createRow(ctx, s, actor, draftStanceTable, ds, insertDraftStance)
}

// draftStanceTable is how the update and delete sequences change stances
// on drafts. What a stance names (its draft, party and sources) is checked
// when it is written, once the edit changed something.
var draftStanceTable = entityTable[models.DraftStance]{
	entity: "draft stance", change: models.EntityDraftStance, record: &draftStanceRecord{},
	list:     loadDraftStances,
	stamps:   func(ds *models.DraftStance) *models.RowStamps { return &ds.RowStamps },
	validate: (*models.DraftStance).Validate,
	sources:  func(ds *models.DraftStance) *[]models.Citation { return &ds.Sources },
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.DraftStance) error {
		partyID, err := checkDraftStance(tx, after)
		if err != nil {
			return err
		}
		rec := draftStanceRecordOf(after, partyID)
		return bumpVersion(tx, &draftStanceRecord{}, "draft stance", before.ID, before.Version, map[string]any{
			"party_id": rec.PartyID, "stance": rec.Stance, "date": rec.Date, "quote": rec.Quote,
			"sources": rec.Sources, "updated_at": after.UpdatedAt,
		})
	},
	reload: true,
}

// UpdateDraftStance applies a patch to a stance, if it is still at
// ifVersion (0: any).
func (s *Store) UpdateDraftStance(ctx context.Context, actor string, id int64, ifVersion int, patch models.DraftStancePatch) (models.DraftStance, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, draftStanceTable, patched(patch.Apply))
}

// DeleteDraftStance removes a stance, if it is still at ifVersion (0: any).
func (s *Store) DeleteDraftStance(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, draftStanceTable, nil)
}

// insertDraftStance writes ds's row as it stands, if what it names exists.
// Creating and undoing a deletion both write a stance this way.
func insertDraftStance(tx *gorm.DB, ds models.DraftStance) (int64, error) {
	partyID, err := checkDraftStance(tx, ds)
	if err != nil {
		return 0, err
	}
	rec := draftStanceRecordOf(ds, partyID)
	err = translate(tx.Create(&rec).Error, "draft stance")
	return rec.ID, err
}

// draftStance puts a deleted stance back, with its id, version and times.
func (u undo) draftStance(ds models.DraftStance) error {
	return restoreRow(u, draftStanceTable, ds.ID, ds, func(tx *gorm.DB, ds models.DraftStance) (int64, error) {
		if err := requireBack(tx.Model(&draftRecord{}).Where("id = ?", ds.DraftID),
			"the stance was on draft %d, which is deleted; undo the draft's deletion first", ds.DraftID); err != nil {
			return 0, err
		}
		return insertDraftStance(tx, ds)
	})
}
