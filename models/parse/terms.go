package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/models/numbers"
)

// Reading a point's terms, by the types its kind declares:
//
//   - numbers by their unit: a term with unit "people" takes a quantity of
//     people; where a kind has two terms of one unit (an amount and a
//     matching amount), the term whose cues stand near a quantity takes it,
//     the rest go in declaration order;
//   - booleans are true where their cues are found, false where only
//     negated ("does not oblige anyone to intervene");
//   - enum options by their cues: the option with the most cue words wins,
//     the earliest in the text on a tie;
//   - parties and names by cues with slots ("sanctions on {}"), the first
//     cue that matches giving the value.
//
// Nothing is guessed: a term the text does not state is left out, and a
// required one is reported missing. The terms are checked against the
// kind, and a value it refuses is dropped with a note.

// termRead is one term read from the text.
type termRead struct {
	field      models.Field
	value      any
	confidence float64
	evidence   string
	note       string
}

// TermNote says how sure the parser is of one term and what it read it
// from. A required term the text does not state has a note with
// confidence 0 and no evidence.
type TermNote struct {
	Confidence float64 `json:"confidence"`
	// Evidence is the words of the text the value was read from.
	Evidence string `json:"evidence,omitempty"`
	Note     string `json:"note,omitempty"`
}

// lowTermConfidence marks terms the review page asks the analyst to check.
const lowTermConfidence = 0.6

// readTerms reads the terms of kind k from d.
func readTerms(k *models.Kind, d *pdoc) []termRead {
	var out []termRead
	used := map[int]bool{} // quantities already taken, by index
	numbers := readNumberTerms(k, d, used)
	for _, f := range k.Fields {
		fc := cuesOf(k).fields[f.Name]
		var r *termRead
		switch f.Type {
		case models.FieldInteger, models.FieldNumber:
			r = numbers[f.Name]
		case models.FieldBoolean:
			r = readBooleanTerm(f, fc, d)
		case models.FieldEnum:
			r = readEnumTerm(f, fc, d)
		case models.FieldParty:
			r = readPartyTerm(k, f, fc, d)
		case models.FieldParties:
			r = readPartiesTerm(f, fc, d)
		case models.FieldText:
			r = readTextTerm(f, fc, d)
		}
		if r != nil {
			r.field = f
			out = append(out, *r)
		}
	}
	return out
}

// readNumberTerms assigns quantities to the number terms of k.
func readNumberTerms(k *models.Kind, d *pdoc, used map[int]bool) map[string]*termRead {
	out := map[string]*termRead{}
	byUnit := map[string][]models.Field{}
	var units []string
	for _, f := range k.Fields {
		if (f.Type == models.FieldInteger || f.Type == models.FieldNumber) && f.Unit != "" {
			if byUnit[f.Unit] == nil {
				units = append(units, f.Unit)
			}
			byUnit[f.Unit] = append(byUnit[f.Unit], f)
		}
	}
	for _, unit := range units {
		fields := byUnit[unit]
		var qs []int
		for i, q := range d.quantities {
			if q.Unit == unit {
				qs = append(qs, i)
			}
		}
		bare := false
		if len(qs) == 0 && unit == "people" {
			// "capped at 600,000": a bare number of thousands, where the
			// kind's words say what it counts.
			for i, q := range d.quantities {
				if q.Unit == "" && q.Value >= 1000 && q.Value == math.Trunc(q.Value) {
					qs, bare = append(qs, i), true
				}
			}
		}
		taken := map[string]int{}
		// A term whose own cues stand near a quantity takes it.
		if len(fields) > 1 {
			for _, f := range fields {
				fc := cuesOf(k).fields[f.Name]
				if fc == nil {
					continue
				}
				for _, qi := range qs {
					if used[qi] || !cueNear(d, fc.cues, d.quantities[qi]) {
						continue
					}
					taken[f.Name] = qi
					used[qi] = true
					break
				}
			}
		}
		for _, f := range fields {
			if _, ok := taken[f.Name]; ok {
				continue
			}
			for _, qi := range qs {
				if !used[qi] {
					taken[f.Name] = qi
					used[qi] = true
					break
				}
			}
		}
		for _, f := range fields {
			qi, ok := taken[f.Name]
			if !ok {
				continue
			}
			q := d.quantities[qi]
			r := &termRead{value: q.Value, confidence: 0.9, evidence: d.span(q.Start, q.End)}
			switch {
			case bare:
				r.confidence, r.note = 0.55, "no unit written beside the number; read as "+unit
			case q.Spelled:
				r.confidence = 0.85
			}
			if len(qs) > len(fields) {
				r.confidence = math.Min(r.confidence, 0.65)
				r.note = joinNotes(r.note, "the text states more than one number of "+unit+"; the first was taken")
			}
			if f.Type == models.FieldInteger {
				if q.Value != math.Trunc(q.Value) {
					continue
				}
				r.value = int64(q.Value)
			}
			out[f.Name] = r
		}
	}
	return out
}

