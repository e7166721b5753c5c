package seeds

import (
	"testing"

	"plantracker/models"
)

// TestSeedWordingAgreesWithTerms: no seeded provision's wording states
// another value than its terms, on its own or against the same key in the
// draft it was forked from. A failure here is either a seed that really
// is inconsistent (fix the seed) or a false alarm of the check (fix
// models.WordingMismatches).
func TestSeedWordingAgreesWithTerms(t *testing.T) {
	d := readData(t)
	parties := make([]models.Party, len(d.Parties))
	for i, in := range d.Parties {
		parties[i] = in.Party()
	}
	// Every seeded provision by "<plan slug>/<number>" and key.
	byDraft := map[string]map[string]models.Provision{}
	type seeded struct {
		ref, parent string
		p           models.Provision
	}
	var all []seeded
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			ref := draftRef(pf, ds.Number)
			byDraft[ref] = map[string]models.Provision{}
			for _, in := range ds.Provisions {
				p := in.Provision(1)
				if err := p.Validate(); err != nil {
					continue // TestProvisionsValidate reports it
				}
				byDraft[ref][p.Key] = p
				all = append(all, seeded{ref, ds.ForkedFrom, p})
			}
		}
	}
	if len(all) < 20 {
		t.Fatalf("only %d seeded provisions", len(all))
	}
	for _, s := range all {
		for _, m := range models.WordingMismatches(s.p, nil, parties) {
			t.Errorf("%s %s: %s", s.ref, s.p.Key, m)
		}
		if prev, ok := byDraft[s.parent][s.p.Key]; ok {
			for _, m := range models.WordingMismatches(s.p, &prev, parties) {
				t.Errorf("%s %s, against %s: %s", s.ref, s.p.Key, s.parent, m)
			}
		}
	}
}
