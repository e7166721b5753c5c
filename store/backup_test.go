package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"plantracker/models"
)

// A backup taken under a write load holds every write acknowledged before
// it began, passes the integrity check, and restores into another store.
func TestBackupUnderLoadAndRestore(t *testing.T) {
	s := openAuthTest(t)
	ctx := context.Background()
	f := newFixture(t, s)

	var acked atomic.Int64 // provisions written so far
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p := troopCap(f.draft.ID, 1000+i)
			p.Key = fmt.Sprintf("load-%d", i)
			if _, err := s.CreateProvision(ctx, "load", p); err != nil {
				t.Error(err)
				return
			}
			acked.Add(1)
		}
	}()
	// Let the load get going, within a deadline: a writer that failed
	// (or never started) must fail the test, not hang it.
	for deadline := time.Now().Add(30 * time.Second); acked.Load() < 20; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			close(stop)
			wg.Wait()
			t.Fatalf("the write load made %d writes in 30 s", acked.Load())
		}
	}
	before := acked.Load()
	backup := backupTo(t, s, "backup.db")
	close(stop)
	wg.Wait()
	if err := s.Backup(ctx, backup); err == nil {
		t.Fatal("a backup overwrote an existing file")
	}

	restored := openAuthTest(t)
	if _, err := restored.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	page, err := restored.Provisions(ctx, ProvisionFilter{DraftID: f.draft.ID, Kind: "troop_cap"})
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's troop cap, plus at least every load write acknowledged
	// before the backup started.
	if page.Total < before+1 {
		t.Fatalf("restored %d troop caps, but %d were acknowledged before the backup", page.Total, before+1)
	}
	// The restored store works: search, and new writes.
	if hits, _ := restored.Provisions(ctx, ProvisionFilter{Query: "transatlantic"}); hits.Total != 1 {
		t.Fatalf("search after restore: %d", hits.Total)
	}
	if _, err := restored.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"}); err != nil {
		t.Fatal(err)
	}
	if err := CheckIntegrity(ctx, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Fatal("integrity check of a missing file passed")
	}
}
