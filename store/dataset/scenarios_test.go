package dataset_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/store/dataset"
)

// An analyst's fork is a scenario: the dataset leaves it out, with its
// provisions, unless scenarios are asked for.
func TestDatasetLeavesScenariosOut(t *testing.T) {
	s, _ := seededDataset(t, time.Now())
	ctx := context.Background()
	fork, err := s.ForkDraft(ctx, "analyst", 1, models.ForkInput{Label: "Analyst's trial", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !fork.Scenario() {
		t.Fatalf("a fork is %q, want a scenario", fork.Standing)
	}
	for _, scenarios := range []bool{false, true} {
		var buf bytes.Buffer
		if err := dataset.Write(ctx, s, &buf, time.Now(), scenarios); err != nil {
			t.Fatal(err)
		}
		files := unzip(t, buf.Bytes())
		if got := strings.Contains(string(files["drafts.csv"]), "Analyst's trial"); got != scenarios {
			t.Errorf("scenarios %v: the fork in drafts.csv: %v", scenarios, got)
		}
	}
}
