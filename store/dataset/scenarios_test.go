package dataset_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"plantracker/models"
)

// An analyst's fork is a scenario: the dataset leaves it out, with its
// provisions, unless scenarios are asked for.
func TestDatasetLeavesScenariosOut(t *testing.T) {
	s, _ := seededDataset(t, time.Now(), true)
	ctx := context.Background()
	fork, err := s.ForkDraft(ctx, "analyst", 1, models.ForkInput{Label: "Analyst's trial", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !fork.Scenario() {
		t.Fatalf("a fork is %q, want a scenario", fork.Standing)
	}
	for _, scenarios := range []bool{false, true} {
		files := writeDataset(t, s, time.Now(), scenarios)
		if got := strings.Contains(string(files["drafts.csv"]), "Analyst's trial"); got != scenarios {
			t.Errorf("scenarios %v: the fork in drafts.csv: %v", scenarios, got)
		}
	}
}
