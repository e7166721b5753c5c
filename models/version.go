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
