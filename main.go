// Command plantracker serves the Plantracker web UI and REST API over one
// database, and runs the operator's tasks on it.
//
//	plantracker [serve]                       serve the UI and API (the default)
//	plantracker seed                          load the seed data into the database (idempotent)
//	plantracker user add NAME [-role ROLE]    add a user; prints a generated password (or -password-stdin)
//	plantracker user passwd NAME              set a new password (generated, or -password-stdin); ends
//	                                          the user's sessions and API tokens (-keep-tokens: not the tokens)
//	plantracker user role NAME ROLE           change a user's role: viewer, editor or admin
//	plantracker user list | remove NAME
//	plantracker token create -user NAME -name LABEL   prints a new API token, once
//	plantracker token list [-user NAME] | revoke ID
//	plantracker backup FILE     a consistent snapshot of the SQLite database, safe while serving
//	plantracker restore FILE    replace the SQLite database's contents with a backup's
//	plantracker export [FILE]   everything, as JSON (to standard output without FILE)
//	plantracker import FILE     load an export into an empty database (SQLite or PostgreSQL)
//	plantracker gen [-plans N] [-drafts M] [-provisions K] [-seed S]
//	                            add N plans × M drafts × K provisions of generated data (benchmarks)
//
// Configuration comes from flags, or PLANTRACKER_* environment variables:
//
//	-addr  PLANTRACKER_ADDR  listen address (default :8080)
//	-db    PLANTRACKER_DB    SQLite file, or a postgres:// DSN (default plantracker.db)
//	-sync  PLANTRACKER_SYNC  SQLite synchronous: FULL (default) or NORMAL
//	-seed  PLANTRACKER_SEED  load the seed data into an empty database (default true)
//	-trusted-proxies  PLANTRACKER_TRUSTED_PROXIES  proxies (IPs or CIDRs, comma-separated) whose
//	                  X-Forwarded-For is believed; none by default
//	-public-url       PLANTRACKER_PUBLIC_URL       the address people use; https makes cookies Secure
//
// GOMEMLIMIT, Go's soft limit on the memory its runtime manages, is 64MiB
// unless set (Go's own default is none): the heap is collected sooner
// rather than let grow to twice what is live, which under load held a
// server at 130 MB of anonymous memory where its data needed half. It is
// a soft limit: a command that needs more (an import of a large export)
// gets it, with more time spent collecting. SQLite's page caches (at most
// 10 MB with the default pool) come on top; GOMEMLIMIT=off lifts it.
//
// On first start, with no users, an "admin" user is created with the
// password in PLANTRACKER_ADMIN_PASSWORD, or a random one printed once.
//
// The commands live in plantracker/api/server, one file each, with the
// engine both surfaces are mounted on; main only hands them the arguments.
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"plantracker/api/server"
)

// defaultMemoryLimit is GOMEMLIMIT where the environment does not set it.
const defaultMemoryLimit = 64 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err := run(os.Args[1:]); err != nil {
		slog.Error("plantracker", "err", err)
		os.Exit(1)
	}
}

// run runs the command args name until it ends, or until an interrupt or
// SIGTERM ends it (serve then shuts down gracefully).
func run(args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return server.Run(ctx, args, server.StdIO())
}
