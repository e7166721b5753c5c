package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/sync/semaphore"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect is the database behind a store.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store persists the domain. All of its methods are safe for concurrent use.
//
// On SQLite it holds two pools over one file: a single writer connection
// (SQLite allows one writer at a time; queueing writers in Go instead of in
// SQLite's busy handler means no request ever sees "database is locked") and
// a pool of readers, which WAL lets run beside the writer. On PostgreSQL both
// are the same pool.
type Store struct {
	dialect Dialect
	// path is the SQLite database file ("" on PostgreSQL).
	path string
	// readOnly, when not empty, says why the database cannot be written:
	// the store then serves reads and refuses writes with ErrReadOnly.
	readOnly string
	write    *gorm.DB
	read     *gorm.DB
	now      func() time.Time
	// bcryptCost is the work factor of new password hashes.
	bcryptCost int
	// dummyHash is compared against when a username does not exist, so
	// that a sign-in attempt takes as long whether or not the account
	// exists: it has the cost of the real hashes. It is made on first use:
	// hashing at start-up would slow every start.
	dummyHash func() []byte
	// tokens caches the user behind each recently used API token.
	tokens tokenCache
	// searches are the turns full-text searches take on SQLite
	// (takeSearchTurn).
	searches *semaphore.Weighted
	// terms are the full-text index's terms, for searching a word as the
	// terms it begins (search_terms.go).
	terms searchTerms
}

// Options tune how a store is opened.
type Options struct {
	// Synchronous is SQLite's synchronous setting: "FULL" (the default: an
	// acknowledged write survives power loss) or "NORMAL" (faster commits;
	// the last transactions may be lost on power loss, never corrupted).
	Synchronous string
	// Readers is the size of the SQLite read pool (default 4).
	Readers int
	// Conns is the size of the PostgreSQL connection pool (default 16).
	// Mind the server's max_connections (100 by default) across all
	// instances.
	Conns int
	// Logger receives GORM's logs; nil keeps it silent but for errors.
	Logger logger.Interface
	// BcryptCost is the work factor of password hashes (default
	// bcrypt.DefaultCost); tests lower it to stay fast.
	BcryptCost int
}

// Open opens the store a DSN names and brings its schema up to date.
// "postgres://…", "postgresql://…" or a "host=… dbname=…" keyword string
// selects PostgreSQL; anything else is a SQLite file path (or "file:" URI).
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if opts.Logger == nil {
		opts.Logger = logger.Default.LogMode(logger.Silent)
	}
	cfg := &gorm.Config{
		TranslateError:         true,
		Logger:                 opts.Logger,
		SkipDefaultTransaction: true, // every write is already in an explicit transaction
		NowFunc:                now,
	}
	s := &Store{now: now, bcryptCost: opts.BcryptCost, searches: newSearchTurns()}
	if s.bcryptCost == 0 {
		s.bcryptCost = bcrypt.DefaultCost
	}
	s.dummyHash = sync.OnceValue(func() []byte {
		h, _ := bcrypt.GenerateFromPassword([]byte("no such user, no such password"), s.bcryptCost)
		return h
	})
	var err error
	if isPostgres(dsn) {
		s.dialect = Postgres
		s.write, err = gorm.Open(postgres.Open(dsn), cfg)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		s.read = s.write
		db, err := s.write.DB()
		if err != nil {
			return nil, err
		}
		// database/sql's defaults are no limit on open connections and two
		// idle ones: under load every request beyond two would open a new
		// PostgreSQL connection (a new server process) and close it again,
		// and enough of them at once exhaust the server's max_connections.
		conns := opts.Conns
		if conns <= 0 {
			conns = 16
		}
		db.SetMaxOpenConns(conns)
		db.SetMaxIdleConns(conns)
		db.SetConnMaxIdleTime(5 * time.Minute)
		if s.readOnly, err = postgresReadOnly(ctx, s.write); err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
	} else {
		s.dialect = SQLite
		if err := s.openSQLite(dsn, opts, cfg); err != nil {
			return nil, err
		}
	}
	if s.readOnly != "" {
		// Nothing may be written, a schema update least of all: the
		// schema must already be the one this binary reads.
		if err := s.checkReadOnlySchema(ctx); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return s, nil
}

// now is the store's clock: UTC, to the microsecond, which is what
// PostgreSQL keeps, so that a row reads back the same from either database
// (and an export from one imports into the other unchanged).
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") ||
		(strings.Contains(dsn, "host=") && strings.Contains(dsn, "dbname="))
}

