package store

import (
	"context"
	"log/slog"

	"gorm.io/gorm"
)

// noteUse runs a bookkeeping write (when a token was last used, a session
// last seen) and reports whether it was written. A failure is logged, not
// returned: reading with a valid token must go on when the database cannot
// be written (read-only, full), and /healthz reports that state. On a store
// opened read-only nothing is tried.
func (s *Store) noteUse(ctx context.Context, what string, write func(tx *gorm.DB) error) bool {
	if s.readOnly != "" {
		return false
	}
	if err := s.inTx(ctx, write); err != nil {
		slog.WarnContext(ctx, "could not note "+what+"; the request goes on", "err", err)
		return false
	}
	return true
}
