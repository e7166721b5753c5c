package reliability

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/models"
	"plantracker/store"
	pgtest "plantracker/store/storetest"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode)
	// The access log writes a line per request at Info, thousands here;
	// warnings and errors still show.
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	os.Exit(pgtest.Main(m, nil))
}

// serve starts a real HTTP server on loopback over a store, with the API
// as main serves it less the UI (api.API.Engine); the test's cleanup stops
// it.
func serve(t *testing.T, s *store.Store) *httptest.Server {
	t.Helper()
	engine, err := api.New(s).Engine(s)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(engine)
	t.Cleanup(srv.Close)
	return srv
}

// world creates what the tests write to: a party, a plan, a draft, and n
// troop caps in it. It returns the draft and the provisions' ids.
func world(t *testing.T, s *store.Store, n int) (draftID int64, ids []int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "setup", models.User{Username: "loader", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateParty(ctx, "setup", models.Party{Name: "Ukraine", ShortName: "UA", Type: "state"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSource(ctx, "setup", models.Source{Key: "test", Publisher: "Plantracker tests", Title: "Load test"}); err != nil {
		t.Fatal(err)
	}
	plan, err := s.CreatePlan(ctx, "setup", models.Plan{Title: "Load test"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CreateDraft(ctx, "setup", models.DraftInput{Label: "Draft", Date: "2025-11-20"}.Draft(plan.ID))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p, err := s.CreateProvision(ctx, "setup", models.Provision{DraftID: d.ID, Key: fmt.Sprintf("cap-%02d", i),
			Point: fmt.Sprint(i + 1), Kind: "troop_cap", Title: fmt.Sprintf("Cap %d", i),
			Terms: json.RawMessage(`{"party":"UA","limit":1000}`), Sourcing: "reported", Sources: []models.Citation{{Source: "test", Sourcing: "reported"}},
			Parties: []models.ProvisionParty{{Party: "UA", Role: "obligor"}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return d.ID, ids
}
