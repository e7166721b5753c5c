package dataset_test

import (
	"strings"
	"testing"
	"time"
)

// implementation.csv holds the seeded steps in PAM's columns, and the
// codebook says so.
func TestImplementationFile(t *testing.T) {
	_, files := seededDataset(t, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), false)
	rows := rowsOf(t, files, "implementation.csv")
	if len(rows) != 2 {
		t.Fatalf("%d rows: %v", len(rows), rows)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r["event"]] = r["year"] + " " + r["score"] + " " + r["provision"]
	}
	if got["2026-02-05-prisoner-exchange"] != "2026 3 " || got["2026-01-29-energy-truce"] != "2026 2 " {
		t.Errorf("rows %v", got)
	}
	if records(t, files, "implementation.csv")[0][1] != "provision" {
		t.Errorf("header %v", records(t, files, "implementation.csv")[0])
	}
	md := string(files["codebook.md"])
	if !strings.Contains(md, "## implementation.csv") || !strings.Contains(md, "Peace Accords Matrix") || !strings.Contains(md, "`3` Full") {
		t.Errorf("the codebook does not describe implementation.csv:\n%s", md)
	}
}
