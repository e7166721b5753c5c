// Package seeds holds the seed data: the parties, plans, drafts and
// provisions of the November–December 2025 peace-plan drafts as publicly
// reported, as JSON files embedded in the binary, and the loader that puts
// them into an empty store.
//
// The reporting they come from is kept beside them in sources/; every
// provision's citation names its publication and the source file.
package seeds

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"plantracker/models"
)

//go:embed data/*.json
var dataFS embed.FS

// PlanFile is one plan with all its drafts: data/<n>-<plan-slug>.json,
// where n orders the files so that a plan comes after the plans its drafts
// are forked from.
type PlanFile struct {
	Plan   models.PlanInput `json:"plan"`
	Drafts []DraftSeed      `json:"drafts"`
}

// DraftSeed is one draft of a seeded plan with its provisions.
type DraftSeed struct {
	Number int `json:"number"`
	models.DraftInput
	// ForkedFrom names the draft this one was derived from as
	// "<plan slug>/<number>", e.g. "us-peace-framework/1"; empty when none.
	ForkedFrom string                  `json:"forked_from,omitempty"`
	Provisions []models.ProvisionInput `json:"provisions"`
}

// Data is everything the seed files hold.
type Data struct {
	Parties []models.PartyInput
	Sources []models.SourceInput
	Plans   []PlanFile
	// DraftStances and Events are read from their files where present.
	DraftStances []DraftStanceSeed
	Events       []EventSeed
}

// Read decodes the embedded seed files: data/parties.json,
// data/sources.json and one file per plan. Unknown fields are an error, so a typo in a file cannot silently drop
// a fact.
func Read() (Data, error) {
	var d Data
	if err := decodeFile("data/parties.json", &d.Parties); err != nil {
		return d, err
	}
	if err := decodeFile("data/sources.json", &d.Sources); err != nil {
		return d, err
	}
	names, err := fs.Glob(dataFS, "data/*.json")
	if err != nil {
		return d, err
	}
	if err := readOptional("data/draft-stances.json", &d.DraftStances); err != nil {
		return d, err
	}
	if err := readOptional("data/events.json", &d.Events); err != nil {
		return d, err
	}
	sort.Strings(names)
	for _, name := range names {
		if notPlanFiles[path.Base(name)] {
			continue
		}
		var pf PlanFile
		if err := decodeFile(name, &pf); err != nil {
			return d, err
		}
		d.Plans = append(d.Plans, pf)
	}
	return d, nil
}

func decodeFile(name string, into any) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("seeds: %s: %w", name, err)
	}
	return nil
}
