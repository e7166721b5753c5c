package seeds

import (
	"encoding/json"
	"slices"
	"testing"

	"plantracker/models"
)

// readData reads the embedded seed files or stops the test.
func readData(t *testing.T) Data {
	t.Helper()
	d, err := Read()
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(d.Parties) == 0 || len(d.Plans) == 0 {
		t.Fatalf("Read found %d parties and %d plans", len(d.Parties), len(d.Plans))
	}
	return d
}

// eachProvision calls fn for every provision of every draft, validated
// (defaults filled and terms in canonical form), or reports why it is not.
func eachProvision(t *testing.T, d Data, fn func(ref string, p models.Provision)) {
	t.Helper()
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			for _, in := range ds.Provisions {
				p := in.Provision(1)
				if err := p.Validate(); err != nil {
					t.Errorf("%s %s: %v", draftRef(pf, ds.Number), in.Key, err)
					continue
				}
				fn(draftRef(pf, ds.Number), p)
			}
		}
	}
}

func TestPartiesValidateAndAreUnique(t *testing.T) {
	d := readData(t)
	seen := map[string]bool{}
	for _, in := range d.Parties {
		p := in.Party()
		if err := p.Validate(); err != nil {
			t.Errorf("party %q: %v", in.ShortName, err)
		}
		if seen[in.ShortName] {
			t.Errorf("party short name %q listed twice", in.ShortName)
		}
		seen[in.ShortName] = true
	}
}

func TestPlansAndDraftsValidate(t *testing.T) {
	d := readData(t)
	refs := map[string]bool{}
	slugs := map[string]bool{}
	for _, pf := range d.Plans {
		plan := pf.Plan.Plan()
		if err := plan.Validate(); err != nil {
			t.Errorf("plan %q: %v", pf.Plan.Title, err)
		}
		if slugs[plan.Slug()] {
			t.Errorf("plan slug %q used twice", plan.Slug())
		}
		slugs[plan.Slug()] = true
		if len(pf.Drafts) == 0 {
			t.Errorf("plan %q has no drafts", pf.Plan.Title)
		}
		numbers := map[int]bool{}
		for _, ds := range pf.Drafts {
			draft := ds.DraftInput.Draft(1)
			if err := draft.Validate(); err != nil {
				t.Errorf("draft %s: %v", draftRef(pf, ds.Number), err)
			}
			if ds.Number < 1 {
				t.Errorf("draft %s: number must be 1 or more", draftRef(pf, ds.Number))
			}
			if numbers[ds.Number] {
				t.Errorf("plan %q: draft number %d used twice", pf.Plan.Title, ds.Number)
			}
			numbers[ds.Number] = true
			refs[draftRef(pf, ds.Number)] = true
			if len(ds.Sources) == 0 {
				t.Errorf("draft %s lists no sources", draftRef(pf, ds.Number))
			}
			if len(ds.Provisions) == 0 {
				t.Errorf("draft %s has no provisions", draftRef(pf, ds.Number))
			}
		}
	}
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			if ds.ForkedFrom == "" {
				continue
			}
			if !refs[ds.ForkedFrom] {
				t.Errorf("draft %s: forked_from %q names no seeded draft", draftRef(pf, ds.Number), ds.ForkedFrom)
			}
			if ds.ForkedFrom == draftRef(pf, ds.Number) {
				t.Errorf("draft %s is forked from itself", draftRef(pf, ds.Number))
			}
		}
	}
}

func TestProvisionsValidate(t *testing.T) {
	d := readData(t)
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			keys := map[string]bool{}
			for _, in := range ds.Provisions {
				if keys[in.Key] {
					t.Errorf("draft %s: key %q used twice", draftRef(pf, ds.Number), in.Key)
				}
				keys[in.Key] = true
			}
		}
	}
	eachProvision(t, d, func(ref string, p models.Provision) {
		switch p.Sourcing {
		case "reported", "unconfirmed":
		default:
			t.Errorf("%s %s: sourcing %q: no seeded text was published officially", ref, p.Key, p.Sourcing)
		}
	})
}

// TestEveryPartyIsDeclared walks every place a party short name can appear:
// plan origins, draft signatories, provision parties and party-typed terms.
func TestEveryPartyIsDeclared(t *testing.T) {
	d := readData(t)
	declared := map[string]bool{}
	for _, p := range d.Parties {
		declared[p.ShortName] = true
	}
	check := func(where, name string) {
		if !declared[name] {
			t.Errorf("%s: party %q is not in parties.json", where, name)
		}
	}
	for _, pf := range d.Plans {
		if pf.Plan.Origin != "" {
			check("plan "+pf.Plan.Title+" origin", pf.Plan.Origin)
		}
		for _, ds := range pf.Drafts {
			for _, s := range ds.Signatories {
				check(draftRef(pf, ds.Number)+" signatories", s)
			}
		}
	}
	eachProvision(t, d, func(ref string, p models.Provision) {
		where := ref + " " + p.Key
		if _, ok := models.KindByName(p.Kind); !ok {
			t.Errorf("%s: unknown kind %q", where, p.Kind)
			return
		}
		for _, r := range p.PartyReferences() {
			check(where+" "+r.Field, r.Party)
		}
	})
}

