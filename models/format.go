package models

import (
	"encoding/json"
	"strings"

	"plantracker/models/numbers"
)

// FormatValue renders one term value for people: numbers with thousands
// separators and their unit, booleans as yes/no, enums by their label,
// parties as a comma-separated list. An absent value is "" (not stated).
func FormatValue(f Field, raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	switch f.Type {
	case FieldInteger, FieldNumber:
		var v float64
		if json.Unmarshal(raw, &v) != nil {
			return string(raw)
		}
		return numbers.Format(v, f.Unit)
	case FieldBoolean:
		var v bool
		if json.Unmarshal(raw, &v) != nil {
			return string(raw)
		}
		if v {
			return "yes"
		}
		return "no"
	case FieldParties:
		var v []string
		if json.Unmarshal(raw, &v) != nil {
			return string(raw)
		}
		return strings.Join(v, ", ")
	default:
		var v string
		if json.Unmarshal(raw, &v) != nil {
			return string(raw)
		}
		if f.Type == FieldEnum {
			return OptionLabel(v)
		}
		return v
	}
}

// TermLine is one term of a provision, ready to show.
type TermLine struct {
	Field Field
	Value string
}

// TermLines returns the provision's stated terms in declaration order, each
// with its label and formatted value. Terms of an unknown kind yield none.
func (p Provision) TermLines() []TermLine {
	k, ok := KindByName(p.Kind)
	if !ok {
		return nil
	}
	values := TermValues(p.Terms)
	var out []TermLine
	for _, f := range k.Fields {
		if v := FormatValue(f, values[f.Name]); v != "" {
			out = append(out, TermLine{Field: f, Value: v})
		}
	}
	return out
}

// Headline is the one-line gist of a provision's terms: its headline fields,
// formatted and joined ("Article 5-like, 10 years"). A provision whose
// headline terms are all unstated falls back to its title.
func (p Provision) Headline() string {
	var parts []string
	for _, line := range p.TermLines() {
		if line.Field.Headline {
			parts = append(parts, line.Field.HeadlineValue(line.Value))
		}
	}
	if len(parts) == 0 {
		return p.Title
	}
	return strings.Join(parts, ", ")
}

// HeadlineValue is how a formatted term of f reads in a headline. A boolean's
// "yes" alone says nothing out of its table, so it reads as its label
// ("legally binding") or the label denied ("not legally binding").
func (f Field) HeadlineValue(value string) string {
	if f.Type != FieldBoolean {
		return value
	}
	label := strings.ToLower(f.Label[:1]) + f.Label[1:]
	switch value {
	case "yes":
		return label
	case "no":
		return "not " + label
	}
	return value
}
