package server

import (
	"context"
	"fmt"
)

// backup runs "plantracker backup FILE": a consistent snapshot of the
// SQLite database, safe while serving.
func backup(ctx context.Context, std IO, args []string) error {
	db, file, err := fileCommand("backup", std, args, false)
	if err != nil {
		return err
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, file); err != nil {
		return err
	}
	fmt.Fprintf(std.Out, "backed up to %s (integrity check: ok)\n", file)
	return nil
}

// fileCommand parses the arguments of a command that takes the database's
// flags and one file (backup, restore, export, import), or none when
// optional.
func fileCommand(name string, std IO, args []string, optional bool) (storeConfig, string, error) {
	db, positional, err := storeCommand(name, std, args)
	if err != nil {
		return db, "", err
	}
	switch {
	case len(positional) == 1:
		return db, positional[0], nil
	case len(positional) == 0 && optional:
		return db, "", nil
	}
	return db, "", fmt.Errorf("usage: plantracker %s FILE", name)
}
