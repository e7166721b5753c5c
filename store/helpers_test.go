package store

import (
	"context"
	"encoding/json"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"plantracker/models"
)

// The store's tests run against both databases it supports, a SQLite file
// and a PostgreSQL 15 server, through store/storetest, which these tests
// cannot import (it imports store: an import cycle). TestMain, in
// storetest_test.go (package store_test, which can), starts storetest's
// server and hands its dialects over in TestSupport.
var TestSupport struct {
	// EachDialect runs test once per database, as the subtests "sqlite"
	// and "postgres", handing it how to make a fresh database there.
	// Without PostgreSQL installed the "postgres" subtest skips, except
	// in CI, where it fails.
	EachDialect func(t *testing.T, test func(t *testing.T, dsn func(testing.TB) string))
	SQLiteDSN   func(testing.TB) string // a fresh SQLite file
	PostgresDSN func(testing.TB) string // a fresh database of the server (skips, or fails in CI, without one)
}

// opener opens a fresh, empty store for one test; the test's cleanup closes it.
type opener func(t *testing.T) *Store

// forEachDialect runs test once per database (TestSupport.EachDialect).
func forEachDialect(t *testing.T, test func(t *testing.T, open opener)) {
	t.Helper()
	TestSupport.EachDialect(t, func(t *testing.T, dsn func(testing.TB) string) {
		test(t, func(t *testing.T) *Store { return openDSN(t, dsn(t)) })
	})
}

// forEachStore runs test once per database, on a fresh, empty store. Only
// a test that needs a second store takes the opener (forEachDialect).
func forEachStore(t *testing.T, test func(t *testing.T, s *Store)) {
	t.Helper()
	forEachDialect(t, func(t *testing.T, open opener) { test(t, open(t)) })
}

// forEachFixture runs test once per database, on a fresh store holding the
// fixture (newFixture).
func forEachFixture(t *testing.T, test func(t *testing.T, s *Store, f fixture)) {
	t.Helper()
	forEachStore(t, func(t *testing.T, s *Store) { test(t, s, newFixture(t, s)) })
}

// newUser creates a user with the password "correct horse battery", or
// fails the test.
func newUser(t testing.TB, s *Store, actor, username, role string) models.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), actor, models.User{Username: username, Role: role}, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// openTest opens a store on a fresh SQLite file in the test's temp dir.
func openTest(t *testing.T) *Store {
	t.Helper()
	return openDSN(t, TestSupport.SQLiteDSN(t))
}

// openPostgres opens a store on a fresh database of the test server.
func openPostgres(t *testing.T) *Store {
	t.Helper()
	return openDSN(t, TestSupport.PostgresDSN(t))
}

func openDSN(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixture is a small world: parties UA, RU, US, FR, UK; one plan; one draft
// with a troop cap and a security guarantee.
type fixture struct {
	plan      models.Plan
	draft     models.Draft
	troopCap  models.Provision
	guarantee models.Provision
}

func newFixture(t *testing.T, s *Store) fixture {
	t.Helper()
	ctx := context.Background()
	for _, p := range []models.Party{
		{Name: "Ukraine", ShortName: "UA", Type: "state"},
		{Name: "Russia", ShortName: "RU", Type: "state"},
		{Name: "United States", ShortName: "US", Type: "state"},
		{Name: "France", ShortName: "FR", Type: "state"},
		{Name: "United Kingdom", ShortName: "UK", Type: "state"},
	} {
		if _, err := s.CreateParty(ctx, "tester", p); err != nil {
			t.Fatal(err)
		}
	}
	for _, src := range fixtureSources {
		if _, err := s.CreateSource(ctx, "tester", src); err != nil {
			t.Fatal(err)
		}
	}
	var f fixture
	var err error
	if f.plan, err = s.CreatePlan(ctx, "tester", models.Plan{Title: "US peace framework", Origin: "US"}); err != nil {
		t.Fatal(err)
	}
	if f.draft, err = s.CreateDraft(ctx, "tester", models.DraftInput{Label: "28-point draft", Date: "2025-11-20",
		Status: "circulated", Signatories: []string{"UA", "US", "RU"}}.Draft(f.plan.ID)); err != nil {
		t.Fatal(err)
	}
	if f.troopCap, err = s.CreateProvision(ctx, "tester", troopCap(f.draft.ID, 600000)); err != nil {
		t.Fatal(err)
	}
	if f.guarantee, err = s.CreateProvision(ctx, "tester", models.Provision{DraftID: f.draft.ID, Key: "security-guarantee",
		Point: "10", Kind: "security_guarantee", Title: "Security guarantee", Text: "An attack on Ukraine is an attack on the transatlantic community.",
		Terms:    json.RawMessage(`{"model":"article5_like","guarantors":["US","FR","UK"],"duration_years":10,"renewable":true}`),
		Sourcing: "reported", Sources: cites("interfax-2025-11-21"),
		Parties: []models.ProvisionParty{{Party: "UA", Role: "beneficiary"},
			{Party: "US", Role: "guarantor", Stance: "supports", StanceDate: "2025-11-21", StanceSources: cites("interfax-2025-11-21")},
			{Party: "RU", Role: "signatory"}}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func troopCap(draftID int64, limit int) models.Provision {
	return models.Provision{DraftID: draftID, Key: "troop-cap", Point: "6", Kind: "troop_cap", Title: "Troop cap",
		Text:     "The Armed Forces of Ukraine are capped at 600,000 personnel. Чисельність ЗСУ обмежується.",
		Terms:    json.RawMessage(`{"party":"UA","limit":` + itoa(limit) + `}`),
		Sourcing: "reported", Sources: cites("axios-2025-11-20"),
		Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor", Stance: "opposes", StanceSources: cites("axios-2025-11-20")}}}
}

// fixtureSources are the sources the fixture's provisions cite.
var fixtureSources = []models.Source{
	{Key: "axios-2025-11-20", Publisher: "Axios", Title: "The 28-point plan", Date: "2025-11-20", Language: "en"},
	{Key: "interfax-2025-11-21", Publisher: "Interfax-Ukraine", Title: "Trump offers Ukraine security guarantees", Date: "2025-11-21", Language: "en"},
}

// cites makes reported citations of the sources called keys.
func cites(keys ...string) []models.Citation {
	out := make([]models.Citation, len(keys))
	for i, k := range keys {
		out[i] = models.Citation{Source: k, Sourcing: "reported"}
	}
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// counts returns the number of rows in each table, to show that a failed
// write left nothing behind.
func counts(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, table := range []string{"parties", "sources", "plans", "drafts", "draft_signatories", "provisions", "provision_parties", "changes"} {
		var n int64
		if err := s.write.Table(table).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func changesFor(t *testing.T, s *Store, entity string, id int64) []models.Change {
	t.Helper()
	cs, err := s.Changes(context.Background(), ChangeFilter{Entity: entity, EntityID: id})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
