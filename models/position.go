package models

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"plantracker/models/numbers"
)

// EntityPosition is the audit trail's name for positions.
const EntityPosition = "position"

// Position is what a party has said it wants or will not accept on a
// provision key: a constraint on one typed term of the key's kind
// ("troop_cap.limit >= 800000"), or words where no term fits. Every draft's
// provision on the key is checked against it through the typed terms only
// (Check): never by matching text.
type Position struct {
	ID    int64  `json:"id"`
	Party string `json:"party" validate:"required,party"`
	Key   string `json:"key" validate:"required,max=80,key"`
	Kind  string `json:"kind" validate:"required,kind"`
	// Term, Op and Value are the constraint; all three or none.
	Term  string          `json:"term,omitempty" validate:"max=80"`
	Op    string          `json:"op,omitempty" validate:"omitempty,oneof=>= <= == in not_in"`
	Value json.RawMessage `json:"value,omitempty" openapi:"any"`
	// Words say the position where no term fits (required then), or add
	// what the term does not say.
	Words   string     `json:"words,omitempty" validate:"max=2000"`
	RedLine bool       `json:"red_line"`
	Date    string     `json:"date" validate:"required,datetime=2006-01-02"`
	Quote   string     `json:"quote,omitempty" validate:"max=10000"`
	Sources []Citation `json:"sources" validate:"min=1,max=50,dive"`
	RowStamps
}

// Position operators.
const (
	OpAtLeast = ">="
	OpAtMost  = "<="
	OpEqual   = "=="
	OpIn      = "in"
	OpNotIn   = "not_in"
)

// PositionOps are the operators a position may use.
var PositionOps = []string{OpAtLeast, OpAtMost, OpEqual, OpIn, OpNotIn}

// PositionInput is what a client sends to create a position.
type PositionInput struct {
	Party   string          `json:"party"`
	Key     string          `json:"key"`
	Kind    string          `json:"kind"`
	Term    string          `json:"term"`
	Op      string          `json:"op"`
	Value   json.RawMessage `json:"value" openapi:"any"`
	Words   string          `json:"words"`
	RedLine bool            `json:"red_line"`
	Date    string          `json:"date"`
	Quote   string          `json:"quote"`
	Sources []Citation      `json:"sources"`
}

// Position builds the position the input describes.
func (in PositionInput) Position() Position {
	return Position{Party: in.Party, Key: in.Key, Kind: in.Kind, Term: in.Term, Op: in.Op, Value: in.Value,
		Words: in.Words, RedLine: in.RedLine, Date: in.Date, Quote: in.Quote, Sources: in.Sources}
}

// PositionPatch changes some fields of a position; nil fields stay.
type PositionPatch struct {
	Party   *string          `json:"party"`
	Key     *string          `json:"key"`
	Kind    *string          `json:"kind"`
	Term    *string          `json:"term"`
	Op      *string          `json:"op"`
	Value   *json.RawMessage `json:"value" openapi:"any"`
	Words   *string          `json:"words"`
	RedLine *bool            `json:"red_line"`
	Date    *string          `json:"date"`
	Quote   *string          `json:"quote"`
	Sources *[]Citation      `json:"sources"`
}

// Apply writes the patch onto p. Setting the term to "" clears the
// operator and the value with it (a JSON null cannot say so for the
// value): the position is then in words.
func (pp PositionPatch) Apply(p *Position) {
	if pp.Term != nil && *pp.Term == "" {
		p.Op, p.Value = "", nil
	}
	applyPatch(pp, p)
}

// RowID is the row's id.
func (p Position) RowID() int64 { return p.ID }

// SourceReferences lists the sources the position cites, with the field
// that cites each.
func (p Position) SourceReferences() []SourceReference {
	return citationReferences("sources", p.Sources)
}

