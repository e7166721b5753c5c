package gen_test

import (
	"context"
	"database/sql"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/models"
	"plantracker/store"
	"plantracker/store/gen"
)

// Benchmarks of the store's hot paths, on generated data: the database
// PLANTRACKER_BENCH_DB names (make bench generates 102,000 provisions), or
// else a smaller one generated here (5,000 provisions of 4 plans, and two
// 1,000-provision drafts to compare).

type benchWorld struct {
	s     *store.Store
	ids   []int64 // provisions
	small []int64 // drafts of under 1,000 provisions
	big   [2]int64
}

var (
	worldOnce sync.Once
	world     benchWorld
	worldErr  error
	worldDir  string
)

func benchStore(b *testing.B) benchWorld {
	b.Helper()
	worldOnce.Do(func() { world, worldErr = openBenchWorld() })
	if worldErr != nil {
		b.Fatal(worldErr)
	}
	return world
}

func openBenchWorld() (benchWorld, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "plantracker-bench-")
	if err != nil {
		return benchWorld{}, err
	}
	worldDir = dir
	path := filepath.Join(dir, "bench.db")
	// A copy: the write benchmark must leave the generated database as it is.
	src := os.Getenv("PLANTRACKER_BENCH_DB")
	generate := src == ""
	if !generate {
		if err := copyFile(src, path); err != nil {
			return benchWorld{}, err
		}
	}
	s, err := store.Open(ctx, path, store.Options{Synchronous: "NORMAL", BcryptCost: bcrypt.MinCost})
	if err != nil {
		return benchWorld{}, err
	}
	if generate {
		for _, cfg := range []gen.Config{{Plans: 5, Drafts: 10, Provisions: 100, Seed: 1}, {Plans: 1, Drafts: 2, Provisions: 1000, Seed: 2}} {
			if _, err := gen.Generate(ctx, s, cfg); err != nil {
				return benchWorld{}, err
			}
		}
	}
	w := benchWorld{s: s}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return w, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id FROM provisions ORDER BY id`)
	if err != nil {
		return w, err
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		w.ids = append(w.ids, id)
	}
	rows.Close()
	rows, err = db.Query(`SELECT draft_id, COUNT(*) FROM provisions GROUP BY draft_id ORDER BY draft_id`)
	if err != nil {
		return w, err
	}
	for rows.Next() {
		var id, n int64
		rows.Scan(&id, &n)
		if n < 1000 {
			w.small = append(w.small, id)
		} else if w.big[0] == 0 {
			w.big[0] = id
		} else if w.big[1] == 0 {
			w.big[1] = id
		}
	}
	return w, rows.Close()
}

func TestMain(m *testing.M) {
	code := m.Run()
	if world.s != nil {
		world.s.Close()
	}
	if worldDir != "" {
		os.RemoveAll(worldDir)
	}
	os.Exit(code)
}

// BenchmarkStoreProvision: one provision with its parties, by id.
func BenchmarkStoreProvision(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.s.Provision(ctx, w.ids[rng.IntN(len(w.ids))]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreDraftPage: the first page of 50 of a draft's provisions.
func BenchmarkStoreDraftPage(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		page, err := w.s.Provisions(ctx, store.ProvisionFilter{DraftID: w.small[rng.IntN(len(w.small))], Limit: 50})
		if err != nil || len(page.Items) != 50 {
			b.Fatal(len(page.Items), err)
		}
	}
}

// BenchmarkStoreSearch: a filtered full-text search across all drafts,
// first page of 50.
func BenchmarkStoreSearch(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	filters := []store.ProvisionFilter{
		{Category: "security", Query: "guarantee"},
		{Kind: "territorial", Query: "crimea"},
		{Status: "agreed", Query: "гарантії"},
		{Category: "justice", Query: "tribunal"},
		{Sourcing: "reported", Query: "nuclear plant"},
		{Kind: "sanctions", Query: "snapback"},
		{Party: "UA", Query: "трибунал"},
		{Category: "economic", Query: "reparations"},
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f := filters[i%len(filters)]
		f.Limit = 50
		if _, err := w.s.Provisions(ctx, f); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkStoreComparison: two 1,000-provision drafts loaded and compared.
func BenchmarkStoreComparison(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.s.Comparison(ctx, w.big[0], w.big[1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStoreDraftProvisions: every provision of a 1,000-provision
// draft, as compare, matrix, summary and exports load them.
func BenchmarkStoreDraftProvisions(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		ps, err := w.s.DraftProvisions(ctx, w.big[0])
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
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		title := "Revised in a benchmark, " + strconv.Itoa(n)
		if _, err := w.s.UpdateProvision(ctx, "bench", w.ids[rng.IntN(len(w.ids))], 0, models.ProvisionPatch{Title: &title}); err != nil {
			b.Fatal(err)
		}
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
