package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"plantracker/models"
)

func TestStanceMapExports(t *testing.T) {
	m := models.StanceMap{Draft: models.PlanDraft{Plan: "US peace framework", Number: 1, Label: "28-point draft"},
		Parties: []string{"UA", "RU"},
		Rows: []models.StanceRow{{Provision: models.ProvisionRef{Point: "6", Key: "troop-cap", Title: "=Cap | on forces", Category: "security"},
			Cells: []models.StanceCell{
				{Party: "UA", Roles: []string{"obligor"}, Stance: "opposes", StanceDate: "2025-11-21", Recorded: true,
					Sources: []models.Citation{{Source: "axios", Sourcing: "reported", Reference: "Axios, 21 Nov 2025"}}},
				{Party: "RU", Roles: []string{"signatory"}, Stance: "unknown"},
			}}}}
	var buf bytes.Buffer
	if err := StanceMapCSV(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(buf.String()))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[1][5] != "UA" || recs[1][7] != "opposes" || recs[2][7] != "" || recs[1][3] != "'=Cap | on forces" {
		t.Errorf("csv %q", recs)
	}
	buf.Reset()
	if err := StanceMapMarkdown(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{"| Point | Provision | UA | RU |", "obligor: opposes (2025-11-21) — Axios, 21 Nov 2025", "signatory: not recorded", `=Cap \| on forces`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if got := StanceMapFilename(m, "csv"); got != "stances-us-peace-framework-v1.csv" {
		t.Errorf("filename %q", got)
	}
}
