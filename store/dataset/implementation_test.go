package dataset_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"plantracker/seeds"
	"plantracker/store/dataset"
	"plantracker/store/storetest"
)

// implementation.csv holds the seeded steps in PAM's columns, and the
// codebook says so.
func TestImplementationFile(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenSQLite(t)
	if _, err := seeds.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := dataset.Write(ctx, s, &buf, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), false); err != nil {
		t.Fatal(err)
	}
	files := unzip(t, buf.Bytes())
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
