package server

import (
	"context"
	"log/slog"

	"plantracker/seeds"
	"plantracker/store"
)

// seed runs "plantracker seed": it loads the seed data into the database,
// adding only what is not there yet.
func seed(ctx context.Context, std IO, args []string) error {
	return storeCommand{name: "seed"}.run(ctx, std, args, func(s *store.Store, _ []string) error {
		res, err := seeds.Load(ctx, s)
		if err != nil {
			return err
		}
		slog.Info("seed data loaded", "added", res.String())
		return nil
	})
}
