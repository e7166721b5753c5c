package seeds

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"plantracker/models"
)

// loaded is the seed data as a loaded database holds it: every draft by
// "<plan slug>/<number>", with its provisions by key.
type loaded struct {
	drafts     map[string]models.Draft
	provisions map[string]map[string]models.Provision
	sources    map[string]models.Source
}

func loadSeeded(t *testing.T) loaded {
	t.Helper()
	held := readStored(loadedStore(t))
	l := loaded{drafts: map[string]models.Draft{}, provisions: map[string]map[string]models.Provision{}, sources: map[string]models.Source{}}
	for _, src := range held.sources {
		l.sources[src.Key] = src
	}
	for _, d := range held.drafts {
		ref := models.Slugify(d.plan.Title) + "/" + strconv.Itoa(d.draft.Number)
		l.drafts[ref] = d.draft
		l.provisions[ref] = map[string]models.Provision{}
		for _, p := range d.provisions {
			l.provisions[ref][p.Key] = p
		}
	}
	return l
}

// draft is a loaded draft, or the test stops: a fact about a draft the
// database lacks fails.
func (l loaded) draft(t *testing.T, ref string) models.Draft {
	t.Helper()
	d, ok := l.drafts[ref]
	if !ok {
		t.Fatalf("the loaded database has no draft %s", ref)
	}
	return d
}

func (l loaded) provision(t *testing.T, ref, key string) models.Provision {
	t.Helper()
	l.draft(t, ref)
	p, ok := l.provisions[ref][key]
	if !ok {
		t.Fatalf("draft %s has no provision %s", ref, key)
	}
	return p
}

func term(p models.Provision, name string) string { return string(models.TermValues(p.Terms)[name]) }

