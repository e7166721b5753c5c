package bench

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store/storetest"
)

// The one-statement floor answers, byte for byte, what the floor encodes
// with encoding/json (which make bench checks against ours): provisions
// with and without a point, locators, stance dates and stance sources.
func TestOneStatementFloorAnswersTheSame(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bench.db")
	w, err := storetest.OpenBenchDB(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Store.Close()
	// Generated sources have no date and stances none either: one of each.
	if _, err := w.Store.CreateSource(ctx, "bench", models.Source{Key: "dated", Publisher: "Reuters",
		Title: "Talks resume", Date: "2025-11-03", Language: "en"}); err != nil {
		t.Fatal(err)
	}
	cite := []models.Citation{{Source: "dated", Sourcing: "reported", Locator: "para. 2"}}
	if _, err := w.Store.UpdateProvision(ctx, "bench", w.IDs[0], 0, models.ProvisionPatch{Sources: &cite,
		Parties: &[]models.ProvisionParty{{Party: "BY", Role: "signatory", Stance: "supports", StanceDate: "2025-11-04", StanceSources: cite}}}); err != nil {
		t.Fatal(err)
	}
	f, err := OpenFloor(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	step := max(1, len(w.IDs)/300)
	for i := 0; i < len(w.IDs); i += step {
		id := w.IDs[i]
		p, err := f.Provision(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(p)
		var got string
		var version int
		if err := f.read.QueryRowContext(ctx, oneStatementProvision, id).Scan(&got, &version); err != nil {
			t.Fatal(err)
		}
		if i == 0 && !strings.Contains(got, `"reference":"Reuters, 3 Nov 2025: Talks resume"`) {
			t.Errorf("provision %d does not cite the dated source: %s", id, got)
		}
		if got != string(want) || version != p.Version {
			t.Fatalf("provision %d in one statement (version %d):\n%s\nencoded by Go (version %d):\n%s", id, version, got, p.Version, want)
		}
	}
}
