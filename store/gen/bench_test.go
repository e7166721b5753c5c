package gen_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// Benchmarks of the store's hot paths, on generated data: the database
// PLANTRACKER_BENCH_DB names (make bench generates 102,000 provisions), or
// else a smaller one generated here (storetest.OpenBenchDB).

var (
	worldOnce sync.Once
	world     storetest.BenchDB
	worldErr  error
	worldDir  string
)

// benchStore returns the generated world, opened once for all the
// benchmarks, and has the benchmark report its allocations.
func benchStore(b *testing.B) storetest.BenchDB {
	b.Helper()
	worldOnce.Do(func() { world, worldErr = openBenchWorld() })
	if worldErr != nil {
		b.Fatal(worldErr)
	}
	b.ReportAllocs()
	return world
}

// picker returns a function that picks an id at random, from a source
// seeded alike on every run so that runs read the same rows.
func picker() func(ids []int64) int64 {
	rng := rand.New(rand.NewPCG(1, 2))
	return func(ids []int64) int64 { return ids[rng.IntN(len(ids))] }
}

func openBenchWorld() (storetest.BenchDB, error) {
	dir, err := os.MkdirTemp("", "plantracker-bench-")
	if err != nil {
		return storetest.BenchDB{}, err
	}
	worldDir = dir
	// A copy: the write benchmark must leave the generated database as it is.
	return storetest.OpenBenchDB(context.Background(), filepath.Join(dir, "bench.db"))
}

func TestMain(m *testing.M) {
	code := m.Run()
	if world.Store != nil {
		world.Store.Close()
	}
	if worldDir != "" {
		os.RemoveAll(worldDir)
	}
	os.Exit(code)
}

// BenchmarkStoreProvision: one provision with its parties, by id.
func BenchmarkStoreProvision(b *testing.B) {
	w := benchStore(b)
	pick := picker()
	for b.Loop() {
		if _, err := w.Store.Provision(b.Context(), pick(w.IDs)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreDraftPage: the first page of 50 of a draft's provisions.
func BenchmarkStoreDraftPage(b *testing.B) {
	w := benchStore(b)
	pick := picker()
	for b.Loop() {
		page, err := w.Store.Provisions(b.Context(), store.ProvisionFilter{DraftID: pick(w.Small), Limit: 50})
		if err != nil || len(page.Items) != 50 {
			b.Fatal(len(page.Items), err)
		}
	}
}

// BenchmarkStoreSearch: a filtered full-text search across all drafts,
// first page of 50.
func BenchmarkStoreSearch(b *testing.B) {
	w := benchStore(b)
	i := 0
	for b.Loop() {
		f := searchFilters[i%len(searchFilters)]
		f.Limit = 50
		if _, err := w.Store.Provisions(b.Context(), f); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkStoreComparison: two 1,000-provision drafts loaded and compared.
func BenchmarkStoreComparison(b *testing.B) {
	w := benchStore(b)
	for b.Loop() {
		if _, err := w.Store.Comparison(b.Context(), w.Big[0], w.Big[1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreDraftProvisions: every provision of a 1,000-provision
// draft, as compare, matrix, summary and exports load them.
func BenchmarkStoreDraftProvisions(b *testing.B) {
	w := benchStore(b)
	for b.Loop() {
		ps, err := w.Store.DraftProvisions(b.Context(), w.Big[0])
		if err != nil || len(ps) != 1000 {
			b.Fatal(len(ps), err)
		}
	}
}

// BenchmarkStoreUpdateProvision: a PATCH's work in the store, on a
// provision of a small draft (write transaction, change row, commit with
// synchronous=NORMAL here: the commit's fsync is the floor's business).
func BenchmarkStoreUpdateProvision(b *testing.B) {
	w := benchStore(b)
	pick := picker()
	n := 0
	for b.Loop() {
		n++
		title := "Revised in a benchmark, " + strconv.Itoa(n)
		if _, err := w.Store.UpdateProvision(b.Context(), "bench", pick(w.IDs), 0, models.ProvisionPatch{Title: &title}); err != nil {
			b.Fatal(err)
		}
	}
}
