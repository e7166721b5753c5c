# Plantracker. Two commands matter on a fresh machine:
#   make run   build and serve the UI and API on ./plantracker.db with the seed data
#   make test  install what the tests need (Chromium, PostgreSQL, poppler-utils) and run every test
#
# SQLite full-text search (FTS5) needs the sqlite_fts5 build tag on every build,
# test and run; always go through this Makefile or pass -tags sqlite_fts5 yourself.

GO       ?= go
TAGS     := sqlite_fts5
BIN      := bin/plantracker
PKGS     := ./...
export CGO_ENABLED := 1

.PHONY: all build run test test-deps check bench fuzz clean

all: build

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

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

bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 60m $(PKGS)

FUZZTIME ?= 30s
fuzz:
	@./.ci/fuzz $(FUZZTIME)

clean:
	rm -rf bin
