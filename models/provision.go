package models

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Provision is one point of a draft. Its Key names the subject ("troop-cap")
// and stays the same across drafts, which is what comparison matches on;
// Point is the number the draft gives it ("6", or a range such as "15–20"
// where the reporting only gives one).
type Provision struct {
	ID       int64  `json:"id"`
	DraftID  int64  `json:"draft_id"`
	Key      string `json:"key" validate:"required,max=80,key"`
	Point    string `json:"point,omitempty" validate:"omitempty,point"`
	Category string `json:"category" validate:"required,oneof=security territory governance justice economic humanitarian implementation"`
	Kind     string `json:"kind" validate:"required,kind"`
	Title    string `json:"title" validate:"required,max=300"`
	Text     string `json:"text" validate:"max=20000"`
	// OriginalLanguage is the language the reporting first gave the words
	// in; Translations hold them in languages other than the main one (see
	// MainLanguage).
	OriginalLanguage string          `json:"original_language" validate:"required,oneof=en uk"`
	Translations     []Translation   `json:"translations" validate:"max=5,dive"`
	Terms            json.RawMessage `json:"terms"`
	Status           string          `json:"status" validate:"required,oneof=proposed agreed disputed withdrawn"`
	// Sourcing is how sure we are of the provision as a whole; each of its
	// Sources says how sure that one source is.
	Sourcing string `json:"sourcing" validate:"required,oneof=official-text reported unconfirmed"`
	// Sources are the records the provision rests on: at least one.
	Sources []Citation       `json:"sources" validate:"min=1,max=50,dive"`
	Parties []ProvisionParty `json:"parties" validate:"max=100,dive"`
	RowStamps
}

// ProvisionParty is a party's part in a provision: its role, and its stance
// on the provision as reported: when, and on what sources. A stance is
// restated by changing the link; the history of the provision keeps the
// earlier ones.
type ProvisionParty struct {
	Party         string     `json:"party" validate:"required,party"`
	Role          string     `json:"role" validate:"required,oneof=obligor beneficiary guarantor monitor signatory mediator operator"`
	Stance        string     `json:"stance" validate:"required,oneof=supports opposes reserved unknown"`
	StanceDate    string     `json:"stance_date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	StanceSources []Citation `json:"stance_sources,omitempty" validate:"max=20,dive"`
}

// Equal reports whether two links say the same: party, role, stance, its
// date and its sources.
func (pp ProvisionParty) Equal(o ProvisionParty) bool {
	return pp.Party == o.Party && pp.Role == o.Role && pp.Stance == o.Stance &&
		pp.StanceDate == o.StanceDate && SameCitations(pp.StanceSources, o.StanceSources)
}

// Validate checks one party link on its own, for callers that add a single
// link and want errors named by its own fields.
func (pp *ProvisionParty) Validate() error {
	pp.applyDefaults()
	verr := validateStruct(pp, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	pp.checkStanceSourced(verr, "")
	return verr.Err()
}

func (pp *ProvisionParty) applyDefaults() {
	if pp.Stance == "" {
		pp.Stance = "unknown"
	}
	if pp.StanceSources == nil {
		pp.StanceSources = []Citation{}
	}
}

// checkStanceSourced: a stance someone took is a fact like any other, so it
// names where it was reported.
func (pp *ProvisionParty) checkStanceSourced(verr *ValidationError, prefix string) {
	if pp.Stance != "unknown" && pp.Stance != "" && len(pp.StanceSources) == 0 {
		verr.Add(prefix+"stance_sources", "a stance other than unknown needs the source that reports it")
	}
}

// ProvisionInput is what a client sends to create a provision. Category
// defaults to the kind's; status to "proposed"; stance to "unknown".
type ProvisionInput struct {
	Key      string `json:"key"`
	Point    string `json:"point"`
	Category string `json:"category"`
	Kind     string `json:"kind"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	// OriginalLanguage defaults to the main language.
	OriginalLanguage string           `json:"original_language"`
	Translations     []Translation    `json:"translations"`
	Terms            json.RawMessage  `json:"terms"`
	Status           string           `json:"status"`
	Sourcing         string           `json:"sourcing"`
	Sources          []Citation       `json:"sources"`
	Parties          []ProvisionParty `json:"parties"`
}

