// Package store is Plantracker's persistence: the domain of package models
// kept with GORM in SQLite or PostgreSQL, the same code on both, the
// database chosen by the DSN given to Open ("postgres://…",
// "postgresql://…" or "host=… dbname=…" selects PostgreSQL; anything else is
// a SQLite file path or "file:" URI). It holds the migrations, the queries
// (lists, search, reports, timelines), and the use cases that change data:
// every change of a plan, draft, provision, source, party, position,
// implementation step, stance on a draft, event or user role goes through
// one update sequence (updateRow, update.go): lock the row, load it, check
// the version the caller expects (If-Match), apply the edit, validate it,
// stop if nothing changed, write it under a new version guarded by the one
// read, and record a Change row (the audit trail) in the same transaction.
// Each entity declares once what the sequence needs of its table
// (partyTable, planTable, …), its citations among it. Deleting a party,
// source, provision, position, step, stance or event takes one delete
// sequence (deleteRow) over the same declaration, and creating a position,
// step, stance or event one create sequence (createRow); the other
// creations and the deletions of plans and drafts (which take their drafts
// and provisions along) record their Change too, and a deletion recorded so
// can be undone (UndoDelete, which puts rows back through the same tables).
//
// All GORM calls of the program live here; api and ui call the store's
// methods (nouns: Provision, Provisions, CreateProvision) and get models
// values and the package-level errors of errors.go (ErrNotFound,
// ErrConflict, ErrDuplicate, ErrInUse, …) back.
//
// # Rules
//
//   - Inside a transaction (inTx) use the tx it hands over, never the
//     store's handles: on SQLite there is one writer connection, which the
//     transaction already holds, so the outer handle would wait for it
//     forever.
//   - SQLite: WAL, foreign_keys=ON, busy_timeout, synchronous=FULL (NORMAL
//     only by Options), _txlock=immediate, one writer connection
//     (SetMaxOpenConns(1): writers queue in Go, never see "database is
//     locked") and a separate pool of readers; GORM's PrepareStmt and
//     cache=shared stay off. Reads outside a transaction go to the readers
//     (reader).
//   - PostgreSQL runs transactions side by side (READ COMMITTED): a write
//     that reads a row and then writes depending on it locks the row first
//     (lockForUpdate), and every update or delete is guarded by the version
//     it read (bumpVersion, deleteVersion), so a stale write fails with
//     ErrConflict and changes nothing.
//   - gorm.Config{TranslateError: true}: duplicates and foreign-key
//     violations come back typed, and translate maps them onto the store's
//     errors.
//   - Times are UTC to the microsecond (what PostgreSQL keeps), so a row
//     reads back the same from either database.
//   - FTS5 needs the build tag sqlite_fts5 on every build, test and run.
//   - A database that cannot be written (read-only file or server, a full
//     disk) opens read-only: reads work, writes fail with ErrReadOnly or
//     ErrStorageFull.
//
// # Files
//
// Opening, the schema and transactions:
//
//	open.go, open_readonly.go   Open: the DSN, the pools, the pragmas; a database that is read-only
//	migrate.go, migrate_citations.go   the schema (AutoMigrate, FTS, indexes) and upgrades of old rows
//	records.go, auth_records.go, convert.go   the GORM rows and their conversion to and from models
//	tx.go                       inTx, recordChange, the version guards, the row lock, error translation
//	update.go                   the one update sequence (updateRow), the delete sequence (deleteRow)
//	errors.go, storage.go, filter_text.go   the package's errors; a read-only or full database; text PostgreSQL refuses
//	health.go                   WriteProbe for /healthz
//
// The domain, one file per entity, and its use cases:
//
//	parties.go, party_terms.go  parties; a new short name carried into the terms that name the party
//	plans.go                    plans
//	drafts.go, draft_create.go, draft_parse.go   drafts; a draft with its provisions at once; a draft read from its text
//	provisions.go, bulk.go      provisions; many at once
//	provision_merge.go          a JSON Merge Patch of a provision
//	provision_restore.go        a provision put back as one of its earlier versions (not a database restore: backup.go)
//	sources.go                  sources and the citations that name them
//	draft_stances.go, events.go   stances on a draft as a whole; events (records_chronology.go: their rows)
//	changes.go, deleted.go, undo.go   the audit trail; the deletions that can be undone, and undoing them
//
// Queries and reports:
//
//	list.go                     provision lists: filters, full-text search (FTS5, tsvector), cursors
//	reports.go, timeline.go, asof.go   summary, comparison, matrix; a key's timeline; as-of times of documents
//
// People and access:
//
//	users.go, last_admin.go     users, roles, passwords; never without an admin
//	sessions.go, tokens.go, token_cache.go, secrets.go, bookkeeping.go   sign-in sessions, API tokens, their cache, secrets, last-use notes
//
// The database as a whole:
//
//	backup.go, backup_schema.go   an online SQLite backup, its integrity check, and restoring a database from one
//	transfer.go, transfer_text.go   export and import of everything as JSON, across databases
//
// # Packages below
//
// store/gen fills a store with generated data, for benchmarks and load
// tests (the gen command).
// store/dataset writes everything the store holds as a researchers'
// dataset (a zip of CSV files and a codebook) for GET /api/v1/dataset.zip.
// It writes files, yet sits here rather than in ui/export: it is served by
// the API, and api must not import ui; it reads through a small interface
// of the store's queries, the whole database table by table, as
// transfer.go's export does. store/storetest is the test support for
// stores on both databases (a throwaway PostgreSQL, fresh stores, a random
// draft).
package store
