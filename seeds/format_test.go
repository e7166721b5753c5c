package seeds

// Until the loader reads sources as records (the format in
// notes/sources-format.md), this test reads the seed files on its own, in
// that format, strictly: unknown fields are refused, every cited source
// exists, and every stance other than "unknown" has a source.

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"plantracker/models"
)

type fmtSource struct {
	Key       string `json:"key"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	URL       string `json:"url"`
	Language  string `json:"language"`
	Quote     string `json:"quote"`
	Note      string `json:"note"`
}

type fmtCitation struct {
	Source   string `json:"source"`
	Sourcing string `json:"sourcing"`
	Locator  string `json:"locator"`
}

type fmtLink struct {
	Party         string        `json:"party"`
	Role          string        `json:"role"`
	Stance        string        `json:"stance"`
	StanceDate    string        `json:"stance_date"`
	StanceSources []fmtCitation `json:"stance_sources"`
}

type fmtProvision struct {
	Key      string          `json:"key"`
	Point    string          `json:"point"`
	Kind     string          `json:"kind"`
	Category string          `json:"category"`
	Title    string          `json:"title"`
	Text     string          `json:"text"`
	Terms    json.RawMessage `json:"terms"`
	Status   string          `json:"status"`
	Sourcing string          `json:"sourcing"`
	Sources  []fmtCitation   `json:"sources"`
	Parties  []fmtLink       `json:"parties"`
}

type fmtDraft struct {
	Number      int            `json:"number"`
	Label       string         `json:"label"`
	Date        string         `json:"date"`
	Status      string         `json:"status"`
	Coverage    string         `json:"coverage"`
	Stage       string         `json:"stage"`
	Description string         `json:"description"`
	Sources     []fmtCitation  `json:"sources"`
	Signatories []string       `json:"signatories"`
	ForkedFrom  string         `json:"forked_from"`
	Provisions  []fmtProvision `json:"provisions"`
}

type fmtPlanFile struct {
	Plan   models.PlanInput `json:"plan"`
	Drafts []fmtDraft       `json:"drafts"`
}

func strictDecode(t *testing.T, name string, into any) {
	t.Helper()
	raw, err := fs.ReadFile(dataFS, name)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

var sourceKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestSeedFilesInTheSourcesFormat(t *testing.T) {
	var sources []fmtSource
	strictDecode(t, "data/sources.json", &sources)
	byKey := map[string]fmtSource{}
	for _, s := range sources {
		if !sourceKeyPattern.MatchString(s.Key) || len(s.Key) > 80 {
			t.Errorf("source key %q is not a lower-case slug", s.Key)
		}
		if _, dup := byKey[s.Key]; dup {
			t.Errorf("source %s listed twice", s.Key)
		}
		byKey[s.Key] = s
		if s.Publisher == "" || s.Title == "" {
			t.Errorf("source %s lacks a publisher or title", s.Key)
		}
		if s.Date != "" {
			if _, err := time.Parse("2006-01-02", s.Date); err != nil {
				t.Errorf("source %s: date %q is not YYYY-MM-DD", s.Key, s.Date)
			}
		}
		if s.URL != "" {
			t.Errorf("source %s has a URL, %q, which the reporting does not give", s.Key, s.URL)
		}
		if s.Note == "" {
			t.Errorf("source %s: a note should say where the record comes from", s.Key)
		}
	}
	cited := map[string]bool{}
	checkCitations := func(where string, cs []fmtCitation, need bool) {
		if need && len(cs) == 0 {
			t.Errorf("%s cites no source", where)
		}
		for _, c := range cs {
			cited[c.Source] = true
			if _, ok := byKey[c.Source]; !ok {
				t.Errorf("%s cites %q, which sources.json lacks", where, c.Source)
			}
			if !models.Sourcings.Has(c.Sourcing) {
				t.Errorf("%s: citation of %s has sourcing %q", where, c.Source, c.Sourcing)
			}
			if len(c.Locator) > 300 {
				t.Errorf("%s: locator longer than 300", where)
			}
		}
	}

	names, _ := fs.Glob(dataFS, "data/*.json")
	for _, name := range names {
		if base := path.Base(name); base == "parties.json" || base == "sources.json" {
			continue
		}
		var pf fmtPlanFile
		strictDecode(t, name, &pf)
		for _, d := range pf.Drafts {
			ref := models.Slugify(pf.Plan.Title) + "/" + d.Label
			checkCitations(ref, d.Sources, true)
			if !models.Coverages.Has(d.Coverage) || !models.Stages.Has(d.Stage) {
				t.Errorf("%s: coverage %q, stage %q", ref, d.Coverage, d.Stage)
			}
			for _, p := range d.Provisions {
				where := ref + " " + p.Key
				checkCitations(where, p.Sources, true)
				levels := map[string]bool{}
				for _, c := range p.Sources {
					levels[c.Sourcing] = true
				}
				if !levels[p.Sourcing] {
					t.Errorf("%s: sourcing %q but no citation at that level", where, p.Sourcing)
				}
				for _, l := range p.Parties {
					checkCitations(where+" "+l.Party+" stance", l.StanceSources, l.Stance != "unknown")
					if l.StanceDate != "" {
						if _, err := time.Parse("2006-01-02", l.StanceDate); err != nil {
							t.Errorf("%s: stance date %q", where, l.StanceDate)
						}
					}
				}
				// The rest of the provision validates as the domain says.
				mp := models.Provision{Key: p.Key, Point: p.Point, Kind: p.Kind, Category: p.Category, Title: p.Title,
					Text: p.Text, Terms: p.Terms, Status: p.Status, Sourcing: p.Sourcing, Citation: "see sources"}
				for _, l := range p.Parties {
					mp.Parties = append(mp.Parties, models.ProvisionParty{Party: l.Party, Role: l.Role, Stance: l.Stance})
				}
				if err := mp.Validate(); err != nil {
					t.Errorf("%s: %v", where, err)
				}
			}
		}
	}
	for key := range byKey {
		if !cited[key] {
			t.Errorf("source %s is cited by nothing", key)
		}
	}
}

// A quote is verbatim: where the source's text is in seeds/sources/, the
// quote is found in one of the files its note names, paragraph by
// paragraph.
func TestQuotesAreVerbatim(t *testing.T) {
	var sources []fmtSource
	strictDecode(t, "data/sources.json", &sources)
	files := map[string]string{}
	entries, _ := fs.ReadDir(Sources(), ".")
	for _, e := range entries {
		raw, _ := fs.ReadFile(Sources(), e.Name())
		files[e.Name()] = string(raw)
	}
	for _, s := range sources {
		if s.Quote == "" {
			continue
		}
		named, found := false, false
		for name, text := range files {
			if !strings.Contains(s.Note, name) {
				continue
			}
			named = true
			flat := strings.Join(strings.Fields(text), " ")
			all := true
			for _, para := range strings.Split(s.Quote, "\n\n") {
				all = all && strings.Contains(flat, strings.Join(strings.Fields(para), " "))
			}
			found = found || all
		}
		switch {
		case !named:
			t.Logf("source %s: its text is not kept in seeds/sources/", s.Key)
		case !found:
			t.Errorf("source %s: quote %.60q… is in none of the files its note names", s.Key, s.Quote)
		}
	}
}
