package server

import (
	"context"
	"log/slog"

	"plantracker/seeds"
)

// seed runs "plantracker seed": it loads the seed data into the database,
// adding only what is not there yet.
func seed(ctx context.Context, std IO, args []string) error {
	db, _, err := storeCommand("seed", std, args)
	if err != nil {
		return err
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := seeds.Load(ctx, s)
	if err != nil {
		return err
	}
	slog.Info("seed data loaded", "added", res.String())
	return nil
}
