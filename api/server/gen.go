package server

import (
	"context"
	"errors"
	"fmt"
	"time"

	"plantracker/store/gen"
)

// generate runs "plantracker gen": it adds generated plans, drafts and
// provisions to the database, for benchmarks and load tests.
func generate(ctx context.Context, std IO, args []string) error {
	var db storeConfig
	var cfg gen.Config
	fs := newFlags("gen", std)
	db.register(fs)
	acceptServing(fs, false)
	fs.IntVar(&cfg.Plans, "plans", 10, "plans to add")
	fs.IntVar(&cfg.Drafts, "drafts", 100, "drafts per plan, each forked from the one before")
	fs.IntVar(&cfg.Provisions, "provisions", 100, "provisions per draft")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed: the same seed gives the same data")
	positional, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 0 {
		return errors.New("usage: plantracker gen [-plans N] [-drafts M] [-provisions K] [-seed S]")
	}
	s, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
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
}
