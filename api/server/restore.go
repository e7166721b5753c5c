package server

import (
	"context"
	"fmt"

	"plantracker/store"
)

// restore runs "plantracker restore FILE": it replaces the SQLite
// database's contents with a backup's, keeping the database as it was.
func restore(ctx context.Context, std IO, args []string) error {
	return fileCommand(ctx, "restore", std, args, false, func(s *store.Store, file string) (string, error) {
		kept, err := s.Restore(ctx, file)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("restored from %s; the database as it was is kept in %s", file, kept), nil
	})
}
