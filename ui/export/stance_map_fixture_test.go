package export

import (
	"bytes"

	"plantracker/models"
)

// testStanceMap is a filtered stance map of two provisions and three
// parties: a stance recorded with a located, unconfirmed source, one in
// several roles, one not recorded, and a party with no part.
func testStanceMap() models.StanceMap {
	axios := models.Citation{Source: "axios", Sourcing: "reported", Reference: "Axios, 21 Nov 2025"}
	ft := models.Citation{Source: "ft", Sourcing: "unconfirmed", Reference: "FT, 22 Nov 2025", Locator: "para. 4"}
	return models.StanceMap{Draft: models.PlanDraft{Plan: "US peace framework", Number: 1, Label: "28-point draft"},
		Category: "security", Party: "UA", Parties: []string{"UA", "RU", "US"},
		Rows: []models.StanceRow{
			{Provision: models.ProvisionRef{Point: "6", Key: "troop-cap", Title: "Cap on Ukraine's armed forces", Category: "security"},
				Cells: []models.StanceCell{
					{Party: "UA", Roles: []string{"obligor"}, Stance: "opposes", StanceDate: "2025-11-21", Recorded: true, Sources: []models.Citation{axios}},
					{Party: "RU", Roles: []string{"beneficiary", "signatory"}, Stance: "supports", StanceDate: "2025-11-22", Recorded: true, Sources: []models.Citation{axios, ft}},
					{Party: "US"},
				}},
			{Provision: models.ProvisionRef{Point: "7", Key: "nato-membership", Title: "No NATO membership", Category: "security"},
				Cells: []models.StanceCell{
					{Party: "UA", Roles: []string{"obligor"}, Stance: "unknown"},
					{Party: "RU"},
					{Party: "US", Roles: []string{"guarantor"}, Stance: "reserved", Recorded: true},
				}},
		}}
}

// stanceMapIn writes m in format (md or csv), for TestGolden.
func stanceMapIn(m models.StanceMap) func(*bytes.Buffer, string) error {
	return func(b *bytes.Buffer, format string) error {
		if format == "csv" {
			return StanceMapCSV(b, m, nil)
		}
		return StanceMapMarkdown(b, m, nil)
	}
}

// emptyStanceMap is testStanceMap filtered down to no provision.
func emptyStanceMap() models.StanceMap {
	m := testStanceMap()
	m.Rows = nil
	return m
}
