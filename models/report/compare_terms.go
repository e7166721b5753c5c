package report

import (
	"encoding/json"
	"strings"

	"plantracker/models"
	"plantracker/models/numbers"
)

// Reading canonical terms quickly.
//
// Comparisons and matrices read the terms of thousands of provisions; going
// through encoding/json (a map per provision, then one Unmarshal per value,
// as TermLines does) costs several microseconds each, most of a comparison's
// budget. Canonical terms are what json.Marshal writes for a flat struct of
// strings, numbers, booleans and string lists, so they are split by hand
// here, once per provision, into raw values by field. Anything this scanner
// does not expect (escapes in names, stray bytes) falls back to
// encoding/json, and values it cannot read fast are formatted by FormatValue,
// so the results are always those of TermLines and Headline (a test holds
// them to it).

// FormattedTerm is one stated term of a provision, ready to show.
type FormattedTerm struct {
	Name  string `json:"name"`  // the term's JSON name: "limit"
	Label string `json:"label"` // its human label: "Limit"
	Value string `json:"value"` // its formatted value: "600,000 people"
}

// provInfo is a provision with its terms split by field, decoded at most
// once, and its formatted terms and headline computed at most once.
type provInfo struct {
	p         *models.Provision
	kind      *models.Kind // nil for an unknown kind
	ar        *arena       // where its buffers come from; nil: the heap
	vals      []json.RawMessage
	split     bool
	lines     []FormattedTerm
	head      string
	formatted bool
}

func newProvInfo(p *models.Provision) provInfo {
	k, _ := models.KindByName(p.Kind)
	return provInfo{p: p, kind: k}
}

// provInfos wraps ps, their buffers taken from ar.
func provInfos(ps []models.Provision, ar *arena) []provInfo {
	out := make([]provInfo, len(ps))
	for i := range ps {
		out[i] = newProvInfo(&ps[i])
		out[i].ar = ar
	}
	return out
}

// arena hands out the small buffers of many provInfos from a few large
// allocations: a comparison of 10,000 provisions would otherwise make
// 40,000 of them.
type arena struct {
	vals  []json.RawMessage
	lines []FormattedTerm
}

const arenaChunk = 1024

func (a *arena) takeVals(n int) []json.RawMessage {
	if a == nil || n > arenaChunk {
		return make([]json.RawMessage, n)
	}
	if cap(a.vals)-len(a.vals) < n {
		a.vals = make([]json.RawMessage, 0, arenaChunk)
	}
	k := len(a.vals)
	a.vals = a.vals[:k+n]
	return a.vals[k : k+n : k+n]
}

func (a *arena) takeLines(n int) []FormattedTerm {
	if a == nil || n > arenaChunk {
		return make([]FormattedTerm, 0, n)
	}
	if cap(a.lines)-len(a.lines) < n {
		a.lines = make([]FormattedTerm, 0, arenaChunk)
	}
	k := len(a.lines)
	a.lines = a.lines[:k+n]
	return a.lines[k : k : k+n]
}

// values returns the raw value of each of the kind's fields, in the kind's
// order; nil where a term is not stated.
func (pi *provInfo) values() []json.RawMessage {
	if pi.split || pi.kind == nil {
		return pi.vals
	}
	pi.split = true
	pi.vals = pi.ar.takeVals(len(pi.kind.Fields))
	if !scanTerms(pi.kind, pi.p.Terms, pi.vals) {
		clear(pi.vals)
		m := models.TermValues(pi.p.Terms)
		for i, f := range pi.kind.Fields {
			pi.vals[i] = m[f.Name]
		}
	}
	return pi.vals
}

// termLines is Provision.TermLines, formatted for JSON.
func (pi *provInfo) termLines() []FormattedTerm {
	pi.format()
	return pi.lines
}

// headline is Provision.Headline.
func (pi *provInfo) headline() string {
	pi.format()
	return pi.head
}

// format formats the stated terms and the headline, once.
func (pi *provInfo) format() {
	if pi.formatted {
		return
	}
	pi.formatted = true
	pi.head = pi.p.Title
	if pi.kind == nil {
		return
	}
	vals := pi.values()
	n := 0
	for _, v := range vals {
		if stated(v) {
			n++
		}
	}
	if n == 0 {
		pi.lines = nil
		return
	}
	pi.lines = pi.ar.takeLines(n)
	var headBuf [4]string
	head := headBuf[:0]
	for i, f := range pi.kind.Fields {
		v := formatTerm(f, vals[i])
		if v == "" {
			continue
		}
		pi.lines = append(pi.lines, FormattedTerm{Name: f.Name, Label: f.Label, Value: v})
		if f.Headline {
			head = append(head, f.HeadlineValue(v))
		}
	}
	switch len(head) {
	case 0:
	case 1:
		pi.head = head[0]
	default:
		pi.head = strings.Join(head, ", ")
	}
}

// shareTerms hands pi's formatted terms and headline to other, a provision
// with the same kind, terms and title.
func (pi *provInfo) shareTerms(other *provInfo) {
	pi.format()
	other.vals, other.split = pi.vals, true
	other.lines, other.head, other.formatted = pi.lines, pi.head, true
}

func stated(raw json.RawMessage) bool {
	return len(raw) > 0 && string(raw) != "null"
}

// formatTerm is FormatValue, without encoding/json for the values canonical
// terms hold.
func formatTerm(f models.Field, raw json.RawMessage) string {
	if !stated(raw) {
		return ""
	}
	switch f.Type {
	case models.FieldInteger, models.FieldNumber:
		v, ok := parseNumber(raw)
		if !ok {
			return models.FormatValue(f, raw)
		}
		return numbers.Format(v, f.Unit)
	case models.FieldBoolean:
		switch string(raw) {
		case "true":
			return "yes"
		case "false":
			return "no"
		}
		return models.FormatValue(f, raw)
	case models.FieldParties:
		if s, ok := joinStrings(raw); ok {
			return s
		}
		return models.FormatValue(f, raw)
	case models.FieldEnum:
		for _, o := range f.Options { // the labels are made already
			if len(raw) == len(o.Value)+2 && string(raw[1:len(raw)-1]) == o.Value && raw[0] == '"' {
				return o.Label
			}
		}
		s, ok := unquote(raw)
		if !ok {
			return models.FormatValue(f, raw)
		}
		return models.OptionLabel(s)
	default:
		if s, ok := unquote(raw); ok {
			return s
		}
		return models.FormatValue(f, raw)
	}
}
