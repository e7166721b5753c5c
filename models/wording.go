package models

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"

	"plantracker/models/numbers"
)

// Do a provision's terms and its wording agree? When an analyst changes a
// number, a duration or a party in the terms and the wording still states
// the old value, the provision says two things at once. The check reads
// only what the kind registry types: integer and number terms (with their
// unit) and party terms; it does not guess at anything else.
//
// Two rules, both conservative (a flag must be worth reading):
//
//   - Against an earlier version (the form's stored provision, the same key
//     in an earlier draft): a number term changed and the wording states the
//     old value but not the new one; a party term was replaced and the
//     wording names the old party but not the new one; a party was dropped
//     from a list term and the wording still names it.
//   - On its own: the wording states numbers in the term's unit (for a
//     count of people, also bare numbers), none of them is the term's value,
//     and none is the value of another term of the same unit.
//
// Parties are named by short name (case-sensitive: "US", never "us") or by
// their name from the parties table (case-insensitive, with or without a
// parenthesis: "Peace Council"). Adjectives ("Russian") are not names.

// Mismatch is one term the wording contradicts.
type Mismatch struct {
	Field string `json:"field"` // the term: "limit"
	Label string `json:"label"` // its label: "Limit"
	// Wording is what the wording says instead, formatted like the terms:
	// "600,000", "10 years", "USD 100 bn", "Poland".
	Wording string `json:"wording"`
	// Terms is what the terms say: "650,000 people"; "" when not stated.
	Terms string `json:"terms"`
	// Message reads in a list of flags: "wording still says 600,000".
	Message string `json:"message"`
}

// String is the flag with the term it concerns: "wording still says
// 600,000 (Limit: 650,000 people)".
func (m Mismatch) String() string {
	if m.Terms == "" {
		return m.Message + " (" + m.Label + ": not stated)"
	}
	return m.Message + " (" + m.Label + ": " + m.Terms + ")"
}

// WordingMismatches lists the terms of p that its wording contradicts, in
// the kind's field order. prev, when not nil, is an earlier version of the
// provision (the stored one while editing, or the same key in an earlier
// draft); without it only the rule that needs no history applies. parties
// give the names the wording may use for a party; without them only short
// names are recognised. A provision of an unknown kind, or without
// wording, has none.
func WordingMismatches(p Provision, prev *Provision, parties []Party) []Mismatch {
	k, ok := KindByName(p.Kind)
	if !ok || strings.TrimSpace(p.Text) == "" {
		return nil
	}
	if prev != nil && prev.Kind != p.Kind {
		prev = nil // other terms: nothing to compare with
	}
	w := wordingOf(p.Text)
	values := TermValues(p.Terms)
	var before map[string]json.RawMessage
	if prev != nil {
		before = TermValues(prev.Terms)
	}
	names := partyNamerOf(parties)
	var out []Mismatch
	for _, f := range k.Fields {
		var m *Mismatch
		switch f.Type {
		case FieldInteger, FieldNumber:
			if prev != nil {
				m = w.changedNumber(f, before[f.Name], values[f.Name])
			}
			if m == nil {
				m = w.unmentionedNumber(k, f, values)
			}
		case FieldParty, FieldParties:
			if prev != nil {
				m = w.changedParties(f, before[f.Name], values[f.Name], names)
			}
		}
		if m != nil {
			m.Field, m.Label = f.Name, f.Label
			m.Terms = FormatValue(f, values[f.Name])
			out = append(out, *m)
		}
	}
	return out
}

// NewWordingMismatches lists the mismatches an edit brings: those of after
// (checked against before) that before did not already have. The form asks
// before saving these, and not again for a mismatch that was already there.
func NewWordingMismatches(before, after Provision, parties []Party) []Mismatch {
	had := WordingMismatches(before, nil, parties)
	var out []Mismatch
	for _, m := range WordingMismatches(after, &before, parties) {
		if !slices.ContainsFunc(had, func(h Mismatch) bool { return h.Field == m.Field && h.Wording == m.Wording }) {
			out = append(out, m)
		}
	}
	return out
}

// wording is a provision's text, read once: its numbers (read by
// models/numbers, as the parser reads them) and its text.
type wording struct {
	text    string
	numbers []numbers.Quantity
}

func wordingOf(text string) wording {
	return wording{text: text, numbers: numbers.Read(text)}
}

// unitsOf are the units of the numbers that may state a term of this unit.
// A count of people is rarely written with its unit ("capped at 600,000"),
// so bare numbers count for it; other units must be written ("10 years").
func unitsOf(unit string) []string {
	if unit == "people" {
		return []string{"people", ""}
	}
	return []string{unit}
}

// mentions lists the numbers in the given units the wording states.
func (w wording) mentions(units []string) []numbers.Quantity {
	var out []numbers.Quantity
	for _, q := range w.numbers {
		if slices.Contains(units, q.Unit) {
			out = append(out, q)
		}
	}
	return out
}

func (w wording) states(units []string, v float64) bool {
	for _, q := range w.mentions(units) {
		if sameNumber(q.Value, v) {
			return true
		}
	}
	return false
}

func sameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TermNumber reads a term's raw JSON value as a number; false when it is
// unstated (absent or null) or not a number.
func TermNumber(raw json.RawMessage) (float64, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false
	}
	var v float64
	return v, json.Unmarshal(raw, &v) == nil
}

// asWorded formats a number the wording states: with the unit when it was
// written with one ("10 years", "USD 100 bn"), bare for a count of people
// ("600,000"), as the wording reads.
func asWorded(f Field, v float64) string {
	if f.Unit == "people" {
		return numbers.Format(v, "")
	}
	return numbers.Format(v, f.Unit)
}

// changedNumber: the term changed from old to new (or was dropped), and
// the wording states old but not new.
func (w wording) changedNumber(f Field, oldRaw, newRaw json.RawMessage) *Mismatch {
	old, hadOld := TermNumber(oldRaw)
	cur, hasNew := TermNumber(newRaw)
	units := unitsOf(f.Unit)
	if !hadOld || (hasNew && sameNumber(old, cur)) {
		return nil
	}
	if !w.states(units, old) || (hasNew && w.states(units, cur)) {
		return nil
	}
	return &Mismatch{Wording: asWorded(f, old), Message: "wording still says " + asWorded(f, old)}
}

// unmentionedNumber: the wording states numbers of the term's unit, and
// none of them is the term's value. A number another term of the same unit
// holds is that term's ("USD 100 bn … Europe adds USD 50 bn").
func (w wording) unmentionedNumber(k *Kind, f Field, values map[string]json.RawMessage) *Mismatch {
	cur, ok := TermNumber(values[f.Name])
	units := unitsOf(f.Unit)
	if !ok || w.states(units, cur) {
		return nil
	}
	var others []float64
	for _, g := range k.Fields {
		if g.Name != f.Name && (g.Type == FieldInteger || g.Type == FieldNumber) && g.Unit == f.Unit {
			if v, ok := TermNumber(values[g.Name]); ok {
				others = append(others, v)
			}
		}
	}
	// Each other term accounts for one mention of its value: "USD 100 bn
	// … Europe adds USD 100 bn" with amounts 120 and 100 still flags one.
	left := w.mentions(units)
	for _, o := range others {
		if i := slices.IndexFunc(left, func(q numbers.Quantity) bool { return sameNumber(o, q.Value) }); i >= 0 {
			left = slices.Delete(left, i, i+1)
		}
	}
	if len(left) == 0 {
		return nil
	}
	return &Mismatch{Wording: asWorded(f, left[0].Value), Message: "wording still says " + asWorded(f, left[0].Value)}
}

// changedParties: a party term was replaced and the wording names the old
// party but not the new one; or parties were dropped from a list term and
// the wording still names them.
func (w wording) changedParties(f Field, oldRaw, newRaw json.RawMessage, name partyNamer) *Mismatch {
	old, cur := partyList(oldRaw), partyList(newRaw)
	var still []string
	switch f.Type {
	case FieldParty:
		if len(old) == 1 && len(cur) == 1 && old[0] != cur[0] && name.in(w.text, old[0]) && !name.in(w.text, cur[0]) {
			still = old
		}
	case FieldParties:
		for _, p := range old {
			if !slices.Contains(cur, p) && name.in(w.text, p) {
				still = append(still, p)
			}
		}
	}
	if len(still) == 0 {
		return nil
	}
	names := make([]string, len(still))
	for i, p := range still {
		names[i] = name.of(p)
	}
	said := strings.Join(names, ", ")
	return &Mismatch{Wording: said, Message: "wording still names " + said}
}

// partyList reads a party or parties term as a list of short names.
func partyList(raw json.RawMessage) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		if one == "" {
			return nil
		}
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}

// partyNamer knows the names parties go by, from the parties table.
type partyNamer map[string]Party

// partyNamerOf indexes parties by short name.
func partyNamerOf(parties []Party) partyNamer {
	n := make(partyNamer, len(parties))
	for _, p := range parties {
		n[p.ShortName] = p
	}
	return n
}

// of is the party's name ("Poland"), or its short name when unknown.
func (n partyNamer) of(short string) string {
	if p, ok := n[short]; ok && p.Name != "" {
		return p.Name
	}
	return short
}

// in says whether text names the party: its short name as a word, case
// and all, or its name (without any parenthesis) in any case.
func (n partyNamer) in(text, short string) bool {
	if containsWord(text, short, false) {
		return true
	}
	p, ok := n[short]
	if !ok || p.Name == "" {
		return false
	}
	name := p.Name
	if i := strings.Index(name, " ("); i > 0 {
		name = name[:i]
	}
	return containsWord(text, name, true)
}

// containsWord finds phrase in text as whole words.
func containsWord(text, phrase string, foldCase bool) bool {
	if phrase == "" {
		return false
	}
	pattern := `(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(phrase) + `($|[^\p{L}\p{N}])`
	if foldCase {
		pattern = `(?i)` + pattern
	}
	return regexp.MustCompile(pattern).MatchString(text)
}