func (s *Store) openSQLite(dsn string, opts Options, cfg *gorm.Config) error {
	sync := strings.ToUpper(opts.Synchronous)
	if sync == "" {
		sync = "FULL"
	}
	if sync != "FULL" && sync != "NORMAL" {
		return fmt.Errorf("sqlite synchronous must be FULL or NORMAL, not %q", opts.Synchronous)
	}
	readers := opts.Readers
	if readers <= 0 {
		readers = 4
	}
	path := strings.TrimPrefix(dsn, "file:")
	path, query, _ := strings.Cut(path, "?")
	if path == "" {
		return errors.New("sqlite: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	s.path = abs
	params, err := url.ParseQuery(query)
	if err != nil {
		return fmt.Errorf("sqlite dsn: %w", err)
	}
	uri := sqliteURI(abs)
	reason, immutable, err := sqliteAccess(abs)
	if err != nil {
		return err
	}
	if reason == "" && params.Get("mode") == "ro" {
		reason = "it was opened with mode=ro"
	}
	if reason != "" {
		return s.openSQLiteReadOnly(uri, params, immutable, readers, cfg, reason)
	}
	// mattn/go-sqlite3 applies these to every new connection.
	params.Set("_journal_mode", "WAL")
	params.Set("_foreign_keys", "on")
	params.Set("_busy_timeout", "10000")
	params.Set("_synchronous", sync)
	params.Set("_txlock", "immediate")
	// Each connection keeps its most recent prepared statements, keyed by
	// their SQL, instead of preparing every query afresh: the same few
	// queries serve most requests, and preparing one costs as much as
	// running it. (This is the driver's cache, below database/sql; GORM's
	// PrepareStmt stays off.)
	params.Set("_stmt_cache_size", "64")
	// Each connection without SQLite's own mutex (SQLITE_OPEN_NOMUTEX,
	// "multi-thread" mode): database/sql lends a connection to one
	// goroutine at a time and holds it across every call into the driver,
	// so the mutex guarded nothing, yet SQLite took it for every step and
	// every column read: 5 % of a comparison's CPU in a profile of the
	// live server (perf record), none without it. What may cross threads
	// still does: the driver interrupts a cancelled query with
	// sqlite3_interrupt, which SQLite allows from any thread.
	params.Set("_mutex", "no")
	// The writer's page cache is SQLite's default, 2 MB: a write touches a
	// row, its index entries and the full-text segments it adds to, and
	// pages it needs again are in the operating system's cache anyway.
	params.Set("_cache_size", strconv.Itoa(-writerCacheKB))
	full := uri + "?" + params.Encode()

	if s.write, err = gorm.Open(sqlite.Open(full), cfg); err != nil {
		return fmt.Errorf("open sqlite: %w", err)
	}
	wdb, err := s.write.DB()
	if err != nil {
		return err
	}
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	if err := wdb.Ping(); err != nil {
		return fmt.Errorf("open sqlite %s: %w", abs, explainOpenError(abs, err))
	}

	params.Set("_txlock", "deferred")
	params.Set("_query_only", "true")
	params.Set("_cache_size", strconv.Itoa(-readerCacheKB))
	if s.read, err = gorm.Open(sqlite.Open(uri+"?"+params.Encode()), cfg); err != nil {
		return fmt.Errorf("open sqlite readers: %w", err)
	}
	rdb, err := s.read.DB()
	if err != nil {
		return err
	}
	rdb.SetMaxOpenConns(readers)
	rdb.SetMaxIdleConns(readers)
	return nil
}

// The page caches of the SQLite connections, in KiB (anonymous memory
// outside the Go heap, so outside GOMEMLIMIT): SQLite's default, 2 MB each,
// at most 10 MB with the default four readers and the writer. Readers had
// 8 MB each, so that the full-text index a search probes would stay in
// them; measured again with wrk, searches were no slower with 2 MB (the
// pages come from the operating system's cache, which every process on
// the machine shares) and the server's peak memory under the search load
// was 20 MB lower.
const (
	readerCacheKB = 2000
	writerCacheKB = 2000
)

// Dialect says which database the store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks that the database answers, for health checks.
func (s *Store) Ping(ctx context.Context) error {
	db, err := s.read.DB()
	if err != nil {
		return err
	}
	return db.PingContext(ctx)
}

// Close checkpoints the WAL (on SQLite) and closes the pools.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil && s.read != s.write {
		if db, err := s.read.DB(); err == nil {
			errs = append(errs, db.Close())
		}
	}
	if s.write != nil {
		if s.dialect == SQLite {
			errs = append(errs, s.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error)
		}
		if db, err := s.write.DB(); err == nil {
			errs = append(errs, db.Close())
		}
	}
	return errors.Join(errs...)
}