// Validate checks every field: the term must be a term of the kind, the
// operator must fit the term's type and the value must fit both; a position
// without a term says itself in words. The value is stored in canonical
// form (compact JSON).
func (p *Position) Validate() error {
	p.Party = strings.ToUpper(strings.TrimSpace(p.Party))
	p.Key = strings.TrimSpace(p.Key)
	p.Term = strings.TrimSpace(p.Term)
	p.Words = strings.TrimSpace(p.Words)
	if p.Sources == nil {
		p.Sources = []Citation{}
	}
	if v := bytes.TrimSpace(p.Value); len(v) == 0 || bytes.Equal(v, []byte("null")) {
		p.Value = nil
	}
	verr := validateStruct(p, "")
	if verr == nil {
		verr = &ValidationError{}
	}
	if p.Term == "" {
		if p.Op != "" {
			verr.Add("op", "is given without a term: name the term it constrains")
		}
		if p.Value != nil {
			verr.Add("value", "is given without a term: name the term it constrains")
		}
		if p.Words == "" {
			verr.Add("words", "is required where the position names no term")
		}
		return verr.Err()
	}
	k, ok := KindByName(p.Kind)
	if !ok {
		return verr.Err() // reported under kind
	}
	f, ok := k.Field(p.Term)
	if !ok {
		verr.Add("term", "is not a term of kind %s (terms: %s)", k.Name, strings.Join(fieldNames(k), ", "))
		return verr.Err()
	}
	if p.Op == "" {
		verr.Add("op", "is required with a term")
		return verr.Err()
	}
	if !opFits(f, p.Op) {
		verr.Add("op", "%s does not fit %s, a %s term (use %s)", p.Op, f.Name, f.Type, strings.Join(opsFor(f), ", "))
		return verr.Err()
	}
	if p.Value == nil {
		verr.Add("value", "is required with a term")
		return verr.Err()
	}
	canonical, msg := valueFits(f, p.Op, p.Value)
	if msg != "" {
		verr.Add("value", "%s", msg)
	} else {
		p.Value = canonical
	}
	return verr.Err()
}

func fieldNames(k *Kind) []string {
	out := make([]string, len(k.Fields))
	for i, f := range k.Fields {
		out[i] = f.Name
	}
	return out
}

// opsFor is the operators a term of f's type can be constrained by.
func opsFor(f Field) []string {
	switch f.Type {
	case FieldInteger, FieldNumber:
		return []string{OpAtLeast, OpAtMost, OpEqual, OpIn, OpNotIn}
	case FieldBoolean:
		return []string{OpEqual}
	case FieldParties:
		// in: the party is among the list; not_in: it is not; ==: the
		// same set.
		return []string{OpEqual, OpIn, OpNotIn}
	default:
		return []string{OpEqual, OpIn, OpNotIn}
	}
}

func opFits(f Field, op string) bool {
	for _, o := range opsFor(f) {
		if o == op {
			return true
		}
	}
	return false
}

// valueFits decodes a position's value for term f and operator op and
// returns it canonical, or says what is wrong with it.
func valueFits(f Field, op string, raw json.RawMessage) (json.RawMessage, string) {
	list := op == OpIn || op == OpNotIn
	if f.Type == FieldParties {
		// in / not_in take one party; == takes the list.
		list = op == OpEqual
	}
	if list {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil || len(items) == 0 {
			return nil, "must be a non-empty list for " + op
		}
		out := make([]json.RawMessage, len(items))
		for i, it := range items {
			c, msg := scalarFits(f, it)
			if msg != "" {
				return nil, "item " + strconv.Itoa(i) + " " + msg
			}
			out[i] = c
		}
		b, _ := json.Marshal(out)
		return b, ""
	}
	return scalarFits(f, raw)
}

// scalarFits checks one value against the type and bounds of term f.
func scalarFits(f Field, raw json.RawMessage) (json.RawMessage, string) {
	switch f.Type {
	case FieldInteger, FieldNumber:
		var v float64
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, "must be a number"
		}
		if f.Type == FieldInteger && v != float64(int64(v)) {
			return nil, "must be a whole number"
		}
		if f.Min != nil && v < *f.Min {
			return nil, "must be at least " + numbers.Format(*f.Min, "")
		}
		if f.Max != nil && v > *f.Max {
			return nil, "must be at most " + numbers.Format(*f.Max, "")
		}
		b, _ := json.Marshal(v)
		return b, ""
	case FieldBoolean:
		var v bool
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, "must be true or false"
		}
		b, _ := json.Marshal(v)
		return b, ""
	default:
		var v string
		if err := json.Unmarshal(raw, &v); err != nil || strings.TrimSpace(v) == "" {
			return nil, "must be a non-empty string"
		}
		switch f.Type {
		case FieldEnum:
			if !containsString(optionValues(f.Options), v) {
				return nil, "must be one of: " + strings.Join(optionValues(f.Options), ", ")
			}
		case FieldParty, FieldParties:
			if !partyPattern.MatchString(v) {
				return nil, "must be a party short name such as UA or NATO"
			}
		}
		b, _ := json.Marshal(v)
		return b, ""
	}
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// Asked is the position's constraint as people read it: "≥ 800,000",
// "one of RU, UA", or its words.
func (p Position) Asked() string {
	if p.Term == "" {
		return p.Words
	}
	a, ok := AskOf(p.Kind, p.Term, p.Op, p.Value)
	if !ok {
		return p.Op + " " + string(p.Value)
	}
	return askWords[a.How] + strings.Join(a.Values, ", ")
}

