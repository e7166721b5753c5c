package server

import (
	"context"
	"fmt"
)

// restore runs "plantracker restore FILE": it replaces the SQLite
// database's contents with a backup's, keeping the database as it was.
func restore(ctx context.Context, std IO, args []string) error {
	db, file, err := fileCommand("restore", std, args, false)
	if err != nil {
		return err
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	kept, err := s.Restore(ctx, file)
	if err != nil {
		return err
	}
	fmt.Fprintf(std.Out, "restored from %s; the database as it was is kept in %s\n", file, kept)
	return nil
}
