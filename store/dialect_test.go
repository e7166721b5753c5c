package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"plantracker/models"
)

// The store behaves the same on SQLite and PostgreSQL: these tests pin down
// where the two databases differ by nature (time precision and zones,
// collation, full-text search, error codes).

// What a write returns is what a later read returns, timestamps included,
// and what the audit trail records: PostgreSQL keeps microseconds and
// answers in the session's time zone, SQLite keeps what it is given.
func TestWritesReturnWhatReadsReturn(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		ps, err := s.Parties(ctx)
		if err != nil {
			t.Fatal(err)
		}
		created, err := s.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"})
		if err != nil {
			t.Fatal(err)
		}
		read, err := s.Party(ctx, created.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "party", created, read)
		sameValue(t, "plan", f.plan, must(s.Plan(ctx, f.plan.ID)))
		sameValue(t, "draft", f.draft, must(s.Draft(ctx, f.draft.ID)))
		sameValue(t, "provision", f.troopCap, must(s.Provision(ctx, f.troopCap.ID)))
		updated, err := s.UpdateProvision(ctx, "x", f.troopCap.ID, 0, models.ProvisionPatch{Title: new("Cap")})
		if err != nil {
			t.Fatal(err)
		}
		sameValue(t, "updated provision", updated, must(s.Provision(ctx, f.troopCap.ID)))
		if !updated.UpdatedAt.After(updated.CreatedAt) || updated.CreatedAt != f.troopCap.CreatedAt {
			t.Errorf("created %v, updated %v; was created %v", updated.CreatedAt, updated.UpdatedAt, f.troopCap.CreatedAt)
		}
		for _, p := range append(ps, created) {
			if p.CreatedAt.Location() != time.UTC || p.CreatedAt.IsZero() {
				t.Errorf("party %s created at %v, want a time in UTC", p.ShortName, p.CreatedAt)
			}
		}
		// The audit trail's after is the row as read back.
		cs := changesFor(t, s, models.EntityParty, created.ID)
		if want, _ := json.Marshal(read); len(cs) != 1 || string(cs[0].After) != string(want) {
			t.Errorf("change after = %s\nread back   = %s", cs[0].After, want)
		}
		if cs[0].At.Location() != time.UTC || cs[0].At.Before(created.CreatedAt) {
			t.Errorf("change at %v, party created at %v", cs[0].At, created.CreatedAt)
		}
	})
}

func sameValue(t *testing.T, what string, wrote, read any) {
	t.Helper()
	if !reflect.DeepEqual(wrote, read) {
		t.Errorf("%s as written and as read back differ:\nwrote %+v\nread  %+v", what, wrote, read)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The audit trail filters by time the same way on both.
func TestChangesSinceUntil(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		time.Sleep(2 * time.Millisecond)
		between := time.Now()
		time.Sleep(2 * time.Millisecond)
		if _, err := s.UpdateProvision(ctx, "later", f.troopCap.ID, 0, models.ProvisionPatch{Title: new("Cap")}); err != nil {
			t.Fatal(err)
		}
		since, err := s.Changes(ctx, ChangeFilter{Since: between})
		if err != nil || len(since) != 1 || since[0].Actor != "later" {
			t.Fatalf("since: %+v %v", since, err)
		}
		until, err := s.Changes(ctx, ChangeFilter{Until: between.In(time.FixedZone("Kyiv", 2*3600))})
		if err != nil || len(until) != len(changesAll(t, s))-1 {
			t.Fatalf("until: %d changes %v", len(until), err)
		}
		for _, c := range until {
			if c.Actor != "tester" {
				t.Fatalf("until %v found %+v", between, c)
			}
		}
	})
}

