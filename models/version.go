package models

// RowVersion is the optimistic-concurrency version of a row, behind its
// ETag, for code that handles any versioned entity alike.
func (p Party) RowVersion() int { return p.Version }

// RowVersion is the optimistic-concurrency version of a row.
func (p Plan) RowVersion() int { return p.Version }

// RowVersion is the optimistic-concurrency version of a row.
func (d Draft) RowVersion() int { return d.Version }

// RowVersion is the optimistic-concurrency version of a row.
func (p Provision) RowVersion() int { return p.Version }

// RowVersion is the optimistic-concurrency version of a row.
func (s Source) RowVersion() int { return s.Version }

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
