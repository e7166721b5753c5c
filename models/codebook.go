package models

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Typed term columns. A dataset or a workbook lays provisions out as a
// table with one column per term of every kind, so that a researcher can
// sort the troop caps or sum the amounts. The columns and their codebook
// come from the kind registry like everything else about terms: adding a
// kind adds its columns.

// TermColumn is the column of one term of one kind.
type TermColumn struct {
	// Name is "<kind>__<term>" ("troop_cap__limit"): stable, unique (kind
	// and term names hold single underscores only) and a valid identifier
	// in SQL, R and pandas.
	Name  string
	Kind  *Kind
	Field Field
}

// ListSeparator joins the members of a list of parties in one cell.
const ListSeparator = ";"

// TermColumns returns the columns of every term of every kind, by kind
// name, then in each kind's declaration order.
func TermColumns() []TermColumn {
	var out []TermColumn
	for _, k := range Kinds() {
		for _, f := range k.Fields {
			out = append(out, TermColumn{Name: k.Name + "__" + f.Name, Kind: k, Field: f})
		}
	}
	return out
}

// Value is the provision's value in the column, typed: float64 for numbers,
// bool for booleans, []string for lists of parties, string otherwise; ok is
// false where the provision is of another kind or does not state the term.
func (c TermColumn) Value(p Provision) (v any, ok bool) {
	if p.Kind != c.Kind.Name {
		return nil, false
	}
	return c.ValueIn(TermValues(p.Terms))
}

// ValueIn is Value for a provision of the column's kind whose terms are
// already split by TermValues: a row of many columns splits them once.
func (c TermColumn) ValueIn(terms map[string]json.RawMessage) (v any, ok bool) {
	raw, ok := terms[c.Field.Name]
	if !ok || string(raw) == "null" {
		return nil, false
	}
	switch c.Field.Type {
	case FieldInteger, FieldNumber:
		var n float64
		if json.Unmarshal(raw, &n) == nil {
			return n, true
		}
	case FieldBoolean:
		var b bool
		if json.Unmarshal(raw, &b) == nil {
			return b, true
		}
	case FieldParties:
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			return list, true
		}
	default:
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, true
		}
	}
	return nil, false // stored terms always decode; anything else is not stated
}

// Cell is the value as plain text for a CSV cell: numbers without
// grouping ("600000", "12.5"), booleans as true and false, lists of
// parties joined by ListSeparator, "" where not stated.
func (c TermColumn) Cell(p Provision) string {
	v, _ := c.Value(p)
	return ValueCell(v)
}

// ValueCell writes a term's typed value (what TermColumn.Value returns) as
// a CSV cell: numbers without grouping, booleans as true and false, lists
// of parties joined by ListSeparator, "" for nil. The dataset and the
// comparison exports write their cells alike through it.
func ValueCell(v any) string {
	switch v := v.(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case []string:
		return strings.Join(v, ListSeparator)
	case string:
		return v
	}
	return ""
}

// ValueType is how a codebook names the column's type: integer, number,
// boolean, text, enum, party or parties (a list joined by ListSeparator).
func (c TermColumn) ValueType() string { return string(c.Field.Type) }

// Description says what the column holds, for a codebook.
func (c TermColumn) Description() string {
	d := c.Field.Label + " — a term of " + c.Kind.Label + " provisions (" + c.Kind.Description + ")"
	if c.Field.Help != "" {
		d += " " + c.Field.Help
	}
	if c.Field.Nullable {
		d += " Empty where the draft does not say."
	}
	return d
}
