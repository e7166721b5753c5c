package server

import (
	"bufio"
	"context"
	"fmt"
	"os"
)

// importCommand runs "plantracker import FILE": it loads an export into an
// empty database (SQLite or PostgreSQL).
func importCommand(ctx context.Context, std IO, args []string) error {
	db, file, err := fileCommand("import", std, args, false)
	if err != nil {
		return err
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := s.Import(ctx, bufio.NewReader(f)); err != nil {
		return err
	}
	fmt.Fprintf(std.Out, "imported %s\n", file)
	return nil
}
