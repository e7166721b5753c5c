package server

import (
	"bufio"
	"context"
	"os"

	"plantracker/store"
)

// importCommand runs "plantracker import FILE": it loads an export into an
// empty database (SQLite or PostgreSQL).
func importCommand(ctx context.Context, std IO, args []string) error {
	return fileCommand(ctx, "import", std, args, false, func(s *store.Store, file string) (string, error) {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if err := s.Import(ctx, bufio.NewReader(f)); err != nil {
			return "", err
		}
		return "imported " + file, nil
	})
}