// cueNear reports whether one of cues matches within six words before a
// quantity or three after it.
func cueNear(d *pdoc, cues []cue, q numbers.Quantity) bool {
	for i := range cues {
		for _, h := range d.find(&cues[i]) {
			if h.end <= q.Start && q.Start-h.end <= 6 || h.start >= q.End && h.start-q.End <= 3 {
				return true
			}
		}
	}
	return false
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func readBooleanTerm(f models.Field, fc *fieldCues, d *pdoc) *termRead {
	if fc == nil {
		return nil
	}
	var negated *cueHit
	for _, h := range d.findAny(fc.cues) {
		if !h.negated {
			return &termRead{value: true, confidence: 0.75, evidence: d.evidence(h)}
		}
		if negated == nil {
			h := h
			negated = &h
		}
	}
	if negated != nil {
		ev := d.span(max(0, negated.start-4), negated.end)
		return &termRead{value: false, confidence: 0.65, evidence: ev, note: "said with a negation"}
	}
	return nil
}

func readEnumTerm(f models.Field, fc *fieldCues, d *pdoc) *termRead {
	if fc == nil {
		return nil
	}
	type tally struct {
		value    string
		words    int
		first    int
		span     int // the first hit's length: the longer, the more specific
		evidence string
	}
	var best, second *tally
	for _, o := range fc.options {
		t := tally{value: o.value, first: math.MaxInt}
		covered := map[int]bool{}
		for i := range o.cues {
			for _, h := range d.find(&o.cues[i]) {
				if h.negated || !coversNew(covered, h) {
					continue
				}
				t.words += max(1, o.cues[i].words)
				if h.start < t.first || h.start == t.first && h.end-h.start > t.span {
					t.first, t.span, t.evidence = h.start, h.end-h.start, d.evidence(h)
				}
				break // a cue counts once
			}
		}
		if t.words == 0 {
			continue
		}
		switch {
		case best == nil || t.words > best.words || t.words == best.words &&
			(t.first < best.first || t.first == best.first && t.span > best.span):
			second, best = best, &t
		case second == nil || t.words > second.words:
			second = &t
		}
	}
	if best == nil {
		return nil
	}
	r := &termRead{value: best.value, confidence: 0.75, evidence: best.evidence}
	if second != nil && second.words == best.words {
		r.confidence, r.note = 0.5, "the text also reads as "+second.value
	} else if second != nil {
		r.confidence = 0.65
	}
	return r
}

func readPartyTerm(k *models.Kind, f models.Field, fc *fieldCues, d *pdoc) *termRead {
	if fc != nil {
		for i := range fc.cues {
			for _, h := range d.find(&fc.cues[i]) {
				if len(h.parties) == 0 {
					continue
				}
				r := &termRead{value: h.parties[0], confidence: 0.75, evidence: d.evidence(h)}
				if len(h.parties) > 1 {
					r.confidence, r.note = 0.55, "several parties stand there; the first was taken"
				}
				return r
			}
		}
	}
	// The only party the point names, for the kind's only party term,
	// where that term is what the provision is about (a troop cap's
	// party, a sanction's target).
	if names := d.partyNames(); len(names) == 1 && f.Required && countFields(k, models.FieldParty) == 1 {
		m := d.mentions[0]
		return &termRead{value: names[0], confidence: 0.5, evidence: d.span(m.start, m.end),
			note: "the only party the point names"}
	}
	return nil
}

func countFields(k *models.Kind, t models.FieldType) int {
	n := 0
	for _, f := range k.Fields {
		if f.Type == t {
			n++
		}
	}
	return n
}

func readPartiesTerm(f models.Field, fc *fieldCues, d *pdoc) *termRead {
	if fc == nil {
		return nil
	}
	var parties, evidence []string
	for _, h := range d.findAny(fc.cues) {
		if len(h.parties) == 0 {
			continue
		}
		before := len(parties)
		for _, p := range h.parties {
			parties = appendUnique(parties, p)
		}
		if len(parties) > before {
			evidence = append(evidence, d.evidence(h))
		}
	}
	if len(parties) > 0 {
		return &termRead{value: parties, confidence: 0.7, evidence: strings.Join(evidence, " … ")}
	}
	if fc.all {
		if names := d.partyNames(); len(names) > 0 {
			return &termRead{value: names, confidence: 0.5, evidence: strings.Join(names, ", "),
				note: "every party the point names"}
		}
	}
	return nil
}

func readTextTerm(f models.Field, fc *fieldCues, d *pdoc) *termRead {
	if fc == nil {
		return nil
	}
	for i := range fc.cues {
		for _, h := range d.find(&fc.cues[i]) {
			v := d.value(h)
			if v == "" {
				continue
			}
			if f.Max != nil && float64(len([]rune(v))) > *f.Max {
				continue
			}
			return &termRead{value: v, confidence: 0.55, evidence: d.evidence(h),
				note: "words taken from the text: check where they start and end"}
		}
	}
	return nil
}

// encodeTerms writes the terms as the kind's canonical JSON (fields in
// declaration order), checks them against the kind, drops what it refuses
// and notes every term: read, dropped, or required and missing.
func encodeTerms(k *models.Kind, reads []termRead) (json.RawMessage, map[string]TermNote) {
	notes := map[string]TermNote{}
	values := map[string]any{}
	for _, r := range reads {
		values[r.field.Name] = r.value
		notes[r.field.Name] = TermNote{Confidence: round2(r.confidence), Evidence: r.evidence, Note: r.note}
	}
	for range k.Fields { // each pass drops at least one refused value
		raw := canonicalTerms(k, values)
		_, _, err := k.DecodeTerms(raw)
		verr, ok := err.(*models.ValidationError)
		if err == nil || !ok {
			break
		}
		dropped := false
		for _, fe := range verr.Errors {
			name := strings.TrimPrefix(fe.Field, "terms.")
			if i := strings.IndexAny(name, "[."); i > 0 {
				name = name[:i]
			}
			if _, had := values[name]; had {
				delete(values, name)
				n := notes[name]
				notes[name] = TermNote{Evidence: n.Evidence, Note: fmt.Sprintf("read %q but the kind refuses it: %s; left out", n.Evidence, fe.Message)}
				dropped = true
			}
		}
		if !dropped {
			break
		}
	}
	for _, f := range k.Fields {
		if _, ok := values[f.Name]; !ok && f.Required {
			if _, noted := notes[f.Name]; !noted {
				notes[f.Name] = TermNote{Confidence: 0, Note: "required, and not found in the text"}
			}
		}
	}
	return canonicalTerms(k, values), notes
}

// canonicalTerms writes values as a JSON object in the kind's field order.
func canonicalTerms(k *models.Kind, values map[string]any) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	n := 0
	for _, f := range k.Fields {
		v, ok := values[f.Name]
		if !ok {
			continue
		}
		enc, err := json.Marshal(v)
		if err != nil {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f.Name))
		b.WriteByte(':')
		b.Write(enc)
		n++
	}
	b.WriteByte('}')
	return b.Bytes()
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
