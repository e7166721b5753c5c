package models

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
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
		return formatNumberUnit(v, f.Unit)
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

// FormatNumber writes n with comma thousands separators and at most two
// decimals: 600000 → "600,000", 12.5 → "12.5".
func FormatNumber(n float64) string { return formatNumberUnit(n, "") }

// formatNumberUnit writes a number as people read it: thousands separated
// by commas, at most two decimals, and its unit: "600,000 people", "50%",
// and money with its currency first, "USD 100 bn". It builds the string in
// one buffer: comparisons format tens of thousands of numbers.
func formatNumberUnit(v float64, unit string) string {
	var scratch, buf [48]byte
	n := v
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.AppendFloat(scratch[:0], n, 'f', -1, 64)
	intPart, frac, hasFrac := bytes.Cut(s, []byte{'.'})
	if hasFrac && len(frac) > 2 {
		s = strconv.AppendFloat(scratch[:0], n, 'f', 2, 64)
		intPart, frac, _ = bytes.Cut(s, []byte{'.'})
		frac = bytes.TrimRight(frac, "0")
		hasFrac = len(frac) > 0
	}
	out := buf[:0]
	if neg {
		out = append(out, '-')
	}
	if n != 0 && string(intPart) == "0" && !hasFrac {
		// Not zero, but zero to two decimals (5e-324): say how small
		// rather than show a 0 that is not one.
		intPart, frac, hasFrac = []byte("<0"), []byte("01"), true
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	if hasFrac {
		out = append(out, '.')
		out = append(out, frac...)
	}
	switch {
	case unit == "":
	case unit == "%":
		out = append(out, '%')
	case strings.HasPrefix(unit, "USD "):
		return "USD " + string(out) + " " + unit[len("USD "):]
	default:
		out = append(out, ' ')
		out = append(out, unit...)
	}
	return string(out)
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
			parts = append(parts, headlineValue(line.Field, line.Value))
		}
	}
	if len(parts) == 0 {
		return p.Title
	}
	return strings.Join(parts, ", ")
}

// headlineValue is how a formatted term reads in a headline. A boolean's
// "yes" alone says nothing out of its table, so it reads as its label
// ("legally binding") or the label denied ("not legally binding").
func headlineValue(f Field, value string) string {
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
