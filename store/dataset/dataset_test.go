package dataset_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
	"plantracker/store/dataset"
	"plantracker/store/storetest"
)

// seededStore is a new store with the seed data.
func seededStore(t *testing.T) *store.Store {
	t.Helper()
	s := storetest.OpenSQLite(t)
	if _, err := seeds.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

// seededDataset is a store with the seed data and the dataset written from
// it at at (with scenarios or without), unzipped: file name → contents.
func seededDataset(t *testing.T, at time.Time, scenarios bool) (*store.Store, map[string][]byte) {
	t.Helper()
	s := seededStore(t)
	return s, writeDataset(t, s, at, scenarios)
}

// writeDataset is the dataset written from s at at, unzipped.
func writeDataset(t *testing.T, s *store.Store, at time.Time, scenarios bool) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := dataset.Write(context.Background(), s, &buf, at, scenarios); err != nil {
		t.Fatal(err)
	}
	return storetest.Unzip(t, buf.Bytes())
}

// TestDatasetRoundTrip: the seed data written as a dataset and loaded back
// into a fresh store from the CSV files alone gives the same provisions:
// every term, party link, stance and citation.
func TestDatasetRoundTrip(t *testing.T) {
	src, files := seededDataset(t, time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), true)
	for _, name := range []string{"parties.csv", "sources.csv", "plans.csv", "drafts.csv", "provisions.csv",
		"provision_parties.csv", "translations.csv", "citations.csv", "codebook.json", "codebook.md"} {
		if _, ok := files[name]; !ok {
			t.Fatalf("the dataset lacks %s", name)
		}
	}

	dst := storetest.OpenSQLite(t)
	load(t, dst, files)
	want, got := allProvisions(t, src), allProvisions(t, dst)
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("%d provisions came back of %d", len(got), len(want))
	}
	for where, p := range want {
		if a, b := comparable(p), comparable(got[where]); a != b {
			t.Errorf("%s came back different:\n%s\n%s", where, a, b)
		}
	}
}

