// Command plantracker serves the Plantracker web UI and REST API over one
// database, and runs the operator's tasks on it.
//
//	plantracker [serve]   serve the UI and API (the default)
//	plantracker seed      load the seed data into the database (idempotent)
//
// Configuration comes from flags, or PLANTRACKER_* environment variables:
//
//	-addr  PLANTRACKER_ADDR  listen address (default :8080)
//	-db    PLANTRACKER_DB    SQLite file, or a postgres:// DSN (default plantracker.db)
//	-sync  PLANTRACKER_SYNC  SQLite synchronous: FULL (default) or NORMAL
//	-seed  PLANTRACKER_SEED  load the seed data into an empty database (default true)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/api/auth"
	"plantracker/seeds"
	"plantracker/store"
)

type config struct {
	addr string
	db   string
	sync string
	seed bool
}

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err := run(os.Args[1:]); err != nil {
		slog.Error("plantracker", "err", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	cfg, err := parseConfig(cmd, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "serve":
		return serve(ctx, cfg)
	case "seed":
		return seed(ctx, cfg)
	default:
		return fmt.Errorf("unknown command %q: use serve or seed", cmd)
	}
}

func parseConfig(cmd string, args []string) (config, error) {
	fs := flag.NewFlagSet("plantracker "+cmd, flag.ContinueOnError)
	var cfg config
	fs.StringVar(&cfg.addr, "addr", env("PLANTRACKER_ADDR", ":8080"), "listen address")
	fs.StringVar(&cfg.db, "db", env("PLANTRACKER_DB", "plantracker.db"), "SQLite file or postgres:// DSN")
	fs.StringVar(&cfg.sync, "sync", env("PLANTRACKER_SYNC", "FULL"), "SQLite synchronous: FULL or NORMAL")
	seedDefault, err := strconv.ParseBool(env("PLANTRACKER_SEED", "true"))
	if err != nil {
		return cfg, fmt.Errorf("PLANTRACKER_SEED: %w", err)
	}
	fs.BoolVar(&cfg.seed, "seed", seedDefault, "load the seed data into an empty database")
	return cfg, fs.Parse(args)
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func openStore(ctx context.Context, cfg config) (*store.Store, error) {
	return store.Open(ctx, cfg.db, store.Options{Synchronous: cfg.sync})
}

func seed(ctx context.Context, cfg config) error {
	s, err := openStore(ctx, cfg)
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

func serve(ctx context.Context, cfg config) error {
	started := time.Now()
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer func() {
		if err := s.Close(); err != nil {
			slog.Error("closing the database", "err", err)
		}
	}()
	if cfg.seed {
		empty, err := s.Empty(ctx)
		if err != nil {
			return err
		}
		if empty {
			res, err := seeds.Load(ctx, s)
			if err != nil {
				return err
			}
			slog.Info("new database: seed data loaded", "added", res.String())
		}
	}

	srv := &http.Server{
		Addr:              cfg.addr,
		Handler:           newEngine(s),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute, // PDF exports of large drafts take a while
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	slog.Info("serving", "addr", cfg.addr, "db", s.Dialect(), "startup_ms", time.Since(started).Milliseconds(),
		"url", "http://localhost"+portOf(cfg.addr))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newEngine builds the one Gin engine both surfaces are mounted on, with
// the middleware they share.
func newEngine(s *store.Store) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(gin.Recovery(), auth.RequestID(), auth.AccessLog(), auth.SecurityHeaders(), auth.MaxBodyBytes(api.MaxBodyBytes))
	api.New(s).Mount(r)
	r.NoRoute(func(c *gin.Context) {
		if api.IsAPIPath(c.Request.URL.Path) {
			api.NotFound(c)
			return
		}
		c.String(http.StatusNotFound, "Not found")
	})
	r.NoMethod(func(c *gin.Context) {
		if api.IsAPIPath(c.Request.URL.Path) {
			api.MethodNotAllowed(c)
			return
		}
		c.String(http.StatusMethodNotAllowed, "Method not allowed")
	})
	return r
}

func portOf(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return ""
}