func changesAll(t *testing.T, s *Store) []models.Change {
	t.Helper()
	cs, err := s.Changes(context.Background(), ChangeFilter{Limit: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// Lists ordered by text come in the same order on both: byte order, which
// is SQLite's; PostgreSQL would use the database's collation (the test
// server's is ICU en-US, which puts "alpha" before "Zeta").
func TestTextOrderIsTheSame(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		titles := []string{"alpha accord", "Zeta plan", "Élysée declaration", "US peace framework", "US-peace", "us peace"}
		for _, title := range titles {
			if _, err := s.CreatePlan(ctx, "x", models.Plan{Title: title}); err != nil {
				t.Fatal(err)
			}
		}
		for _, sn := range []string{"EU", "E3", "UA-X", "UAX", "UA"} {
			if _, err := s.CreateParty(ctx, "x", models.Party{Name: sn, ShortName: sn, Type: "state"}); err != nil {
				t.Fatal(err)
			}
		}
		plans, err := s.Plans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range plans {
			got = append(got, p.Title)
		}
		want := append([]string(nil), titles...)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("plans in order %q, want %q", got, want)
		}
		parties, err := s.Parties(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, p := range parties {
			got = append(got, p.ShortName)
		}
		if want := []string{"E3", "EU", "UA", "UA-X", "UAX"}; !reflect.DeepEqual(got, want) {
			t.Errorf("parties in order %q, want %q", got, want)
		}
	})
}

// Provisions of a draft come by point, then by key, in byte order.
func TestDraftProvisionOrder(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		keys := []string{"troop-cap-b", "troopcap", "troop-cap-a", "troop0"}
		for i, key := range keys {
			p := troopCap(f.draft.ID, 1000+i)
			p.Key, p.Point = key, "6" // the point of the fixture's troop-cap: the key decides
			if _, err := s.CreateProvision(ctx, "x", p); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := s.DraftProvisions(ctx, f.draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range ps {
			if p.Point == "6" {
				got = append(got, p.Key)
			}
		}
		want := append([]string{"troop-cap"}, keys...)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("provisions in order %q, want %q", got, want)
		}
	})
}

// Typed errors come back typed from both databases, also when it is the
// database (a unique index, a foreign key) that refuses the write rather
// than the store's own checks.
func TestDatabaseErrorsAreTranslated(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		err := s.inTx(context.Background(), func(tx *gorm.DB) error {
			rec := provisionRecordOf(f.troopCap)
			rec.ID = 0
			return translate(tx.Create(&rec).Error, "provision")
		})
		if !errors.Is(err, ErrDuplicate) {
			t.Errorf("a second troop-cap in the draft: %v, want ErrDuplicate", err)
		}
		err = s.inTx(context.Background(), func(tx *gorm.DB) error {
			return translate(tx.Delete(&partyRecord{}, idOf(must(s.Parties(context.Background())), "UA")).Error, "party")
		})
		if !errors.Is(err, ErrInUse) {
			t.Errorf("deleting a party in use: %v, want ErrInUse", err)
		}
		err = s.inTx(context.Background(), func(tx *gorm.DB) error {
			return translate(tx.Create(&signatoryRecord{DraftID: f.draft.ID, PartyID: 9999}).Error, "draft")
		})
		if !errors.Is(err, ErrInUse) && !errors.Is(err, gorm.ErrForeignKeyViolated) {
			t.Errorf("a signatory that is no party: %v, want a foreign key violation", err)
		}
		// Nothing of the failed writes is left.
		if c := counts(t, s); c["provisions"] != 2 || c["parties"] != 5 || c["draft_signatories"] != 3 {
			t.Errorf("rows after failed writes: %v", c)
		}
	})
}

// A party in two roles on one provision is one provision that refers to it.
func TestDeleteReferencedPartyCountsProvisionsOnce(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		if _, err := s.AddProvisionParty(ctx, "x", f.guarantee.ID, 0, models.ProvisionParty{Party: "RU", Role: "monitor"}); err != nil {
			t.Fatal(err)
		}
		err := s.DeleteParty(ctx, "x", idOf(must(s.Parties(ctx)), "RU"), 0)
		if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "RU is still referenced by 1 draft, 1 provision;") {
			t.Fatalf("err = %v", err)
		}
	})
}

// PostgreSQL answers a search from the GIN index: the query's expression
// must be the index's, to the letter, or the index is never used.
func TestPostgresSearchUsesTheIndex(t *testing.T) {
	s := openPostgres(t)
	newFixture(t, s)
	requireIndex(t, s, "provisions_search", func(tx *gorm.DB) *gorm.DB {
		q, _ := s.provisionQuery(tx, ProvisionFilter{Query: "transatlantic guarantee"})
		return q.Select("id").Find(&[]int64{})
	})
}

// A SQLite path may hold characters that mean something in a file: URI
// ('?' does not count: it starts the DSN's parameters); the store opens the
// file the path names.
func TestOpenPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a#b c%20d")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "test.db")
	for i := 0; i < 2; i++ {
		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			_, err = s.CreateParty(context.Background(), "x", models.Party{Name: "Ukraine", ShortName: "UA", Type: "state"})
		} else {
			var ps []models.Party
			if ps, err = s.Parties(context.Background()); err == nil && len(ps) != 1 {
				t.Errorf("reopened, the store has %d parties", len(ps))
			}
		}
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the database is not where the path says: %v", err)
	}
}