// Provision builds the provision the input describes.
func (in ProvisionInput) Provision(draftID int64) Provision {
	return Provision{DraftID: draftID, Key: in.Key, Point: in.Point, Category: in.Category,
		Kind: in.Kind, Title: in.Title, Text: in.Text, OriginalLanguage: in.OriginalLanguage,
		Translations: in.Translations, Terms: in.Terms, Status: in.Status,
		Sourcing: in.Sourcing, Sources: in.Sources, Parties: in.Parties}
}

// ProvisionPatch changes some fields of a provision; nil fields stay as they
// are. Terms, when given, replace the terms whole: they are validated as a
// unit against the kind.
type ProvisionPatch struct {
	Key      *string `json:"key"`
	Point    *string `json:"point"`
	Category *string `json:"category"`
	Kind     *string `json:"kind"`
	Title    *string `json:"title"`
	Text     *string `json:"text"`
	// OriginalLanguage and Translations, like Parties, replace the value
	// whole when given.
	OriginalLanguage *string           `json:"original_language"`
	Translations     *[]Translation    `json:"translations"`
	Terms            *json.RawMessage  `json:"terms"`
	Status           *string           `json:"status"`
	Sourcing         *string           `json:"sourcing"`
	Sources          *[]Citation       `json:"sources"`
	Parties          *[]ProvisionParty `json:"parties"`
}

// Apply writes the patch onto p.
func (pp ProvisionPatch) Apply(p *Provision) {
	applyPatch(pp, p)
}

