package store

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"

	"plantracker/models"
)

// positionRecord: a party's stated position on a provision key. The party
// is referenced by id, like every other party link, so renaming its short
// name cannot orphan the position, and a party with positions cannot be
// deleted (RESTRICT).
type positionRecord struct {
	ID      int64        `gorm:"primaryKey" json:"id"`
	PartyID int64        `gorm:"not null;index" json:"party_id"`
	Party   *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Key     string       `gorm:"not null;index" json:"key"`
	Kind    string       `gorm:"not null" json:"kind"`
	Term    string       `gorm:"not null;default:''" json:"term"`
	Op      string       `gorm:"not null;default:''" json:"op"`
	Value   string       `gorm:"type:text;not null;default:''" json:"value"` // canonical JSON, "" when none
	Words   string       `gorm:"type:text;not null;default:''" json:"words"`
	RedLine bool         `gorm:"not null;default:false" json:"red_line"`
	Date    string       `gorm:"not null" json:"date"`
	Quote   string       `gorm:"type:text;not null;default:''" json:"quote"`
	Sources string       `gorm:"type:text;not null;default:'[]'" json:"sources"` // JSON list of models.Citation
	StampColumns
}

func (positionRecord) TableName() string { return "positions" }

func (r positionRecord) model(party string) models.Position {
	var value json.RawMessage
	if r.Value != "" {
		value = json.RawMessage(r.Value)
	}
	return models.Position{ID: r.ID, Party: party, Key: r.Key, Kind: r.Kind, Term: r.Term, Op: r.Op,
		Value: value, Words: r.Words, RedLine: r.RedLine, Date: r.Date, Quote: r.Quote,
		Sources: citationsOf(r.Sources), RowStamps: r.stamps()}
}

func positionRecordOf(p models.Position, partyID int64) positionRecord {
	return positionRecord{ID: p.ID, PartyID: partyID, Key: p.Key, Kind: p.Kind, Term: p.Term, Op: p.Op,
		Value: string(p.Value), Words: p.Words, RedLine: p.RedLine, Date: p.Date, Quote: p.Quote,
		Sources: citationsJSON(p.Sources), StampColumns: StampColumns(p.RowStamps)}
}

// PositionFilter narrows a list of positions; empty fields do not filter.
type PositionFilter struct {
	Party string // short name
	Key   string
}

// Positions returns the positions the filter lets through, by key, date and
// party.
func (s *Store) Positions(ctx context.Context, f PositionFilter) ([]models.Position, error) {
	db := s.reader(ctx)
	q := db.Order(inByteOrder(db, "key")).Order("date").Order("id")
	if f.Key != "" {
		q = q.Where("key = ?", f.Key)
	}
	if f.Party != "" {
		q = q.Where("party_id IN (?)", db.Session(&gorm.Session{NewDB: true}).Model(&partyRecord{}).Select("id").Where("short_name = ?", f.Party))
	}
	return loadPositions(q)
}

// AllPositions returns every position.
func (s *Store) AllPositions(ctx context.Context) ([]models.Position, error) {
	return s.Positions(ctx, PositionFilter{})
}

// Position returns the position with id.
func (s *Store) Position(ctx context.Context, id int64) (models.Position, error) {
	return positionTable.loadRow(s.reader(ctx), id)
}

func loadPositions(q *gorm.DB) ([]models.Position, error) {
	return loadNamingParty(q, func(r positionRecord) int64 { return r.PartyID }, positionRecord.model,
		func(p models.Position) []models.Citation { return p.Sources })
}

// CreatePosition validates and stores a new position.
func (s *Store) CreatePosition(ctx context.Context, actor string, p models.Position) (models.Position, error) {
	return createRow(ctx, s, actor, positionTable, p,
		func(tx *gorm.DB, p models.Position) (int64, error) {
			partyID, err := partyAndSources(tx, p.Party, p.SourceReferences())
			if err != nil {
				return 0, err
			}
			rec := positionRecordOf(p, partyID)
			err = translate(tx.Create(&rec).Error, "position")
			return rec.ID, err
		})
}

// positionTable is how the update and delete sequences change positions.
var positionTable = entityTable[models.Position]{
	entity: "position", change: models.EntityPosition, record: &positionRecord{},
	list:     loadPositions,
	stamps:   func(p *models.Position) *models.RowStamps { return &p.RowStamps },
	validate: (*models.Position).Validate,
	fill: func(db *gorm.DB, p *models.Position) error {
		_, err := partyAndSources(db, p.Party, p.SourceReferences())
		return err
	},
	sources: func(p *models.Position) *[]models.Citation { return &p.Sources },
	write: func(_ *Store, tx *gorm.DB, _ string, before, after models.Position) error {
		ids, err := partyIDs(tx, []partyRef{{"party", after.Party}})
		if err != nil {
			return err
		}
		rec := positionRecordOf(after, ids[after.Party])
		return bumpVersion(tx, &positionRecord{}, "position", before.ID, before.Version, map[string]any{
			"party_id": rec.PartyID, "key": rec.Key, "kind": rec.Kind, "term": rec.Term, "op": rec.Op,
			"value": rec.Value, "words": rec.Words, "red_line": rec.RedLine, "date": rec.Date,
			"quote": rec.Quote, "sources": rec.Sources, "updated_at": after.UpdatedAt,
		})
	},
	reload: true,
}

// UpdatePosition applies a patch to a position still at ifVersion (0: any).
func (s *Store) UpdatePosition(ctx context.Context, actor string, id int64, ifVersion int, patch models.PositionPatch) (models.Position, error) {
	return updateRow(ctx, s, actor, models.ActionUpdate, id, ifVersion, positionTable, patched(patch.Apply))
}

// DeletePosition removes a position still at ifVersion (0: any).
func (s *Store) DeletePosition(ctx context.Context, actor string, id int64, ifVersion int) error {
	return deleteRow(ctx, s, actor, id, ifVersion, positionTable, nil)
}