func TestCitationsNameSourceRecords(t *testing.T) {
	d := readData(t)
	known := map[string]bool{}
	for i, src := range d.Sources {
		s := src.Source()
		if err := s.Validate(); err != nil {
			t.Errorf("sources.json [%d] %s: %v", i, src.Key, err)
		}
		if known[src.Key] {
			t.Errorf("sources.json: key %s twice", src.Key)
		}
		known[src.Key] = true
	}
	check := func(where string, refs []models.SourceReference) {
		for _, r := range refs {
			if !known[r.Source] {
				t.Errorf("%s %s: cites %s, which sources.json lacks", where, r.Field, r.Source)
			}
		}
	}
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			ref := draftRef(pf, ds.Number)
			if len(ds.Sources) == 0 {
				t.Errorf("%s: the draft cites no source", ref)
			}
			check(ref, ds.Draft(1).SourceReferences())
		}
	}
	eachProvision(t, d, func(ref string, p models.Provision) {
		if len(p.Sources) == 0 {
			t.Errorf("%s %s: the provision cites no source", ref, p.Key)
		}
		check(ref+" "+p.Key, p.SourceReferences())
	})
}

// provision finds a validated provision by draft reference and key.
func provision(t *testing.T, d Data, ref, key string) models.Provision {
	t.Helper()
	for _, pf := range d.Plans {
		for _, ds := range pf.Drafts {
			if draftRef(pf, ds.Number) != ref {
				continue
			}
			for _, in := range ds.Provisions {
				if in.Key == key {
					p := in.Provision(1)
					if err := p.Validate(); err != nil {
						t.Fatalf("%s %s: %v", ref, key, err)
					}
					return p
				}
			}
			t.Fatalf("draft %s has no provision %q", ref, key)
		}
	}
	t.Fatalf("no draft %s", ref)
	return models.Provision{}
}

// The facts every later feature (comparison, summaries) is demonstrated on.
func TestReportedFacts(t *testing.T) {
	d := readData(t)
	const (
		v1     = "us-peace-framework/1"
		geneva = "us-peace-framework/2"
		v3     = "us-peace-framework/3"
		e3     = "european-counter-proposal/1"
	)
	tests := []struct {
		name       string
		ref, key   string
		term, want string // a term and its canonical JSON value; empty term: not checked
		status     string // empty: not checked
		sourcing   string // empty: not checked
	}{
		{"28-point troop cap", v1, "troop-cap", "limit", "600000", "proposed", "reported"},
		{"E3 troop cap", e3, "troop-cap", "limit", "800000", "", ""},
		{"E3 troop cap in peacetime", e3, "troop-cap", "peacetime_only", "true", "", ""},
		{"Geneva troop cap", geneva, "troop-cap", "limit", "800000", "", ""},
		{"20-point troop cap", v3, "troop-cap", "limit", "800000", "", ""},
		{"28-point guarantee term", v1, "security-guarantee", "duration_years", "10", "", ""},
		{"28-point guarantee renewable", v1, "security-guarantee", "renewable", "true", "", ""},
		{"28-point guarantee model", v1, "security-guarantee", "model", `"article5_like"`, "", ""},
		{"28-point guarantee no duty to intervene", v1, "security-guarantee", "obliges_intervention", "false", "", ""},
		{"20-point guarantee term", v3, "security-guarantee", "duration_years", "15", "", ""},
		{"E3 amnesty unconfirmed", e3, "amnesty", "", "", "withdrawn", "unconfirmed"},
		{"Geneva amnesty dropped", geneva, "amnesty", "", "", "withdrawn", "reported"},
		{"20-point ZNPP disputed", v3, "zaporizhzhia-npp", "management", `"unresolved"`, "disputed", ""},
		{"20-point Donbas disputed", v3, "donbas", "disposition", `"frozen_at_line_of_contact"`, "disputed", ""},
		{"20-point NATO renunciation removed", v3, "nato-membership", "", "", "withdrawn", ""},
		{"28-point ZNPP supervised by the IAEA", v1, "zaporizhzhia-npp", "supervised_by", `["IAEA"]`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := provision(t, d, tt.ref, tt.key)
			if tt.term != "" {
				if got := string(models.TermValues(p.Terms)[tt.term]); got != tt.want {
					t.Errorf("terms.%s = %s, want %s", tt.term, got, tt.want)
				}
			}
			if tt.status != "" && p.Status != tt.status {
				t.Errorf("status = %q, want %q", p.Status, tt.status)
			}
			if tt.sourcing != "" && p.Sourcing != tt.sourcing {
				t.Errorf("sourcing = %q, want %q", p.Sourcing, tt.sourcing)
			}
		})
	}

	t.Run("28-point guarantors", func(t *testing.T) {
		p := provision(t, d, v1, "security-guarantee")
		var guarantors []string
		if err := json.Unmarshal(models.TermValues(p.Terms)["guarantors"], &guarantors); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"US", "FR", "UK", "DE", "PL", "FI"} {
			if !slices.Contains(guarantors, want) {
				t.Errorf("guarantors %v lack %s", guarantors, want)
			}
		}
	})

	t.Run("E3 deletes point 3", func(t *testing.T) {
		found := false
		defer func() {
			if !found {
				t.Errorf("no draft %s", e3) // a missing draft must not pass
			}
		}()
		for _, pf := range d.Plans {
			for _, ds := range pf.Drafts {
				if draftRef(pf, ds.Number) != e3 {
					continue
				}
				found = true
				for _, in := range ds.Provisions {
					if in.Key == "nato-expansion" {
						t.Errorf("the E3 draft deleted point 3 but has a nato-expansion provision")
					}
				}
			}
		}
	})

	t.Run("28-point signature spaces", func(t *testing.T) {
		found := false
		for _, pf := range d.Plans {
			for _, ds := range pf.Drafts {
				if draftRef(pf, ds.Number) != v1 {
					continue
				}
				found = true
				if !slices.Equal(ds.Signatories, []string{"UA", "US", "EU", "NATO", "RU"}) {
					t.Errorf("signatories = %v", ds.Signatories)
				}
			}
		}
		if !found {
			t.Errorf("no draft %s", v1) // a missing draft must not pass
		}
	})
}