// Validate fills the defaults, checks every field, decodes the terms against
// the provision's kind and stores them in canonical form. It reports every
// problem at once.
func (p *Provision) Validate() error {
	p.applyDefaults()
	verr := validateStruct(p, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	if k, ok := KindByName(p.Kind); ok {
		if _, canonical, err := k.DecodeTerms(p.Terms); err != nil {
			verr.Merge("", asValidation(err))
		} else {
			p.Terms = canonical
		}
	}
	seen := map[string]bool{}
	for i := range p.Parties {
		pp := &p.Parties[i]
		id := pp.Party + "/" + pp.Role
		if seen[id] {
			verr.Add("parties["+strconv.Itoa(i)+"]", "%s is already listed as %s", pp.Party, pp.Role)
		}
		seen[id] = true
		pp.checkStanceSourced(verr, "parties["+strconv.Itoa(i)+"].")
	}
	checkTranslations(verr, p.OriginalLanguage, p.Translations)
	return verr.Err()
}

func (p *Provision) applyDefaults() {
	p.Key = strings.TrimSpace(p.Key)
	p.Title = strings.TrimSpace(p.Title)
	if k, ok := KindByName(p.Kind); ok && p.Category == "" {
		p.Category = k.Category
	}
	if p.Status == "" {
		p.Status = "proposed"
	}
	if p.OriginalLanguage == "" {
		p.OriginalLanguage = MainLanguage
	}
	p.Translations = normalizeTranslations(p.Translations)
	if p.Parties == nil {
		p.Parties = []ProvisionParty{}
	}
	for i := range p.Parties {
		p.Parties[i].applyDefaults()
	}
	if p.Sources == nil {
		p.Sources = []Citation{}
	}
	if len(p.Terms) == 0 {
		p.Terms = json.RawMessage("{}")
	}
}

func asValidation(err error) *ValidationError {
	if v, ok := err.(*ValidationError); ok {
		return v
	}
	return &ValidationError{Errors: []FieldError{{Field: "terms", Message: err.Error()}}}
}

// PointNumber is the first number of the provision's point ("15–20" → 15,
// "21c" → 21), or 0 when it has none.
func (p Provision) PointNumber() int {
	n, _ := SplitPoint(p.Point)
	return n
}

// SubPoint is the letter of the provision's first sub-point ("21c" → 'c',
// "10a–c" → 'a'), or 0 when it has none.
func (p Provision) SubPoint() rune {
	_, letter := SplitPoint(p.Point)
	return letter
}

// SplitPoint reads a point's leading number and the sub-point letter right
// after it: "21a" is 21 and 'a', "7" is 7 and 0.
func SplitPoint(point string) (int, rune) {
	end := strings.IndexFunc(point, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(point)
	}
	n, _ := strconv.Atoi(point[:end])
	if end < len(point) && point[end] >= 'a' && point[end] <= 'z' {
		return n, rune(point[end])
	}
	return n, 0
}

// subPoints is how many sort positions one point number spans: the point
// itself, then its sub-points a to z.
const subPoints = 32

// SortKey orders provisions within a draft: by point number, a point before
// its sub-points (21 < 21a < 21c < 22), unnumbered ones last. It is stored
// so that lists sort in the database without renumbering rows when a point
// is inserted.
func (p Provision) SortKey() int {
	n, letter := SplitPoint(p.Point)
	if n <= 0 {
		return 1 << 20
	}
	key := n * subPoints
	if letter != 0 {
		key += int(letter-'a') + 1
	}
	return key
}

// CitationText is the provision's sources on one line, as readers see them.
func (p Provision) CitationText() string { return CitationText(p.Sources) }

// SourceReferences lists every source the provision cites, with the field
// that cites it ("sources[0]", "parties[1].stance_sources[0]",
// "translations[0].sources[0]"), in that order. The store checks that each exists.
func (p Provision) SourceReferences() []SourceReference {
	refs := citationReferences("sources", p.Sources)
	for i, pp := range p.Parties {
		refs = append(refs, citationReferences("parties["+strconv.Itoa(i)+"].stance_sources", pp.StanceSources)...)
	}
	return append(refs, translationReferences(p.Translations)...)
}

// SourceReference is a source a record cites, and the field that cites it.
type SourceReference struct {
	Field  string
	Source string
}

// citationReferences are the sources the citations in field cite, each
// with the path of its citation: field[i].source.
func citationReferences(field string, cs []Citation) []SourceReference {
	refs := make([]SourceReference, len(cs))
	for i, c := range cs {
		refs[i] = SourceReference{field + "[" + strconv.Itoa(i) + "].source", c.Source}
	}
	return refs
}

// PartyNames returns the distinct short names of the provision's parties.
func (p Provision) PartyNames() []string {
	return DistinctKeys(p.Parties, func(pp ProvisionParty) string { return pp.Party })
}

// PartyReference is a party a provision names, and the field that names it
// ("parties[0].party", "terms.guarantors[2]").
type PartyReference struct {
	Field string
	Party string
}

// PartyReferences lists every party the provision names: its party links
// and the party-typed terms of its kind, in that order. The store checks
// that each exists; the seed data's test, that each is declared.
func (p Provision) PartyReferences() []PartyReference {
	var refs []PartyReference
	for i, pp := range p.Parties {
		refs = append(refs, PartyReference{"parties[" + strconv.Itoa(i) + "].party", pp.Party})
	}
	k, ok := KindByName(p.Kind)
	if !ok {
		return refs
	}
	values := TermValues(p.Terms)
	for _, f := range k.Fields {
		raw, ok := values[f.Name]
		if !ok {
			continue
		}
		switch f.Type {
		case FieldParty:
			var name string
			if json.Unmarshal(raw, &name) == nil && name != "" {
				refs = append(refs, PartyReference{"terms." + f.Name, name})
			}
		case FieldParties:
			var names []string
			_ = json.Unmarshal(raw, &names) // validated terms always decode
			for i, name := range names {
				refs = append(refs, PartyReference{"terms." + f.Name + "[" + strconv.Itoa(i) + "]", name})
			}
		}
	}
	return refs
}
