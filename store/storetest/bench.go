package storetest

import (
	"context"
	"database/sql"
	"io"
	"os"

	"golang.org/x/crypto/bcrypt"

	"plantracker/store"
	"plantracker/store/gen"
)

// BenchDBEnv names the generated database the benchmarks run on (make
// bench generates 102,000 provisions); it is copied, never written.
const BenchDBEnv = "PLANTRACKER_BENCH_DB"

// BenchDB is the database the store and API benchmarks run on, and the
// ids they draw from.
type BenchDB struct {
	Store *store.Store
	IDs   []int64  // every provision's
	Small []int64  // the drafts of under 1,000 provisions
	Big   [2]int64 // the first two drafts of 1,000 provisions or more
}

// OpenBenchDB opens, at path, a copy of the database BenchDBEnv names, or
// else a small generated one (5,000 provisions of 5 plans, and two
// 1,000-provision drafts to compare).
func OpenBenchDB(ctx context.Context, path string) (BenchDB, error) {
	src := os.Getenv(BenchDBEnv)
	if src != "" {
		if err := CopyFile(src, path); err != nil {
			return BenchDB{}, err
		}
	}
	s, err := store.Open(ctx, path, store.Options{Synchronous: "NORMAL", BcryptCost: bcrypt.MinCost})
	if err != nil {
		return BenchDB{}, err
	}
	w := BenchDB{Store: s}
	if src == "" {
		for _, cfg := range []gen.Config{{Plans: 5, Drafts: 10, Provisions: 100, Seed: 1}, {Plans: 1, Drafts: 2, Provisions: 1000, Seed: 2}} {
			if _, err := gen.Generate(ctx, s, cfg); err != nil {
				return w, err
			}
		}
	}
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
		w.IDs = append(w.IDs, id)
	}
	rows.Close()
	rows, err = db.Query(`SELECT draft_id, COUNT(*) FROM provisions GROUP BY draft_id ORDER BY draft_id`)
	if err != nil {
		return w, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		rows.Scan(&id, &n)
		switch {
		case n < 1000:
			w.Small = append(w.Small, id)
		case w.Big[0] == 0:
			w.Big[0] = id
		case w.Big[1] == 0:
			w.Big[1] = id
		}
	}
	return w, rows.Err()
}

// CopyFile copies the file src to dst.
func CopyFile(src, dst string) error {
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