// Check checks a provision against the position, through the typed terms
// only. A provision on another key, or of another kind, does not state the
// term: silent. A position in words only is unchecked.
func (p Position) Check(pr Provision) Verdict {
	who := p.Party + "'s stated position"
	if p.Term == "" {
		v := p.verdict(VerdictUnchecked, ReasonUnchecked)
		v.Line = who + " is in words only: " + p.Words
		return v
	}
	k, ok := KindByName(p.Kind)
	f, fok := Field{}, false
	if ok {
		f, fok = k.Field(p.Term)
	}
	if !fok {
		v := p.verdict(VerdictSilent, ReasonNoTerm)
		v.Line = "no term " + p.Term + " on kind " + p.Kind
		return v
	}
	label := strings.ToLower(f.Label)
	if pr.Key != p.Key || pr.Kind != p.Kind {
		v := p.verdict(VerdictSilent, ReasonOtherKey)
		v.Line = "silent on " + who + ": the provision is not a " + k.Label + " on " + p.Key
		return v
	}
	got, stated := TermValues(pr.Terms)[p.Term]
	if !stated || string(got) == "null" {
		v := p.verdict(VerdictSilent, ReasonNotStated)
		v.Line = "silent on " + who + ": the provision does not state the " + label + ", asked " + v.Asked
		return v
	}
	outcome := VerdictCrosses
	if satisfies(f, p.Op, got, p.Value) {
		outcome = VerdictMeets
	}
	v := p.verdict(outcome, ReasonCompared)
	v.Offered = FormatValue(f, got)
	v.Line = outcome + " " + who + ": " + label + " " + v.Offered + ", asked " + v.Asked
	return v
}

// satisfies reports whether the stated value got satisfies op want.
func satisfies(f Field, op string, got, want json.RawMessage) bool {
	switch f.Type {
	case FieldInteger, FieldNumber:
		var g, w float64
		if json.Unmarshal(got, &g) != nil {
			return false
		}
		switch op {
		case OpAtLeast, OpAtMost, OpEqual:
			if json.Unmarshal(want, &w) != nil {
				return false
			}
			return op == OpAtLeast && g >= w || op == OpAtMost && g <= w || op == OpEqual && g == w
		default:
			var ws []float64
			_ = json.Unmarshal(want, &ws)
			in := false
			for _, x := range ws {
				in = in || x == g
			}
			return in == (op == OpIn)
		}
	case FieldParties:
		var g []string
		_ = json.Unmarshal(got, &g)
		if op == OpEqual {
			var w []string
			_ = json.Unmarshal(want, &w)
			return sameSet(g, w)
		}
		var w string
		_ = json.Unmarshal(want, &w)
		return containsString(g, w) == (op == OpIn)
	case FieldBoolean:
		var g, w bool
		return json.Unmarshal(got, &g) == nil && json.Unmarshal(want, &w) == nil && g == w
	default:
		var g string
		if json.Unmarshal(got, &g) != nil {
			return false
		}
		if op == OpEqual {
			var w string
			_ = json.Unmarshal(want, &w)
			return g == w
		}
		var ws []string
		_ = json.Unmarshal(want, &ws)
		return containsString(ws, g) == (op == OpIn)
	}
}

func sameSet(a, b []string) bool {
	seen := map[string]int{}
	for _, x := range a {
		seen[x] |= 1
	}
	for _, x := range b {
		seen[x] |= 2
	}
	for _, v := range seen {
		if v != 3 {
			return false
		}
	}
	return true
}
