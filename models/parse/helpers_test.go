package parse

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/parse/parsetest"
)

// The parser's tests read the seed data's parties and drafts from the seed
// files themselves, so that they follow the seed data as it changes.

// seedParties are the parties of seeds/data/parties.json.
func seedParties(t testing.TB) []models.Party {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "seeds", "data", "parties.json"))
	if err != nil {
		t.Fatal(err)
	}
	var in []models.PartyInput
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatal(err)
	}
	out := make([]models.Party, len(in))
	for i, p := range in {
		out[i] = p.Party()
		out[i].ID = int64(i + 1)
	}
	return out
}

// seedDraft returns the provisions of the seeded draft labelled label in
// the plan titled plan, numbered from 1 as ids.
func seedDraft(t testing.TB, plan, label string) []models.Provision {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", "data", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Plan   models.PlanInput `json:"plan"`
			Drafts []struct {
				Label      string                  `json:"label"`
				Provisions []models.ProvisionInput `json:"provisions"`
			} `json:"drafts"`
		}
		if json.Unmarshal(raw, &f) != nil || f.Plan.Title != plan {
			continue
		}
		for _, d := range f.Drafts {
			if d.Label != label {
				continue
			}
			out := make([]models.Provision, len(d.Provisions))
			for i, in := range d.Provisions {
				out[i] = in.Provision(1)
				out[i].ID = int64(i + 1)
				if k, ok := models.KindByName(out[i].Kind); ok && out[i].Category == "" {
					out[i].Category = k.Category
				}
			}
			return out
		}
	}
	t.Fatalf("no seeded draft %q in plan %q", label, plan)
	return nil
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	raw, err := fs.ReadFile(parsetest.Files, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// joinEach writes each of xs with show and joins them with sep: how a test
// compares a list with one line of expected text.
func joinEach[T any](xs []T, sep string, show func(T) string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = show(x)
	}
	return strings.Join(out, sep)
}
