package dataset_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/store/dataset"
)

// TestCodebookGivesUnits: every unit-bearing term column has its unit in
// codebook.json and in codebook.md's unit column, not only its name
// (troop_cap__limit in people, duration_years in years); a column without
// a unit leaves the cell empty rather than guessing one.
func TestCodebookGivesUnits(t *testing.T) {
	_, files := seededDataset(t, time.Now(), false)
	var cb dataset.Codebook
	if err := json.Unmarshal(files["codebook.json"], &cb); err != nil {
		t.Fatal(err)
	}
	inJSON := map[string]string{} // column → unit, of the term columns
	for _, f := range cb.Files {
		for _, c := range f.Columns {
			if strings.Contains(c.Name, "__") {
				inJSON[c.Name] = c.Unit
			}
		}
	}
	// codebook.md: | `name` | type | unit | description | values |
	inMD := map[string]string{}
	for _, line := range strings.Split(string(files["codebook.md"]), "\n") {
		cells := strings.SplitN(line, " | ", 4)
		if len(cells) < 4 || !strings.HasPrefix(cells[0], "| `") || !strings.Contains(cells[0], "__") {
			continue
		}
		inMD[strings.Trim(strings.TrimPrefix(cells[0], "| "), "`")] = strings.TrimSpace(cells[2])
	}
	for name, want := range map[string]string{
		"troop_cap__limit":                   "people",
		"security_guarantee__duration_years": "years",
		"term__duration_years":               "years",
		"elections__within_days":             "days",
		"assets__amount_usd_bn":              "USD bn",
	} {
		if got := inJSON[name]; got != want {
			t.Errorf("codebook.json: %s in %q, want %q", name, got, want)
		}
		if got := inMD[name]; got != want {
			t.Errorf("codebook.md: %s in %q, want %q", name, got, want)
		}
	}
	for _, tc := range models.TermColumns() {
		if got, ok := inJSON[tc.Name]; !ok || got != tc.Field.Unit {
			t.Errorf("codebook.json: %s in %q, the kind says %q", tc.Name, got, tc.Field.Unit)
		}
		if got, ok := inMD[tc.Name]; !ok || got != tc.Field.Unit {
			t.Errorf("codebook.md: %s in %q, the kind says %q", tc.Name, got, tc.Field.Unit)
		}
	}
}
