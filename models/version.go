package models

import "time"

// RowStamps are what the store keeps on every editable row besides its
// fields: the optimistic-concurrency version behind its ETag, and when the
// row was created and last updated. Embedded last in an entity, its fields
// are the entity's own, in JSON too.
type RowStamps struct {
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// RowVersion is the row's version, for code that handles any versioned
// entity alike (an ETag, an edit form's hidden version).
func (s RowStamps) RowVersion() int { return s.Version }

// RowID is the row's id, for code that handles any entity alike (the
// Location of a created one).
func (p Party) RowID() int64 { return p.ID }

// RowID is the row's id.
func (p Plan) RowID() int64 { return p.ID }

// RowID is the row's id.
func (s Source) RowID() int64 { return s.ID }

// RowID is the row's id.
func (d Draft) RowID() int64 { return d.ID }

// RowID is the row's id.
func (p Provision) RowID() int64 { return p.ID }
