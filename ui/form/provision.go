// Package form reads the UI's HTML forms into the domain's input types and
// back, apart from the handlers. It converts and nothing more: every rule
// about what is valid lives in models and store, whose field errors Errors
// maps back onto the form's inputs.
package form

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// Input names. Terms are "terms.<term>" ("terms.limit"); party rows are
// "parties.<row>.party", ".role", ".stance", ".stance_date",
// ".stance_source", ".stance_sourcing" (the first source of the stance,
// which the form edits) and the hidden ".stance_locator" and
// ".stance_more" (the first source's place and the stance's further
// sources as JSON, kept as they were); source rows are
// "sources.<row>.source", ".sourcing" and ".locator".
const (
	TermsPrefix   = "terms."
	PartiesPrefix = "parties."
	SourcesPrefix = "sources."
	// maxRows bounds the party or source rows read from one post, well
	// above the 100 party links and 50 sources a provision may have.
	maxRows = 200
)

// Provision is the provision form as typed: every value a string, so that
// whatever was typed can be shown again beside its error.
type Provision struct {
	Key, Point, Category, Kind, Title, Text, Status, Sourcing string
	// Terms holds each term's value by term name: one value, or several
	// for a list of parties. Terms of other kinds are kept too, so that
	// switching the kind back and forth keeps what was typed.
	Terms   map[string][]string
	Parties []PartyRow
	Sources []SourceRow
	// OriginalLanguage and Translation: the language the words were first
	// reported in, and the words in Ukrainian (translation.go);
	// OtherTranslations, any other languages' as JSON, kept as they were.
	OriginalLanguage  string
	Translation       TranslationRow
	OtherTranslations string
	// Version is the provision's version when the form was opened: the
	// store refuses the save if it has moved on since.
	Version int
}

// PartyRow is one party link as typed.
type PartyRow struct {
	Party, Role, Stance, StanceDate string
	// StanceSource and StanceSourcing are the stance's first source; the
	// rest, and the first one's locator, ride along unchanged.
	StanceSource, StanceSourcing, StanceLocator, StanceMore string
}

// SourceRow is one citation as typed.
type SourceRow struct {
	Source, Sourcing, Locator string
}

// ParseProvision reads a posted provision form. Rows without a party are
// dropped: the form offers a few empty rows to fill in.
func ParseProvision(v url.Values) Provision {
	f := Provision{
		Key:      strings.TrimSpace(v.Get("key")),
		Point:    strings.TrimSpace(v.Get("point")),
		Category: v.Get("category"),
		Kind:     v.Get("kind"),
		Title:    strings.TrimSpace(v.Get("title")),
		Text:     strings.TrimSpace(v.Get("text")),
		Status:   v.Get("status"),
		Sourcing: v.Get("sourcing"),
		Terms:    map[string][]string{},
	}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	f.OriginalLanguage, f.Translation = parseTranslation(v)
	f.OtherTranslations = v.Get("other_translations")
	partyRows := 0
	for name, values := range v {
		if term, ok := strings.CutPrefix(name, TermsPrefix); ok {
			f.Terms[term] = values
		}
		partyRows = max(partyRows, rowCount(name, PartiesPrefix))
	}
	for i := range partyRows {
		p := PartiesPrefix + strconv.Itoa(i) + "."
		row := PartyRow{Party: v.Get(p + "party"), Role: v.Get(p + "role"), Stance: v.Get(p + "stance"),
			StanceDate: strings.TrimSpace(v.Get(p + "stance_date")), StanceSource: v.Get(p + "stance_source"),
			StanceSourcing: v.Get(p + "stance_sourcing"), StanceLocator: v.Get(p + "stance_locator"),
			StanceMore: v.Get(p + "stance_more")}
		if row.Party != "" {
			f.Parties = append(f.Parties, row)
		}
	}
	f.Sources = parseSourceRows(v)
	return f
}

// rowCount is how many rows an input called "<prefix><row>.<field>" asks
// for: its row number plus one, or 0 for another input.
func rowCount(name, prefix string) int {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0
	}
	n, _, ok := strings.Cut(rest, ".")
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= maxRows {
		return 0
	}
	return i + 1
}

// FromProvision fills the form from a stored provision.
func FromProvision(p models.Provision) Provision {
	f := Provision{Key: p.Key, Point: p.Point, Category: p.Category, Kind: p.Kind, Title: p.Title,
		Text: p.Text, Status: p.Status, Sourcing: p.Sourcing,
		Terms: map[string][]string{}, Version: p.Version, OriginalLanguage: p.OriginalLanguage}
	f.Translation, f.OtherTranslations = translationRowOf(p)
	if k, ok := models.KindByName(p.Kind); ok {
		values := models.TermValues(p.Terms)
		for _, fd := range k.Fields {
			if raw, ok := values[fd.Name]; ok {
				f.Terms[fd.Name] = termStrings(fd, raw)
			}
		}
	}
	for _, pp := range p.Parties {
		row := PartyRow{Party: pp.Party, Role: pp.Role, Stance: pp.Stance, StanceDate: pp.StanceDate}
		row.StanceSource, row.StanceSourcing, row.StanceLocator, row.StanceMore = splitCitations(pp.StanceSources)
		f.Parties = append(f.Parties, row)
	}
	f.Sources = sourceRowsOf(p.Sources)
	return f
}

