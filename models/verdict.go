package models

import (
	"encoding/json"
)

// Verdicts of a check.
const (
	// VerdictMeets: the provision states the term and it satisfies the
	// position.
	VerdictMeets = "meets"
	// VerdictCrosses: the provision states the term and it does not.
	VerdictCrosses = "crosses"
	// VerdictSilent: the provision does not state the term (or the draft
	// has no provision on the key).
	VerdictSilent = "silent"
	// VerdictUnchecked: the position is in words only; no typed term can
	// check it, so it is shown beside the provision for a reader to judge.
	VerdictUnchecked = "unchecked"
)

// Reasons: which case of a check a verdict is, so that the UI can say its
// line in the reader's language from the verdict's parts (Line is English,
// for the API).
const (
	// ReasonCompared: the provision states the term; meets or crosses.
	ReasonCompared = "compared"
	// ReasonUnchecked: the position is in words only.
	ReasonUnchecked = "unchecked"
	// ReasonNoTerm: the position names a term its kind does not have.
	ReasonNoTerm = "no-term"
	// ReasonOtherKey: the provision is on another key or of another kind.
	ReasonOtherKey = "other-key"
	// ReasonNotStated: the provision does not state the term.
	ReasonNotStated = "not-stated"
	// ReasonDraftSilent: the draft has no provision on the key (or, being
	// partial, does not report it).
	ReasonDraftSilent = "draft-silent"
)

// Verdict is what a check of a provision against a position found.
type Verdict struct {
	Verdict string `json:"verdict"`
	// Line says it in words: "crosses UA's stated position: limit 600,000
	// people, asked ≥ 800,000".
	Line string `json:"line"`
	// Offered is the provision's value of the term, formatted ("" when not
	// stated).
	Offered string `json:"offered,omitempty"`
	// Asked is the position's constraint, formatted ("≥ 800,000").
	Asked string `json:"asked,omitempty"`

	// The parts Line is made of, for a reader in another language; the
	// API's JSON has Line alone. Party, Key, Kind, Term, Op, Value and
	// Words are the position's.
	Reason string          `json:"-"`
	Party  string          `json:"-"`
	Key    string          `json:"-"`
	Kind   string          `json:"-"`
	Term   string          `json:"-"`
	Op     string          `json:"-"`
	Value  json.RawMessage `json:"-"`
	Words  string          `json:"-"`
	// Partial: the draft is partial and does not report the key
	// (ReasonDraftSilent).
	Partial bool `json:"-"`
}

// verdict is a verdict on p with p's parts and its constraint as asked;
// the caller adds the line and what was offered.
func (p Position) verdict(verdict, reason string) Verdict {
	return Verdict{Verdict: verdict, Reason: reason, Asked: p.Asked(), Party: p.Party, Key: p.Key, Kind: p.Kind,
		Term: p.Term, Op: p.Op, Value: p.Value, Words: p.Words}
}

// How a constraint constrains (Ask.How).
const (
	AskAtLeast  = "at_least"
	AskAtMost   = "at_most"
	AskEqual    = "equal"
	AskOneOf    = "one_of"
	AskNoneOf   = "none_of"
	AskIncludes = "includes"
	AskExcludes = "excludes"
)

// askWords are the English that Position.Asked writes before the values.
var askWords = map[string]string{AskAtLeast: "≥ ", AskAtMost: "≤ ", AskEqual: "", AskOneOf: "one of ",
	AskNoneOf: "none of ", AskIncludes: "includes ", AskExcludes: "excludes "}

// Ask is a typed constraint in parts, for Position.Asked and for a reader
// in another language.
type Ask struct {
	How string // AskAtLeast, …
	// Field is the term as its values are written: without its unit, and
	// a parties term's in / not_in value as one party.
	Field Field
	// Values are formatted by FormatValue with Field.
	Values []string
}

// AskOf is the constraint op value on term of kind in parts; false when
// the kind is unknown.
func AskOf(kind, term, op string, value json.RawMessage) (Ask, bool) {
	k, ok := KindByName(kind)
	if !ok {
		return Ask{}, false
	}
	f, _ := k.Field(term)
	plain := f
	plain.Unit = ""
	one := func(how string) (Ask, bool) {
		return Ask{How: how, Field: plain, Values: []string{FormatValue(plain, value)}}, true
	}
	switch op {
	case OpIn, OpNotIn:
		if f.Type == FieldParties {
			plain.Type = FieldParty
			if op == OpIn {
				return one(AskIncludes)
			}
			return one(AskExcludes)
		}
		var items []json.RawMessage
		_ = json.Unmarshal(value, &items)
		a := Ask{How: AskOneOf, Field: plain, Values: make([]string, len(items))}
		if op == OpNotIn {
			a.How = AskNoneOf
		}
		for i, it := range items {
			a.Values[i] = FormatValue(plain, it)
		}
		return a, true
	case OpAtLeast:
		return one(AskAtLeast)
	case OpAtMost:
		return one(AskAtMost)
	default:
		return one(AskEqual)
	}
}
