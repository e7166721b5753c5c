package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"plantracker/models"
)

// positionRecord: a party's stated position on a provision key. The party
// is referenced by id, like every other party link, so renaming its short
// name cannot orphan the position, and a party with positions cannot be
// deleted (RESTRICT).
type positionRecord struct {
	ID        int64        `gorm:"primaryKey" json:"id"`
	PartyID   int64        `gorm:"not null;index" json:"party_id"`
	Party     *partyRecord `gorm:"foreignKey:PartyID;constraint:OnDelete:RESTRICT" json:"-"`
	Key       string       `gorm:"not null;index" json:"key"`
	Kind      string       `gorm:"not null" json:"kind"`
	Term      string       `gorm:"not null;default:''" json:"term"`
	Op        string       `gorm:"not null;default:''" json:"op"`
	Value     string       `gorm:"type:text;not null;default:''" json:"value"` // canonical JSON, "" when none
	Words     string       `gorm:"type:text;not null;default:''" json:"words"`
	RedLine   bool         `gorm:"not null;default:false" json:"red_line"`
	Date      string       `gorm:"not null" json:"date"`
	Quote     string       `gorm:"type:text;not null;default:''" json:"quote"`
	Sources   string       `gorm:"type:text;not null;default:'[]'" json:"sources"` // JSON list of models.Citation
	Version   int          `gorm:"not null" json:"version"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
}

func (positionRecord) TableName() string { return "positions" }

func (r positionRecord) model(party string) models.Position {
	var value json.RawMessage
	if r.Value != "" {
		value = json.RawMessage(r.Value)
	}
	return models.Position{ID: r.ID, Party: party, Key: r.Key, Kind: r.Kind, Term: r.Term, Op: r.Op,
		Value: value, Words: r.Words, RedLine: r.RedLine, Date: r.Date, Quote: r.Quote,
		Sources: citationsOf(r.Sources), Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

func positionRecordOf(p models.Position, partyID int64) positionRecord {
	return positionRecord{ID: p.ID, PartyID: partyID, Key: p.Key, Kind: p.Kind, Term: p.Term, Op: p.Op,
		Value: string(p.Value), Words: p.Words, RedLine: p.RedLine, Date: p.Date, Quote: p.Quote,
		Sources: citationsJSON(p.Sources), Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
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
	return loadPosition(s.reader(ctx), id)
}

func loadPosition(db *gorm.DB, id int64) (models.Position, error) {
	ps, err := loadPositions(db.Where("id = ?", id))
	if err != nil {
		return models.Position{}, err
	}
	if len(ps) == 0 {
		return models.Position{}, fmt.Errorf("%w: no position %d", ErrNotFound, id)
	}
	return ps[0], nil
}

func loadPositions(q *gorm.DB) ([]models.Position, error) {
	var recs []positionRecord
	if err := q.Find(&recs).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, len(recs))
	for i, r := range recs {
		ids[i] = r.PartyID
	}
	db := q.Session(&gorm.Session{NewDB: true})
	names, err := partyNamesByID(db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]models.Position, len(recs))
	lists := make([][]models.Citation, len(recs))
	for i, r := range recs {
		out[i] = r.model(names[r.PartyID])
		lists[i] = out[i].Sources
	}
	return out, fillReferences(db, lists...)
}

// CreatePosition validates and stores a new position.
func (s *Store) CreatePosition(ctx context.Context, actor string, p models.Position) (models.Position, error) {
	if err := p.Validate(); err != nil {
		return models.Position{}, err
	}
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		partyID, err := positionRefs(tx, p)
		if err != nil {
			return err
		}
		now := s.now()
		p.Version, p.CreatedAt, p.UpdatedAt = 1, now, now
		rec := positionRecordOf(p, partyID)
		if err := tx.Create(&rec).Error; err != nil {
			return translate(err, "position")
		}
		if p, err = loadPosition(tx, rec.ID); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityPosition, p.ID, models.ActionCreate, nil, p)
	})
	return p, err
}

// positionRefs checks that the position's party and sources exist and
// returns the party's id.
func positionRefs(tx *gorm.DB, p models.Position) (int64, error) {
	ids, err := partyIDs(tx, []partyRef{{"party", p.Party}})
	if err != nil {
		return 0, err
	}
	if err := checkSources(tx, p.SourceReferences()); err != nil {
		return 0, err
	}
	return ids[p.Party], nil
}

// UpdatePosition applies a patch to a position still at ifVersion (0: any).
func (s *Store) UpdatePosition(ctx context.Context, actor string, id int64, ifVersion int, patch models.PositionPatch) (models.Position, error) {
	var after models.Position
	err := s.inTx(ctx, func(tx *gorm.DB) error {
		if err := lockForUpdate(tx, &positionRecord{}, id); err != nil {
			return err
		}
		before, err := loadPosition(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("position", id, ifVersion, before.Version); err != nil {
			return err
		}
		after = before
		after.Sources = append([]models.Citation(nil), before.Sources...)
		patch.Apply(&after)
		if err := after.Validate(); err != nil {
			return err
		}
		partyID, err := positionRefs(tx, after)
		if err != nil {
			return err
		}
		if err := fillReferences(tx, after.Sources); err != nil {
			return err
		}
		if sameJSON(before, after) {
			return nil
		}
		after.Version, after.UpdatedAt = before.Version+1, s.now()
		rec := positionRecordOf(after, partyID)
		if err := bumpVersion(tx, &positionRecord{}, "position", id, before.Version, map[string]any{
			"party_id": rec.PartyID, "key": rec.Key, "kind": rec.Kind, "term": rec.Term, "op": rec.Op,
			"value": rec.Value, "words": rec.Words, "red_line": rec.RedLine, "date": rec.Date,
			"quote": rec.Quote, "sources": rec.Sources, "updated_at": after.UpdatedAt,
		}); err != nil {
			return err
		}
		if after, err = loadPosition(tx, id); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityPosition, id, models.ActionUpdate, before, after)
	})
	return after, err
}

// DeletePosition removes a position still at ifVersion (0: any).
func (s *Store) DeletePosition(ctx context.Context, actor string, id int64, ifVersion int) error {
	return s.inTx(ctx, func(tx *gorm.DB) error {
		before, err := loadPosition(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion("position", id, ifVersion, before.Version); err != nil {
			return err
		}
		if err := deleteVersion(tx, &positionRecord{}, "position", id, before.Version); err != nil {
			return err
		}
		return s.recordChange(tx, actor, models.EntityPosition, id, models.ActionDelete, before, nil)
	})
}
