package server

import (
	"context"
	"fmt"

	"plantracker/store"
)

// backup runs "plantracker backup FILE": a consistent snapshot of the
// SQLite database, safe while serving.
func backup(ctx context.Context, std IO, args []string) error {
	return fileCommand(ctx, "backup", std, args, false, func(s *store.Store, file string) (string, error) {
		if err := s.Backup(ctx, file); err != nil {
			return "", err
		}
		return fmt.Sprintf("backed up to %s (integrity check: ok)", file), nil
	})
}