// termStrings is a stored term value as the form shows it: numbers and
// booleans as their JSON text ("600000", "true"), strings as themselves,
// party lists as their members.
func termStrings(fd models.Field, raw json.RawMessage) []string {
	switch fd.Type {
	case models.FieldParties:
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			return list
		}
	case models.FieldInteger, models.FieldNumber, models.FieldBoolean:
		return []string{string(raw)}
	default:
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return []string{s}
		}
	}
	return []string{string(raw)}
}

// Term is the first value typed for a term, or "".
func (f Provision) Term(name string) string {
	if v := f.Terms[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// TermsJSON writes the terms of the form's kind as the JSON object the
// store validates. A blank input is left out (not stated). A number that
// does not read as one is passed on as a string, so that the kind's own
// validation names the field and says what it wants; the form does not
// judge values itself.
func (f Provision) TermsJSON() json.RawMessage {
	k, ok := models.KindByName(f.Kind)
	if !ok {
		return json.RawMessage("{}")
	}
	obj := map[string]json.RawMessage{}
	for _, fd := range k.Fields {
		values := f.Terms[fd.Name]
		if fd.Type == models.FieldParties {
			var list []string
			for _, v := range values {
				if v = strings.TrimSpace(v); v != "" {
					list = append(list, v)
				}
			}
			if len(list) > 0 {
				obj[fd.Name] = mustJSON(list)
			}
			continue
		}
		v := strings.TrimSpace(f.Term(fd.Name))
		if v == "" {
			continue
		}
		switch fd.Type {
		case models.FieldInteger, models.FieldNumber:
			if isJSONNumber(v) {
				obj[fd.Name] = json.RawMessage(v)
				continue
			}
		case models.FieldBoolean:
			if v == "true" || v == "false" {
				obj[fd.Name] = json.RawMessage(v)
				continue
			}
		}
		obj[fd.Name] = mustJSON(v)
	}
	return mustJSON(obj)
}

// isJSONNumber reports whether s is a number as JSON writes one ("600000",
// "-5", "12.5"), which rules out "Inf", "0x10" and "1,000".
func isJSONNumber(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return false
	}
	return json.Valid([]byte(s)) && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // strings, string lists and raw JSON always encode
	}
	return b
}

// PartyLinks are the form's party rows as the domain's party links (their
// stance sources as joinCitations reads them).
func (f Provision) PartyLinks() []models.ProvisionParty {
	out := make([]models.ProvisionParty, len(f.Parties))
	for i, r := range f.Parties {
		out[i] = models.ProvisionParty{Party: r.Party, Role: r.Role, Stance: r.Stance, StanceDate: r.StanceDate,
			StanceSources: joinCitations(r.StanceSource, r.StanceSourcing, r.StanceLocator, r.StanceMore)}
	}
	return out
}

// joinCitations are the citations a form types as its first source, level
// and place, the further ones riding along as JSON (splitCitations). A
// source chosen without a level is "reported", the level most are known
// at.
func joinCitations(source, sourcing, locator, more string) []models.Citation {
	var out []models.Citation
	if source != "" {
		if sourcing == "" {
			sourcing = "reported"
		}
		out = append(out, models.Citation{Source: source, Sourcing: sourcing, Locator: locator})
	}
	var rest []models.Citation
	if more != "" && json.Unmarshal([]byte(more), &rest) == nil {
		out = append(out, rest...)
	}
	return out
}

// splitCitations is what joinCitations reads: the first citation's source,
// level and place, and the rest as JSON ("" for none).
func splitCitations(cs []models.Citation) (source, sourcing, locator, more string) {
	if len(cs) > 0 {
		source, sourcing, locator = cs[0].Source, cs[0].Sourcing, cs[0].Locator
	}
	if len(cs) > 1 {
		more = string(mustJSON(models.WithoutReferences(cs[1:])))
	}
	return source, sourcing, locator, more
}

// Citations are the form's source rows as the domain's citations.
func (f Provision) Citations() []models.Citation {
	return citations(f.Sources)
}

// Model is the new provision the form describes, in a draft.
func (f Provision) Model(draftID int64) models.Provision {
	return models.Provision{DraftID: draftID, Key: f.Key, Point: f.Point, Category: f.Category, Kind: f.Kind,
		Title: f.Title, Text: f.Text, Terms: f.TermsJSON(), Status: f.Status, Sourcing: f.Sourcing,
		Sources: f.Citations(), Parties: f.PartyLinks(), OriginalLanguage: f.OriginalLanguage,
		Translations: f.Translations()}
}

// Patch is the change the form makes to a stored provision: every field,
// as the form shows them all. The store leaves a save that changes nothing
// unrecorded.
func (f Provision) Patch() models.ProvisionPatch {
	terms := f.TermsJSON()
	parties := f.PartyLinks()
	sources := f.Citations()
	translations := f.Translations()
	return models.ProvisionPatch{Key: &f.Key, Point: &f.Point, Category: &f.Category, Kind: &f.Kind,
		Title: &f.Title, Text: &f.Text, Terms: &terms, Status: &f.Status, Sourcing: &f.Sourcing,
		Sources: &sources, Parties: &parties, OriginalLanguage: &f.OriginalLanguage, Translations: &translations}
}