// An analyst's fork is a scenario: the dataset leaves it out, with its
// provisions, unless scenarios are asked for.
func TestDatasetLeavesScenariosOut(t *testing.T) {
	s, _ := seededDataset(t, time.Now(), true)
	ctx := context.Background()
	fork, err := s.ForkDraft(ctx, "analyst", 1, models.ForkInput{Label: "Analyst's trial", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !fork.Scenario() {
		t.Fatalf("a fork is %q, want a scenario", fork.Standing)
	}
	for _, scenarios := range []bool{false, true} {
		files := writeDataset(t, s, time.Now(), scenarios)
		if got := strings.Contains(string(files["drafts.csv"]), "Analyst's trial"); got != scenarios {
			t.Errorf("scenarios %v: the fork in drafts.csv: %v", scenarios, got)
		}
	}
}

// TestCodebookDescribesEveryColumn: every column of every file is in the
// codebook with a type and a description; term columns name their kind and
// PA-X category, enums list their values.
func TestCodebookDescribesEveryColumn(t *testing.T) {
	_, files := seededDataset(t, time.Now(), true)
	var cb dataset.Codebook
	if err := json.Unmarshal(files["codebook.json"], &cb); err != nil {
		t.Fatal(err)
	}
	md := string(files["codebook.md"])
	for _, f := range cb.Files {
		header := records(t, files, f.Name)[0]
		var names []string
		for _, c := range f.Columns {
			names = append(names, c.Name)
			if c.Type == "" || c.Description == "" {
				t.Errorf("%s.%s: no type or description", f.Name, c.Name)
			}
			if c.Type == "enum" && len(c.Values) == 0 {
				t.Errorf("%s.%s: an enum without values", f.Name, c.Name)
			}
			if strings.Contains(c.Name, "__") && (c.Kind == "" || c.CategoryLabel == "") {
				t.Errorf("%s.%s: a term column without its kind and category", f.Name, c.Name)
			}
			if !strings.Contains(md, "`"+c.Name+"`") {
				t.Errorf("codebook.md lacks %s.%s", f.Name, c.Name)
			}
		}
		if !slices.Equal(header, names) {
			t.Errorf("%s: header %v, codebook %v", f.Name, header, names)
		}
	}
	var limit dataset.Column
	for _, f := range cb.Files {
		for _, c := range f.Columns {
			if c.Name == "troop_cap__limit" {
				limit = c
			}
		}
	}
	if limit.Type != "integer" || limit.Unit != "people" || limit.Kind != "troop_cap" || limit.Category != "security" {
		t.Errorf("troop_cap__limit is described as %+v", limit)
	}
	// The 28-point draft's troop cap is a number a program can sum.
	rows := records(t, files, "provisions.csv")
	col := slices.Index(rows[0], "troop_cap__limit")
	var caps []string
	for _, r := range rows[1:] {
		if r[col] != "" {
			caps = append(caps, r[col])
		}
	}
	if !slices.Contains(caps, "600000") || !slices.Contains(caps, "800000") {
		t.Errorf("troop caps in the dataset: %v", caps)
	}
}

func records(t *testing.T, files map[string][]byte, name string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(files[name])).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// rowsOf reads a file as maps by column name.
func rowsOf(t *testing.T, files map[string][]byte, name string) []map[string]string {
	t.Helper()
	rows := records(t, files, name)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// load puts the dataset's files into s through the store's own use cases,
// as a researcher's script would: parties, sources, plans, drafts (ids
// mapped), provisions with their terms rebuilt from the term columns.
func load(t *testing.T, s *store.Store, files map[string][]byte) {
	t.Helper()
	ctx := context.Background()
	for _, r := range rowsOf(t, files, "parties.csv") {
		if _, err := s.CreateParty(ctx, "load", models.Party{ShortName: r["short_name"], Name: r["name"], Type: r["type"]}); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rowsOf(t, files, "sources.csv") {
		src := models.Source{Key: r["key"], Publisher: r["publisher"], Title: r["title"],
			Date: r["date"], URL: r["url"], Language: r["language"], Quote: r["quote"], Note: r["note"]}
		for _, lang := range models.TextLanguages {
			if q := r["quote_"+lang.Value]; q != "" {
				src.Translations = append(src.Translations, models.QuoteTranslation{Language: lang.Value, Quote: q})
			}
		}
		if _, err := s.CreateSource(ctx, "load", src); err != nil {
			t.Fatal(err)
		}
	}
	cites := map[string][]models.Citation{} // "draft 3", "provision 9", "stance 9 UA obligor", "translation 9 uk"
	for _, r := range rowsOf(t, files, "citations.csv") {
		key := r["cited_by"] + " " + r["provision_id"] + " " + r["party"] + " " + r["role"]
		switch r["cited_by"] {
		case "draft":
			key = "draft " + r["draft_id"]
		case "translation":
			key = "translation " + r["provision_id"] + " " + r["language"]
		}
		cites[key] = append(cites[key], models.Citation{Source: r["source"], Sourcing: r["sourcing"], Locator: r["locator"]})
	}
	plans := map[string]int64{}
	for _, r := range rowsOf(t, files, "plans.csv") {
		p, err := s.CreatePlan(ctx, "load", models.Plan{Title: r["title"], Origin: r["origin"], Description: r["description"]})
		if err != nil {
			t.Fatal(err)
		}
		plans[r["id"]] = p.ID
	}
	drafts := map[string]int64{}
	for _, r := range rowsOf(t, files, "drafts.csv") {
		d := models.Draft{PlanID: plans[r["plan_id"]], Label: r["label"], Date: r["date"], Status: r["status"],
			Coverage: r["coverage"], Stage: r["stage"], Description: r["description"], Sources: cites["draft "+r["id"]]}
		if r["signatories"] != "" {
			d.Signatories = strings.Split(r["signatories"], models.ListSeparator)
		}
		if f := r["forked_from_id"]; f != "" {
			id := drafts[f] // drafts come in plan order; a fork's origin is listed before it in the seed data
			d.ForkedFromID = &id
		}
		created, err := s.CreateDraft(ctx, "load", d)
		if err != nil {
			t.Fatal(err)
		}
		drafts[r["id"]] = created.ID
	}
	links := map[string][]models.ProvisionParty{}
	for _, r := range rowsOf(t, files, "provision_parties.csv") {
		pp := models.ProvisionParty{Party: r["party"], Role: r["role"], Stance: r["stance"], StanceDate: r["stance_date"],
			StanceSources: cites["stance "+r["provision_id"]+" "+r["party"]+" "+r["role"]]}
		links[r["provision_id"]] = append(links[r["provision_id"]], pp)
	}
	translations := map[string][]models.Translation{}
	for _, r := range rowsOf(t, files, "translations.csv") {
		translations[r["provision_id"]] = append(translations[r["provision_id"]], models.Translation{Language: r["language"],
			Title: r["title"], Text: r["text"], Sources: cites["translation "+r["provision_id"]+" "+r["language"]]})
	}
	columns := models.TermColumns()
	for _, r := range rowsOf(t, files, "provisions.csv") {
		terms := map[string]json.RawMessage{}
		for _, c := range columns {
			if c.Kind.Name != r["kind"] {
				continue
			}
			raw, ok, err := parseCell(c, r[c.Name])
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				terms[c.Field.Name] = raw
			}
		}
		rawTerms, _ := json.Marshal(terms)
		p := models.Provision{DraftID: drafts[r["draft_id"]], Key: r["key"], Point: r["point"], Category: r["category"],
			Kind: r["kind"], Title: r["title"], Text: r["text"], Terms: rawTerms, Status: r["status"], Sourcing: r["sourcing"],
			Sources: cites["provision "+r["id"]+"  "], Parties: links[r["id"]],
			OriginalLanguage: r["original_language"], Translations: translations[r["id"]]}
		if _, err := s.CreateProvision(ctx, "load", p); err != nil {
			t.Fatalf("provision %s: %v", r["key"], err)
		}
	}
}

// allProvisions maps "<plan title> v<number> <key>" to each provision.
func allProvisions(t *testing.T, s *store.Store) map[string]models.Provision {
	t.Helper()
	ctx := context.Background()
	drafts, err := s.AllDrafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]models.Provision{}
	for _, d := range drafts {
		plan, err := s.Plan(ctx, d.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := s.DraftProvisions(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			out[plan.Title+" v"+strconv.Itoa(d.Number)+" "+p.Key] = p
		}
	}
	return out
}

// comparable is what a provision says, without its row bookkeeping.
func comparable(p models.Provision) string {
	p.ID, p.DraftID, p.Version = 0, 0, 0
	p.CreatedAt, p.UpdatedAt = time.Time{}, time.Time{}
	b, _ := json.Marshal(p)
	return string(b)
}

// parseCell reads a cell written by TermColumn.Cell back into the term's
// JSON value, as a program loading the data set would; ok is false for an
// empty cell (not stated).
func parseCell(c models.TermColumn, s string) (raw json.RawMessage, ok bool, err error) {
	if s == "" {
		return nil, false, nil
	}
	var v any
	switch c.Field.Type {
	case models.FieldInteger, models.FieldNumber:
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %q is not a number", c.Name, s)
		}
		v = n
	case models.FieldBoolean:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return nil, false, fmt.Errorf("%s: %q is not true or false", c.Name, s)
		}
		v = b
	case models.FieldParties:
		v = strings.Split(s, models.ListSeparator)
	default:
		v = s
	}
	b, err := json.Marshal(v)
	return b, true, err
}

// TestDatasetCarriesQuoteTranslations: a source's quote in another language
// goes out in its quote_<language> column and comes back from it.
func TestDatasetCarriesQuoteTranslations(t *testing.T) {
	ctx := context.Background()
	src := seededStore(t)
	want := []models.QuoteTranslation{{Language: "en", Quote: "A referendum needs at least 60 days."}}
	if _, err := src.CreateSource(ctx, "test", models.Source{Key: "quoted-uk", Publisher: "Novyny.LIVE", Title: "Умови референдуму",
		Date: "2025-12-24", Language: "uk", Quote: "На референдум треба мінімум 60 днів.", Translations: want}); err != nil {
		t.Fatal(err)
	}
	files := writeDataset(t, src, time.Now(), false)
	dst := storetest.OpenSQLite(t)
	load(t, dst, files)
	back, err := dst.SourceByKey(ctx, "quoted-uk")
	if err != nil {
		t.Fatalf("the source did not come back: %v", err)
	}
	if !slices.Equal(back.Translations, want) || back.Quote != "На референдум треба мінімум 60 днів." {
		t.Errorf("came back as %q with %+v", back.Quote, back.Translations)
	}
}
