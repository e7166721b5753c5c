package report

import (
	"encoding/json"
	"reflect"
	"testing"

	"plantracker/models"
)

// TestBriefListsUnchangedKeysApart: Brief keeps every row but the
// unchanged ones in full and in order, lists the unchanged keys apart in
// theirs with the ids of both sides and their non-counting and sourcing
// changes, keeps the counts of every key, cites only the rows in full, and
// leaves the comparison it was given as it was.
func TestBriefListsUnchangedKeysApart(t *testing.T) {
	cap6 := provision(t, "troop-cap", "troop_cap", `{"party":"UA","limit":600000}`, func(p *models.Provision) { p.ID = 1 })
	cap8 := cap6
	cap8.ID, cap8.Terms = 11, json.RawMessage(`{"party":"UA","limit":800000}`)
	nato := provision(t, "nato", "alliance_membership", `{"alliance":"NATO","membership":"renounced"}`,
		func(p *models.Provision) { p.ID, p.Point = 2, "7" })
	natoCited := nato
	natoCited.ID, natoCited.Sources = 12, cite("Reuters, 23 Nov 2025")
	amnesty := provision(t, "amnesty", "amnesty", `{"scope":"full"}`, func(p *models.Provision) { p.ID, p.Point = 3, "26" })
	amnestyAgain := amnesty
	amnestyAgain.ID = 13
	from := DraftProvisions{models.Draft{ID: 1, Number: 1, Label: "A", Coverage: "complete", Sources: cite("Axios, 20 Nov 2025")},
		[]models.Provision{cap6, nato, amnesty}}
	to := DraftProvisions{models.Draft{ID: 2, Number: 2, Label: "B", Coverage: "complete", Sources: cite("Axios, 20 Nov 2025")},
		[]models.Provision{cap8, natoCited, amnestyAgain}}
	full := Compare(from, to)
	if got := rowKeys(full); !reflect.DeepEqual(got, []string{"troop-cap:changed", "nato:unchanged", "amnesty:unchanged"}) {
		t.Fatalf("rows %v", got)
	}

	brief := full.Brief()
	if got := rowKeys(brief); !reflect.DeepEqual(got, []string{"troop-cap:changed"}) {
		t.Errorf("rows in full %v, want only the changed one", got)
	}
	if brief.Rows[0].From == nil || brief.Rows[0].To == nil {
		t.Errorf("the changed row lost a side: %+v", brief.Rows[0])
	}
	var keys []string
	for _, u := range brief.Unchanged {
		keys = append(keys, u.Key)
	}
	if !reflect.DeepEqual(keys, []string{"nato", "amnesty"}) {
		t.Fatalf("unchanged %v, want nato, amnesty in row order", keys)
	}
	nat := brief.Unchanged[0]
	if nat.FromID != 2 || nat.ToID != 12 || nat.Title != "Title of nato" || nat.Point != "7" {
		t.Errorf("unchanged nato = %+v", nat)
	}
	if len(nat.SourcingChanges) != 1 || nat.SourcingChanges[0].Field != "sources" {
		t.Errorf("nato's sourcing changes %+v, want its citation", nat.SourcingChanges)
	}
	if brief.Counts != full.Counts || brief.Counts.Unchanged != 2 {
		t.Errorf("counts %+v, want every key's %+v", brief.Counts, full.Counts)
	}
	for _, s := range brief.Sources {
		if s == "Reuters, 23 Nov 2025" {
			t.Errorf("sources %q cite an unchanged row not given in full", brief.Sources)
		}
	}
	if len(full.Rows) != 3 || len(full.Unchanged) != 0 {
		t.Errorf("Brief changed the comparison it was given: %d rows, %d unchanged", len(full.Rows), len(full.Unchanged))
	}
}
