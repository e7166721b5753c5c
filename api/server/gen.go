package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"plantracker/store"
	"plantracker/store/gen"
)

// generate runs "plantracker gen": it adds generated plans, drafts and
// provisions to the database, for benchmarks and load tests.
func generate(ctx context.Context, std IO, args []string) error {
	var cfg gen.Config
	flags := func(fs *flag.FlagSet) {
		fs.IntVar(&cfg.Plans, "plans", 10, "plans to add")
		fs.IntVar(&cfg.Drafts, "drafts", 100, "drafts per plan, each forked from the one before")
		fs.IntVar(&cfg.Provisions, "provisions", 100, "provisions per draft")
		fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed: the same seed gives the same data")
	}
	check := func(positional []string) error {
		if len(positional) != 0 {
			return errors.New("usage: plantracker gen [-plans N] [-drafts M] [-provisions K] [-seed S]")
		}
		return nil
	}
	c := storeCommand{name: "gen", ownSeed: true, flags: flags, check: check}
	return c.run(ctx, std, args, func(s *store.Store, _ []string) error {
		started := time.Now()
		cfg.Progress = func(r gen.Result) {
			fmt.Fprintf(std.Out, "  %s (%s)\n", r, time.Since(started).Round(time.Second))
		}
		res, err := gen.Generate(ctx, s, cfg)
		if err != nil {
			return err
		}
		fmt.Fprintf(std.Out, "added %s in %s\n", res, time.Since(started).Round(time.Millisecond))
		return nil
	})
}
