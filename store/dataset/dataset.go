// Package dataset writes everything the store holds as a dataset for
// researchers: one CSV file per table, with one typed column per term of
// every kind, and a codebook (Markdown and JSON) generated from the kind
// registry. Peace-agreement databases publish agreements as CSV with a
// codebook (PA-X); this is the same, with the typed terms none of them
// publishes.
//
// It writes files, yet it sits below store, not in ui/export: the API serves
// it (GET /api/v1/dataset.zip, for researchers' programs), and api must not
// import ui. Like the store's own export (store.Export) it is the whole
// database, table by table, read through a small interface of the store's
// queries (Store); it holds no GORM and no HTTP.
package dataset

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"plantracker/models"
)

// Store is what the dataset reads.
type Store interface {
	Parties(ctx context.Context) ([]models.Party, error)
	Sources(ctx context.Context) ([]models.Source, error)
	Plans(ctx context.Context) ([]models.Plan, error)
	AllDrafts(ctx context.Context) ([]models.Draft, error)
	DraftProvisions(ctx context.Context, draftID int64) ([]models.Provision, error)
}

// Title names the dataset.
const Title = "Plantracker dataset"

// partyLink is one row of provision_parties.csv.
type partyLink struct {
	provisionID int64
	position    int
	models.ProvisionParty
}

// translation is one row of translations.csv: a provision's words in a
// language other than English.
type translation struct {
	provisionID int64
	models.Translation
}

// citation is one row of citations.csv: a draft's, a provision's, a
// stance's or a translation's citation of a source.
type citation struct {
	citedBy     string // draft, provision, stance or translation
	draftID     int64
	provisionID int64
	party, role string // the stance's
	language    string // the translation's
	position    int
	models.Citation
}

// contents is everything the files hold, read once.
type contents struct {
	parties      []models.Party
	sources      []models.Source
	plans        []models.Plan
	drafts       []models.Draft
	provisions   []models.Provision
	links        []partyLink
	translations []translation
	citations    []citation
	steps        []models.ImplementationStep
}

