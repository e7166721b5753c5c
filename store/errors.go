package store

import "errors"

// The errors a store method returns wrap one of these, so callers branch with
// errors.Is and show the wrapped message, which names what went wrong in the
// caller's terms. Validation failures are *models.ValidationError instead.
var (
	// ErrNotFound: no row with that id.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the row changed since the caller read it (stale version).
	ErrConflict = errors.New("version conflict")
	// ErrDuplicate: the write would break a uniqueness rule (a second
	// provision with the same key in one draft, a second party UA).
	ErrDuplicate = errors.New("duplicate")
	// ErrInUse: the row is still referenced and cannot be deleted.
	ErrInUse = errors.New("still in use")
	// ErrInvalidQuery: a list query that cannot be run, such as one with a
	// malformed cursor. It is the caller's mistake, not the database's.
	ErrInvalidQuery = errors.New("invalid query")
)