// The corrected cross-draft facts (issue 11), on a database the seed data
// was loaded into: what the API, the UI, comparisons and exports read.
func TestCorrectedFactsOnTheLoadedDatabase(t *testing.T) {
	l := loadSeeded(t)

	t.Run("troop caps: 600,000 in the 28 points, 800,000 from the E3 and the 20 points", func(t *testing.T) {
		for ref, want := range map[string]string{draft28: "600000", draftE3: "800000", draft20: "800000"} {
			if got := term(l.provision(t, ref, "troop-cap"), "limit"); got != want {
				t.Errorf("%s troop cap = %s, want %s", ref, got, want)
			}
		}
	})

	t.Run("no 15-year term on the 20-point draft", func(t *testing.T) {
		g := l.provision(t, draft20, "security-guarantee")
		if d := term(g, "duration_years"); d != "" {
			t.Errorf("the 20-point guarantee has a duration of %s years; the 20 points give none", d)
		}
		for key, p := range l.provisions[draft20] {
			if term(p, "duration_years") == "15" {
				t.Errorf("the 20-point draft's %s has a term of 15 years", key)
			}
		}
	})

	t.Run("15 years on the guarantee document cited 26–29 Dec", func(t *testing.T) {
		d := l.draft(t, guarantee29D)
		if d.Date != "2025-12-26" {
			t.Errorf("the guarantee document whose 15 years were first stated on 26 Dec is dated %s", d.Date)
		}
		p := l.provision(t, guarantee29D, "guarantee-term")
		if term(p, "duration_years") != "15" || term(p, "applies_to") != `"security-guarantee"` {
			t.Errorf("guarantee term: %s", p.Terms)
		}
		if d.ForkedFromID == nil || *d.ForkedFromID != l.draft(t, guarantee13D).ID {
			t.Errorf("the 26 Dec document is not forked from the guarantee of 13 Dec")
		}
		if d13 := l.draft(t, guarantee13D); d13.ForkedFromID == nil || *d13.ForkedFromID != l.draft(t, guarantee21).ID {
			t.Errorf("the 13 Dec guarantee is not forked from the companion draft of 21 Nov")
		}
		if term(l.provision(t, guarantee21, "guarantee-term"), "duration_years") != "10" {
			t.Errorf("the companion draft's term is not 10 years")
		}
	})

	t.Run("E3 jets are NATO's", func(t *testing.T) {
		p := l.provision(t, draftE3, "fighter-jets")
		if term(p, "forces_of") != `["NATO"]` || term(p, "location") != `"Poland"` {
			t.Errorf("E3 fighter jets: %s", p.Terms)
		}
	})

	t.Run("the 20-point draft is complete and lacks the amnesty", func(t *testing.T) {
		if d := l.draft(t, draft20); d.Coverage != "complete" {
			t.Errorf("20-point coverage %s", d.Coverage)
		}
		if _, ok := l.provisions[draft20]["amnesty"]; ok {
			t.Error("the 20-point draft has an amnesty provision; the 20 points as read out have none")
		}
	})

	t.Run("21c: the agreed territories", func(t *testing.T) {
		if p := l.provision(t, draft28, "russian-withdrawal"); p.Point != "21c" || !strings.Contains(p.Text, "agreed territories") {
			t.Errorf("28-point 21c: point %q, text %q", p.Point, p.Text)
		}
	})

	t.Run("the 20-point and E3 drafts with their numbered points", func(t *testing.T) {
		for ref, points := range map[string][]string{
			draft20: {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"},
			draftE3: {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "21"},
		} {
			seen := map[string]bool{}
			for _, p := range l.provisions[ref] {
				seen[p.Point] = true
			}
			for _, pt := range points {
				if !seen[pt] {
					t.Errorf("%s lacks point %s", ref, pt)
				}
			}
		}
		if p := l.provision(t, draftE3, "nato-troops"); !strings.Contains(p.Text, "under its command") {
			t.Errorf("E3 point 8: %q", p.Text)
		}
	})

	t.Run("no per-provision stance cites Ushakov's reaction to the E3 plan", func(t *testing.T) {
		for ref, ps := range l.provisions {
			for key, p := range ps {
				for _, pp := range p.Parties {
					for _, c := range pp.StanceSources {
						if strings.Contains(c.Source, "ushakov") {
							t.Errorf("%s %s: %s's stance cites %s", ref, key, pp.Party, c.Source)
						}
					}
				}
			}
		}
	})

	t.Run("every source can be followed: an https address and a date", func(t *testing.T) {
		for key, s := range l.sources {
			if !strings.HasPrefix(s.URL, "https://") || len(s.Date) != 10 {
				t.Errorf("source %s: url %q, date %q", key, s.URL, s.Date)
			}
		}
	})

	t.Run("every draft's date, as loaded", func(t *testing.T) {
		for ref, want := range draftDates {
			if got := l.draft(t, ref).Date; got != want {
				t.Errorf("%s dated %s, want %s", ref, got, want)
			}
		}
		if len(l.drafts) != len(draftDates) {
			t.Errorf("%d drafts loaded, %d dates pinned", len(l.drafts), len(draftDates))
		}
	})

	t.Run("the ZNPP is point 19 of the 28-point draft", func(t *testing.T) {
		if p := l.provision(t, draft28, "zaporizhzhia-npp"); p.Point != "19" {
			t.Errorf("ZNPP at point %q", p.Point)
		}
	})

	t.Run("the signatories are on the guarantee document, not the 28-point draft", func(t *testing.T) {
		if got := l.draft(t, guarantee21).Signatories; !slices.Equal(got, []string{"UA", "US", "EU", "NATO", "RU"}) {
			t.Errorf("guarantee document signatories = %v", got)
		}
		if got := l.draft(t, draft28).Signatories; len(got) != 0 {
			t.Errorf("28-point draft signatories = %v", got)
		}
		for key, p := range l.provisions[draft28] {
			for _, pp := range p.Parties {
				if pp.Role == "signatory" {
					t.Errorf("the 28-point draft's %s names %s as a signatory", key, pp.Party)
				}
			}
		}
	})

	t.Run("the Geneva amnesty drop rests on RBC-Ukraine, ABC and DW, not the joint statement", func(t *testing.T) {
		keys := models.SourceKeys(l.provision(t, draftGeneva, "amnesty").Sources)
		want := []string{"rbc-ukraine-2025-11-24-geneva-revision", "abc-news-2025-11-24-geneva-revision", "dw-2025-11-27-stefanishyna-interview"}
		if !slices.Equal(keys, want) {
			t.Errorf("Geneva amnesty sources = %v, want %v", keys, want)
		}
	})

	t.Run("stances as reported, each with its date and source", func(t *testing.T) {
		for _, c := range []struct{ ref, key, party, stance, date string }{
			{draft20, "zaporizhzhia-npp", "US", "supports", "2025-12-23"},
			{draft20, "zaporizhzhia-npp", "UA", "reserved", "2025-12-23"},
			{guarantee29D, "guarantee-term", "UA", "reserved", "2025-12-26"},
		} {
			found := false
			for _, pp := range l.provision(t, c.ref, c.key).Parties {
				if pp.Party == c.party && pp.Stance == c.stance {
					found = true
					if pp.StanceDate != c.date || len(pp.StanceSources) == 0 {
						t.Errorf("%s %s: %s %s dated %q with %d sources", c.ref, c.key, c.party, c.stance, pp.StanceDate, len(pp.StanceSources))
					}
				}
			}
			if !found {
				t.Errorf("%s %s: no %s stance %s", c.ref, c.key, c.party, c.stance)
			}
		}
	})

	t.Run("roles mediator and operator", func(t *testing.T) {
		has := func(p models.Provision, party, role string) bool {
			return slices.ContainsFunc(p.Parties, func(pp models.ProvisionParty) bool { return pp.Party == party && pp.Role == role })
		}
		if !has(l.provision(t, draft28, "russia-nato-dialogue"), "US", "mediator") {
			t.Error("the US does not mediate the Russia–NATO dialogue")
		}
		if !has(l.provision(t, draft20, "zaporizhzhia-npp"), "US", "operator") {
			t.Error("the US proposal of a chief operator is not recorded")
		}
	})
}

// Every draft, provision and stance (other than unknown) of the loaded
// database cites at least one source record, and every one it cites exists.
func TestEverythingLoadedCitesASourceRecord(t *testing.T) {
	l := loadSeeded(t)
	if len(l.drafts) == 0 || len(l.sources) == 0 {
		t.Fatalf("loaded %d drafts and %d sources", len(l.drafts), len(l.sources))
	}
	check := func(where string, cs []models.Citation) {
		if len(cs) == 0 {
			t.Errorf("%s cites no source", where)
		}
		for _, c := range cs {
			if _, ok := l.sources[c.Source]; !ok {
				t.Errorf("%s cites %s, which is not a source record", where, c.Source)
			}
			if c.Reference == "" {
				t.Errorf("%s: the citation of %s reads back without its reference", where, c.Source)
			}
		}
	}
	for ref, d := range l.drafts {
		check(ref, d.Sources)
		if len(l.provisions[ref]) == 0 {
			t.Errorf("draft %s has no provisions", ref)
		}
		for key, p := range l.provisions[ref] {
			check(ref+" "+key, p.Sources)
			for _, pp := range p.Parties {
				if pp.Stance != "unknown" {
					check(ref+" "+key+" "+pp.Party+" stance", pp.StanceSources)
				}
			}
		}
	}
}