// Write writes the dataset to w as a zip: the CSV files, codebook.json and
// codebook.md. at is when it was made, as the codebook says. The analysts'
// own scenario drafts, with their provisions, are in it only when
// scenarios is true: they are not part of the record.
func Write(ctx context.Context, s Store, w io.Writer, at time.Time, scenarios bool) error {
	c, err := read(ctx, s, scenarios)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{partiesTable.file, func(w io.Writer) error { return partiesTable.write(w, c.parties) }},
		{sourcesTable.file, func(w io.Writer) error { return sourcesTable.write(w, c.sources) }},
		{plansTable.file, func(w io.Writer) error { return plansTable.write(w, c.plans) }},
		{draftsTable.file, func(w io.Writer) error { return draftsTable.write(w, c.drafts) }},
		{provisionsTable().file, func(w io.Writer) error { return provisionsTable().write(w, c.provisions) }},
		{linksTable.file, func(w io.Writer) error { return linksTable.write(w, c.links) }},
		{translationsTable.file, func(w io.Writer) error { return translationsTable.write(w, c.translations) }},
		{citationsTable.file, func(w io.Writer) error { return citationsTable.write(w, c.citations) }},
		{implementationTable.file, func(w io.Writer) error { return implementationTable.write(w, c.steps) }},
		{"codebook.json", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(NewCodebook(at))
		}},
		{"codebook.md", func(w io.Writer) error { return NewCodebook(at).Markdown(w) }},
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return err
		}
		if err := f.write(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// NewCodebook describes every file of the dataset.
func NewCodebook(at time.Time) Codebook {
	return Codebook{Title: Title, GeneratedAt: at.UTC().Format(time.RFC3339), Notes: notes,
		Files: []File{partiesTable.doc(), sourcesTable.doc(), plansTable.doc(), draftsTable.doc(),
			provisionsTable().doc(), linksTable.doc(), translationsTable.doc(), citationsTable.doc(), implementationTable.doc()}}
}

func read(ctx context.Context, s Store, scenarios bool) (contents, error) {
	var c contents
	var err error
	if c.parties, err = s.Parties(ctx); err != nil {
		return c, err
	}
	if c.sources, err = s.Sources(ctx); err != nil {
		return c, err
	}
	if c.plans, err = s.Plans(ctx); err != nil {
		return c, err
	}
	if c.drafts, err = s.AllDrafts(ctx); err != nil {
		return c, err
	}
	if !scenarios {
		c.drafts = slices.DeleteFunc(c.drafts, models.Draft.Scenario)
	}
	if c.steps, err = readImplementation(ctx, s); err != nil {
		return c, err
	}
	for _, d := range c.drafts {
		for i, cit := range d.Sources {
			c.citations = append(c.citations, citation{citedBy: "draft", draftID: d.ID, position: i, Citation: cit})
		}
		ps, err := s.DraftProvisions(ctx, d.ID)
		if err != nil {
			return c, err
		}
		for _, p := range ps {
			c.provisions = append(c.provisions, p)
			for i, cit := range p.Sources {
				c.citations = append(c.citations, citation{citedBy: "provision", draftID: d.ID, provisionID: p.ID, position: i, Citation: cit})
			}
			for i, pp := range p.Parties {
				c.links = append(c.links, partyLink{provisionID: p.ID, position: i, ProvisionParty: pp})
				for j, cit := range pp.StanceSources {
					c.citations = append(c.citations, citation{citedBy: "stance", draftID: d.ID, provisionID: p.ID,
						party: pp.Party, role: pp.Role, position: j, Citation: cit})
				}
			}
			for _, tr := range p.Translations {
				c.translations = append(c.translations, translation{provisionID: p.ID, Translation: tr})
				for i, cit := range tr.Sources {
					c.citations = append(c.citations, citation{citedBy: "translation", draftID: d.ID, provisionID: p.ID,
						language: tr.Language, position: i, Citation: cit})
				}
			}
		}
	}
	return c, nil
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func optionalID(n *int64) string {
	if n == nil {
		return ""
	}
	return id(*n)
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func kindTerms() []models.Term {
	out := make([]models.Term, 0, len(models.Kinds()))
	for _, k := range models.Kinds() {
		out = append(out, models.Term{Value: k.Name, Label: k.Label})
	}
	return out
}

var partiesTable = table[models.Party]{"parties.csv", "The states, blocs and organisations drafts name, one per row.", []column[models.Party]{
	col("id", "id", "The party's id.", func(p models.Party) string { return id(p.ID) }),
	col("short_name", "party", "How every other file names the party (UA, NATO).", func(p models.Party) string { return p.ShortName }),
	col("name", "text", "The party's name.", func(p models.Party) string { return p.Name }),
	enum("type", "What kind of actor the party is.", models.PartyTypes, func(p models.Party) string { return p.Type }),
}}

var sourcesTable = withQuoteTranslations(table[models.Source]{"sources.csv", "The publications and documents the facts rest on; citations.csv says what cites each.", []column[models.Source]{
	col("id", "id", "The source's id.", func(s models.Source) string { return id(s.ID) }),
	col("key", "text", "How citations name the source; stable.", func(s models.Source) string { return s.Key }),
	col("publisher", "text", "Who published it.", func(s models.Source) string { return s.Publisher }),
	col("title", "text", "Its title, or a description of it where it has none (the note says so).", func(s models.Source) string { return s.Title }),
	col("date", "date", "When it was published.", func(s models.Source) string { return s.Date }),
	col("url", "text", "Where it is, where public and known.", func(s models.Source) string { return s.URL }),
	col("language", "text", "Its language, as a BCP 47 tag.", func(s models.Source) string { return s.Language }),
	col("quote", "text", "The passage the facts rest on, verbatim, where there is one.", func(s models.Source) string { return s.Quote }),
	col("note", "text", "What a reader should know about the source.", func(s models.Source) string { return s.Note }),
}})

// withQuoteTranslations adds a column per language the record's words may
// be in (quote_en, quote_uk) for the quote translated into it; the quote
// column holds the original.
func withQuoteTranslations(t table[models.Source]) table[models.Source] {
	for _, lang := range models.TextLanguages {
		t.columns = append(t.columns, col("quote_"+lang.Value, "text",
			"The quote in "+lang.Label+", where the record holds it translated (the quote column holds the original, in the source's language); empty where it does not.",
			func(s models.Source) string {
				for _, tr := range s.Translations {
					if tr.Language == lang.Value {
						return tr.Quote
					}
				}
				return ""
			}))
	}
	return t
}

var plansTable = table[models.Plan]{"plans.csv", "The negotiating tracks; each has drafts.", []column[models.Plan]{
	col("id", "id", "The plan's id.", func(p models.Plan) string { return id(p.ID) }),
	col("title", "text", "The plan's title.", func(p models.Plan) string { return p.Title }),
	col("origin", "party", "The party that authored it.", func(p models.Plan) string { return p.Origin }),
	col("description", "text", "What the plan is.", func(p models.Plan) string { return p.Description }),
	col("updated_at", "timestamp", "When the record last changed (UTC).", func(p models.Plan) string { return stamp(p.UpdatedAt) }),
}}

var draftsTable = table[models.Draft]{"drafts.csv", "One version of a plan, as circulated or reported.", []column[models.Draft]{
	col("id", "id", "The draft's id.", func(d models.Draft) string { return id(d.ID) }),
	col("plan_id", "id", "Its plan (plans.id).", func(d models.Draft) string { return id(d.PlanID) }),
	col("number", "integer", "Its place in the plan: 1, 2, … (shown as v1, v2).", func(d models.Draft) string { return strconv.Itoa(d.Number) }),
	col("label", "text", "Its name.", func(d models.Draft) string { return d.Label }),
	col("date", "date", "When it was circulated or reported.", func(d models.Draft) string { return d.Date }),
	enum("status", "Where the draft stands.", models.DraftStatuses, func(d models.Draft) string { return d.Status }),
	enum("coverage", "How much of its text is known: a key a partial draft lacks is not reported, not removed.", models.Coverages, func(d models.Draft) string { return d.Coverage }),
	enum("stage", "Its stage in the PA-X coding of peace agreements; empty where not coded.", models.Stages, func(d models.Draft) string { return d.Stage }),
	enum("standing", "What its text is to the record: official (published), reported, or scenario (an analyst's own, not part of the record).", models.Standings, func(d models.Draft) string { return d.Standing }),
	col("forked_from_id", "id", "The draft it was derived from (drafts.id), across plans too; empty for none.", func(d models.Draft) string { return optionalID(d.ForkedFromID) }),
	col("signatories", "parties", "The parties with a signature space on it.", func(d models.Draft) string { return strings.Join(d.Signatories, models.ListSeparator) }),
	col("description", "text", "What the draft is, as reported.", func(d models.Draft) string { return d.Description }),
	col("updated_at", "timestamp", "When the record last changed (UTC).", func(d models.Draft) string { return stamp(d.UpdatedAt) }),
}}

// provisionsTable is the provisions with one column per term of every kind.
func provisionsTable() table[models.Provision] {
	t := table[models.Provision]{file: "provisions.csv", description: "One point of a draft; its terms in one typed column per term of every kind (empty for other kinds and terms not stated).", columns: []column[models.Provision]{
		col("id", "id", "The provision's id.", func(p models.Provision) string { return id(p.ID) }),
		col("draft_id", "id", "Its draft (drafts.id).", func(p models.Provision) string { return id(p.DraftID) }),
		col("key", "text", "The subject it is about, the same across drafts: comparisons match on it.", func(p models.Provision) string { return p.Key }),
		col("point", "text", "The draft's own number for it (\"6\", \"21c\", a range \"15–20\" where only that is reported).", func(p models.Provision) string { return p.Point }),
		enum("category", "Its category, after the PA-X convention.", models.Categories, func(p models.Provision) string { return p.Category }),
		enum("kind", "Its kind, which says which term columns it fills.", kindTerms(), func(p models.Provision) string { return p.Kind }),
		col("title", "text", "Its title.", func(p models.Provision) string { return p.Title }),
		col("text", "text", "Its wording, as reported, in English; translations.csv holds it in other languages.", func(p models.Provision) string { return p.Text }),
		enum("original_language", "The language the reporting first gave its wording in; where that is not English, translations.csv holds the original words.", models.TextLanguages,
			func(p models.Provision) string { return p.OriginalLanguage }),
		enum("status", "Where it stands within its draft.", models.ProvisionStatuses, func(p models.Provision) string { return p.Status }),
		enum("sourcing", "How sure the reporting is of it as a whole; citations.csv has each source's level.", models.Sourcings, func(p models.Provision) string { return p.Sourcing }),
		col("updated_at", "timestamp", "When the record last changed (UTC).", func(p models.Provision) string { return stamp(p.UpdatedAt) }),
	}}
	for _, tc := range models.TermColumns() {
		c := column[models.Provision]{doc: Column{Name: tc.Name, Type: tc.ValueType(), Unit: tc.Field.Unit,
			Description: tc.Description(), Values: tc.Field.Options, Kind: tc.Kind.Name,
			Category: tc.Kind.Category, CategoryLabel: models.Categories.Label(tc.Kind.Category)}, cell: tc.Cell}
		t.columns = append(t.columns, c)
	}
	return t
}

var linksTable = table[partyLink]{"provision_parties.csv", "A party's part in a provision, and its stance as reported.", []column[partyLink]{
	col("provision_id", "id", "The provision (provisions.id).", func(l partyLink) string { return id(l.provisionID) }),
	col("position", "integer", "The link's place in the provision's list, from 0.", func(l partyLink) string { return strconv.Itoa(l.position) }),
	col("party", "party", "The party (parties.short_name).", func(l partyLink) string { return l.Party }),
	enum("role", "Its part in the provision.", models.Roles, func(l partyLink) string { return l.Role }),
	enum("stance", "Its position on the provision, as reported.", models.Stances, func(l partyLink) string { return l.Stance }),
	col("stance_date", "date", "When the stance was reported or taken.", func(l partyLink) string { return l.StanceDate }),
}}

var translationsTable = table[translation]{"translations.csv", "A provision's title and wording in a language other than English, as the reporting gives them; citations.csv says what each rests on.", []column[translation]{
	col("provision_id", "id", "The provision (provisions.id).", func(t translation) string { return id(t.provisionID) }),
	enum("language", "The language of the words.", models.TextLanguages, func(t translation) string { return t.Language }),
	col("title", "text", "The title in that language.", func(t translation) string { return t.Title }),
	col("text", "text", "The wording in that language, as reported.", func(t translation) string { return t.Text }),
}}

var citationsTable = table[citation]{"citations.csv", "What cites which source: a draft, a provision, a party's stance on a provision, or a provision's words in another language, each citation with its sourcing level.", []column[citation]{
	enum("cited_by", "What cites the source.", []models.Term{{Value: "draft", Label: "A draft as a whole"}, {Value: "provision", Label: "A provision"}, {Value: "stance", Label: "A party's stance on a provision"}, {Value: "translation", Label: "A provision's words in another language (translations.csv)"}},
		func(c citation) string { return c.citedBy }),
	col("draft_id", "id", "The draft (drafts.id), or the provision's draft.", func(c citation) string { return id(c.draftID) }),
	col("provision_id", "id", "The provision (provisions.id); empty for a draft's citation.", func(c citation) string {
		if c.provisionID == 0 {
			return ""
		}
		return id(c.provisionID)
	}),
	col("party", "party", "For a stance: the party.", func(c citation) string { return c.party }),
	col("role", "text", "For a stance: the party's role.", func(c citation) string { return c.role }),
	col("language", "text", "For a translation: its language (translations.language).", func(c citation) string { return c.language }),
	col("position", "integer", "The citation's place in its list, from 0.", func(c citation) string { return strconv.Itoa(c.position) }),
	col("source", "text", "The source (sources.key).", func(c citation) string { return c.Source }),
	enum("sourcing", "How sure this source is of what it is cited for.", models.Sourcings, func(c citation) string { return c.Sourcing }),
	col("locator", "text", "Where in the source.", func(c citation) string { return c.Locator }),
}}
