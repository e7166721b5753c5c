# Plantracker. Two commands matter on a fresh machine:
#   make run   build and serve the UI and API on ./plantracker.db with the seed data
#   make test  install what the tests need (Chromium, PostgreSQL, poppler-utils, Redocly CLI, html-validate) and run every test
#
# SQLite full-text search (FTS5) needs the sqlite_fts5 build tag on every build,
# test and run; always go through this Makefile or pass -tags sqlite_fts5 yourself.

GO       ?= go
TAGS     := sqlite_fts5
BIN      := bin/plantracker
PKGS     := ./...
export CGO_ENABLED := 1
# SQLite is compiled into the binary (mattn/go-sqlite3's amalgamation) with
# two of its documented compile-time options, on top of Go's default flags:
#   SQLITE_ENABLE_QPSG: the query planner never re-plans a statement because
#     of the values bound to it. Without it SQLite 3.5x prepares a statement
#     again on every run whose parameters it looked at while planning, among
#     them the full-text index's own lookups by segment: a tenth of a
#     search's CPU, and a seventh of its throughput under load.
#   SQLITE_DEFAULT_MEMSTATUS=0: no global lock around every allocation to
#     count memory nobody reads (SQLite's recommended setting).
# A build without them works the same, only slower; store's
# TestSQLiteCompileOptions tells you so.
export CGO_CFLAGS := -O2 -g -DSQLITE_ENABLE_QPSG -DSQLITE_DEFAULT_MEMSTATUS=0

.PHONY: all build install run test test-deps check bench bench-deps fuzz clean

all: build

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

# install: the binary as `plantracker` in $(go env GOPATH)/bin.
install:
	$(GO) install -tags $(TAGS) .

run: build
	./$(BIN) serve

# check: formatting and vet, fast, no external programs needed.
check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet -tags $(TAGS) $(PKGS)

test-deps:
	@./.ci/install-test-deps

test: test-deps check
	$(GO) test -tags $(TAGS) -count=1 -timeout 20m $(PKGS)

# bench: the Go benchmarks, then the HTTP load (api/bench) on a generated
# database of 102,000 provisions in 1,002 drafts: 10 plans × 100 drafts ×
# 100 provisions, and a plan of two 1,000-provision drafts to compare. The
# load is wrk's (installed where missing, like the test tools), against the
# server and against a bare floor, figure by figure. The database is kept
# in tmp/bench/ until the generator or the schema changes. It ends with
# the table the README quotes. PLANTRACKER_BENCH_SECONDS sets the seconds
# per load (default 10).
BENCH_DIR := tmp/bench
BENCH_DB  := $(BENCH_DIR)/gen-102k.db
BENCH_ENV := PLANTRACKER_BENCH_DB=$(abspath $(BENCH_DB))

bench: SHELL := /bin/bash
bench: .SHELLFLAGS := -o pipefail -c
bench-deps:
	@./.ci/install-bench-deps

bench: build bench-deps $(BENCH_DB)
	$(BENCH_ENV) $(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 60m $(PKGS) | tee $(BENCH_DIR)/go-bench.txt
	$(BENCH_ENV) PLANTRACKER_BENCH_BIN=$(abspath $(BIN)) PLANTRACKER_BENCH_GO=$(abspath $(BENCH_DIR))/go-bench.txt \
		PLANTRACKER_BENCH_REPORT=$(abspath $(BENCH_DIR))/report.md \
		$(GO) test -tags $(TAGS) -run '^TestLoad$$' -count=1 -v -timeout 30m ./api/bench
	@echo; cat $(BENCH_DIR)/report.md

BENCH_SCHEMA := store/records.go store/migrate.go store/migrate_search.go store/search_facets.go store/search_terms.go store/party_links_column.go
$(BENCH_DB): $(filter-out %_test.go,$(wildcard store/gen/*.go)) store/bulk.go $(BENCH_SCHEMA) | build
	@mkdir -p $(BENCH_DIR)
	rm -f $@ $@.tmp $@.tmp-wal $@.tmp-shm
	./$(BIN) gen -db $@.tmp -sync NORMAL -plans 10 -drafts 100 -provisions 100 -seed 1
	./$(BIN) gen -db $@.tmp -sync NORMAL -plans 1 -drafts 2 -provisions 1000 -seed 2
	mv $@.tmp $@

FUZZTIME ?= 30s
fuzz:
	@./.ci/fuzz $(FUZZTIME)

clean:
	rm -rf bin
