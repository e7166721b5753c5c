package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm/logger"

	"plantracker/models"
)

// statementLog is a GORM logger that keeps the SQL of every statement the
// store sends, whichever pool and callback sends it.
type statementLog struct {
	logger.Interface // silent, for everything but Trace
	mu               sync.Mutex
	sql              []string
}

func (l *statementLog) LogMode(logger.LogLevel) logger.Interface { return l }

func (l *statementLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	l.mu.Lock()
	l.sql = append(l.sql, sql)
	l.mu.Unlock()
}

// statementsOf runs do with every statement of the store logged, and
// returns the statements it sent.
func statementsOf(t *testing.T, s *Store, do func() error) []string {
	t.Helper()
	log := &statementLog{Interface: logger.Default.LogMode(logger.Silent)}
	// Each pool has its own copy of the configuration; every session a
	// method starts copies its pool's, so the logger is in place for the
	// next call.
	saved := []logger.Interface{s.read.Logger, s.write.Logger}
	s.read.Logger, s.write.Logger = log, log
	defer func() { s.read.Logger, s.write.Logger = saved[0], saved[1] }()
	if err := do(); err != nil {
		t.Fatal(err)
	}
	return log.sql
}

// Reading a provision is one round trip to the database: the row, its
// parties and the references of every source it and its stances cite come
// in one statement. The batched read of a list (three statements a page,
// whatever its length) and an edit stay as cheap as they were; a new
// statement anywhere on these paths fails here rather than only under
// load.
func TestProvisionRoundTrips(t *testing.T) {
	forEachFixture(t, func(t *testing.T, s *Store, f fixture) {
		ctx := context.Background()
		bare, err := s.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: "bare", Point: "20",
			Kind: "other", Title: "No party", Text: "Nobody has a role in this.", Terms: []byte(`{}`), Sourcing: "reported",
			Sources: cites("axios-2025-11-20")})
		if err != nil {
			t.Fatal(err)
		}
		listed, err := s.DraftProvisions(ctx, f.draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(listed) != 3 {
			t.Fatalf("the draft lists %d provisions, want 3", len(listed))
		}
		for _, want := range listed {
			var got models.Provision
			sql := statementsOf(t, s, func() (err error) { got, err = s.Provision(ctx, want.ID); return err })
			if len(sql) != 1 {
				t.Errorf("reading provision %s took %d statements, want 1:\n%s", want.Key, len(sql), strings.Join(sql, "\n"))
			}
			sameValue(t, "provision "+want.Key+" read alone and in its draft's list", want, got)
		}
		if got := listed[1]; got.Key != "security-guarantee" || got.Parties[1].StanceSources[0].Reference == "" || got.Sources[0].Reference == "" {
			t.Errorf("the guarantee's citations have no references: %+v", got)
		}
		if got := listed[2]; got.ID != bare.ID || got.Parties == nil || len(got.Parties) != 0 {
			t.Errorf("a provision without parties reads %+v, want an empty list of them", got)
		}

		sql := statementsOf(t, s, func() error { _, err := s.Provision(ctx, bare.ID+1000); return ignore(err, ErrNotFound) })
		if len(sql) != 1 {
			t.Errorf("looking for a missing provision took %d statements, want 1:\n%s", len(sql), strings.Join(sql, "\n"))
		}

		for _, c := range []struct {
			what string
			max  int
			do   func() error
		}{
			// its total, its rows, their parties, their citations' references
			{"a page of a draft", 4, func() error {
				_, err := s.Provisions(ctx, ProvisionFilter{DraftID: f.draft.ID, Limit: 50})
				return err
			}},
			// the read and, in the transaction, the UPDATE and the change row
			{"a new title", 3, func() error {
				_, err := s.UpdateProvision(ctx, "tester", f.guarantee.ID, 0, models.ProvisionPatch{Title: new("Guarantee")})
				return err
			}},
		} {
			if sql := statementsOf(t, s, c.do); len(sql) > c.max {
				t.Errorf("%s took %d statements, want at most %d:\n%s", c.what, len(sql), c.max, strings.Join(sql, "\n"))
			}
		}
	})
}

// ignore is err unless it is target.
func ignore(err, target error) error {
	if errors.Is(err, target) {
		return nil
	}
	return err
}