// An export from either database imports into the other and exports
// again as the same document; the imported store then carries on (ids,
// search, sign-in).
func TestExportImportAcrossDatabases(t *testing.T) {
	for _, pair := range []struct {
		name     string
		from, to opener
	}{{"sqlite to postgres", openTest, openPostgres}, {"postgres to sqlite", openPostgres, openTest}} {
		t.Run(pair.name, func(t *testing.T) { exportImport(t, pair.from, pair.to) })
	}
}

// Drafts created at the same moment in one plan are all created, numbered
// 1, 2, … without a gap or a twin: on PostgreSQL two transactions would
// otherwise both read the same highest number.
func TestConcurrentDraftsAreNumberedInTurn(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		const n = 12
		errs := concurrently(n, func(i int) error {
			var err error
			if i%2 == 0 {
				_, err = s.CreateDraft(ctx, "x", models.DraftInput{Label: fmt.Sprintf("Draft %d", i), Date: "2025-11-30"}.Draft(f.plan.ID))
			} else {
				_, err = s.ForkDraft(ctx, "x", f.draft.ID, models.ForkInput{Label: fmt.Sprintf("Fork %d", i)})
			}
			return err
		})
		for _, err := range errs {
			t.Error(err)
		}
		drafts, err := s.Drafts(ctx, f.plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range drafts {
			if d.Number != i+1 {
				t.Fatalf("draft %d of %d is number %d", i+1, len(drafts), d.Number)
			}
		}
		if len(drafts) != n+1 {
			t.Fatalf("%d drafts, want %d", len(drafts), n+1)
		}
	})
}

// A delete that read the row before an update committed loses, as a stale
// write does, instead of deleting what it never saw. On PostgreSQL the
// delete waits for the update's row lock and then finds the row changed; on
// SQLite it waits for the one writer and then reads the new version.
func TestDeleteRacingAnUpdateLoses(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		// A party nothing refers to, so that only the race decides.
		if _, err := s.CreateParty(ctx, "x", models.Party{Name: "Türkiye", ShortName: "TR", Type: "state"}); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			table  string
			id     int64
			delete func() error
		}{
			{"provisions", f.troopCap.ID, func() error { return s.DeleteProvision(ctx, "x", f.troopCap.ID, f.troopCap.Version) }},
			{"drafts", f.draft.ID, func() error { return s.DeleteDraft(ctx, "x", f.draft.ID, f.draft.Version) }},
			{"plans", f.plan.ID, func() error { return s.DeletePlan(ctx, "x", f.plan.ID, f.plan.Version) }},
			{"parties", idOf(must(s.Parties(ctx)), "TR"), func() error {
				return s.DeleteParty(ctx, "x", idOf(must(s.Parties(ctx)), "TR"), 1)
			}},
		} {
			t.Run(tt.table, func(t *testing.T) {
				update := s.write.Begin()
				if err := update.Exec("UPDATE "+tt.table+" SET version = version + 1 WHERE id = ?", tt.id).Error; err != nil {
					update.Rollback()
					t.Fatal(err)
				}
				done := make(chan error, 1)
				waitUntilBlocked := blockedWaiter(t, s)
				go func() { done <- tt.delete() }()
				waitUntilBlocked()
				if err := update.Commit().Error; err != nil {
					t.Fatal(err)
				}
				if err := <-done; !errors.Is(err, ErrConflict) {
					t.Fatalf("delete over a newer version: %v, want ErrConflict", err)
				}
				var n int64
				if err := s.write.Table(tt.table).Where("id = ?", tt.id).Count(&n).Error; err != nil || n != 1 {
					t.Fatalf("the %s row is gone (%d, %v)", tt.table, n, err)
				}
			})
		}
	})
}

// blockedWaiter returns a function that waits until another transaction,
// started after this call, waits for a lock (on PostgreSQL) or for the one
// writer connection (on SQLite, where the database cannot see it:
// database/sql counts the waits, from the count taken here).
func blockedWaiter(t *testing.T, s *Store) func() {
	t.Helper()
	if s.Dialect() != Postgres {
		wdb, err := s.write.DB()
		if err != nil {
			t.Fatal(err)
		}
		before := wdb.Stats().WaitCount
		return func() {
			t.Helper()
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
				if wdb.Stats().WaitCount > before {
					return
				}
			}
			t.Fatal("the delete never waited for the writer connection")
		}
	}
	return func() { t.Helper(); waitForLockWaiter(t, s) }
}

// waitForLockWaiter waits until a PostgreSQL transaction waits for a lock.
func waitForLockWaiter(t *testing.T, s *Store) {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var n int64
		if err := s.read.Raw(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`).
			Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			return
		}
	}
	t.Fatal("the delete never waited for the update's lock")
}
