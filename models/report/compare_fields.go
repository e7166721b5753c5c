package report

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"plantracker/models"
	"plantracker/models/numbers"
	"plantracker/models/worddiff"
)

// NotStated is how a comparison shows a value a draft does not give.
const NotStated = "—"

// FieldChange is one field that differs between two versions of a
// provision, with both values formatted for people.
//
// Type says how to render it: a term's FieldType ("integer", "number",
// "boolean", "enum", "text", "party", "parties"); "kind" for a change of
// kind, which comes with a "terms" change showing all terms before and
// after, since terms of different kinds do not compare field by field;
// "party_role" for a party's part in the provision; "wording" for the text,
// which carries a word diff in Words. Status, sourcing and category are
// "enum"; citation, title and point "text".
type FieldChange struct {
	// Field is the machine name: "terms.limit", "parties.RU.signatory",
	// "text", "status", "sourcing", "sources", "title", "point",
	// "category", "kind", "terms".
	Field string `json:"field"`
	// Label is the human name: the term's label ("Limit"), the party's
	// short name for a party_role change, else "Wording", "Status", …
	Label string `json:"label"`
	Type  string `json:"type"`
	// Before and After are the formatted values, NotStated ("—") where the
	// draft does not give one.
	Before string `json:"before"`
	After  string `json:"after"`
	// Delta is the change in short: "+33.3%" for a number (none when the
	// earlier value is zero or absent), "+FR −PL" for a set of parties,
	// "+FR" or "−PL" for a party added to or removed from a role.
	Delta   string   `json:"delta,omitempty"`
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
	// Words is the word diff of the wording.
	Words []worddiff.Run `json:"words,omitempty"`
	// Summary is the change on one line, for lists, CSV and PDF:
	// "Limit: 600,000 people → 800,000 people (+33.3%)",
	// "Guarantors: +FR −PL", "RU: signatory, stance unknown → opposes".
	Summary string `json:"summary"`
	// NotRecorded: the later draft does not record this term, party or
	// stance (the draft is partial, or its provision records no parties at
	// all), which is not a removal. Before is the last known value, After
	// is NotRecordedValue, and the Summary says "not recorded (last known:
	// …)". Such a change is shown muted and does not make a row changed.
	NotRecorded bool `json:"not_recorded,omitempty"`
	// FormOnly: the wording differs only in case, punctuation, spacing or
	// word order ("between Russia and Ukraine" → "between Ukraine and
	// Russia"). Its Summary is "Wording: order/case only", and it does not
	// make a row changed.
	FormOnly bool `json:"form_only,omitempty"`
}

// NotRecordedValue is the After of a change the later draft does not record.
const NotRecordedValue = "not recorded"

// Counted reports whether the change counts as one of substance: it is
// neither not recorded nor a change of form only of the wording.
func (c FieldChange) Counted() bool { return !c.NotRecorded && !c.FormOnly }

// anyCounted reports whether some change counts (FieldChange.Counted).
func anyCounted(changes []FieldChange) bool {
	for i := range changes {
		if changes[i].Counted() {
			return true
		}
	}
	return false
}

// notRecorded is the change of a term, party or stance that the later
// draft does not record: last is its last known value.
func notRecorded(field, label, typ, last string) FieldChange {
	fc := FieldChange{Field: field, Label: label, Type: typ, Before: orNotStated(last), After: NotRecordedValue, NotRecorded: true}
	fc.Summary = label + ": not recorded (last known: " + fc.Before + ")"
	return fc
}

// String returns the one-line summary.
func (c FieldChange) String() string { return c.Summary }

func newChange(field, label, typ, before, after string) FieldChange {
	return FieldChange{Field: field, Label: label, Type: typ, Before: orNotStated(before), After: orNotStated(after)}
}

// summarize writes the usual summary: "Label: before → after (delta)".
func (c FieldChange) summarize() FieldChange {
	c.Summary = c.Label + ": " + c.Before + " → " + c.After
	if c.Delta != "" {
		c.Summary += " (" + c.Delta + ")"
	}
	return c
}

func orNotStated(s string) string {
	if s == "" {
		return NotStated
	}
	return s
}

// comparer compares provisions, reusing its word-diff buffers, and lends
// its arena to the provisions it formats.
type comparer struct {
	wd worddiff.Differ
	ar arena
	// rec says what the later draft records, for comparisons of drafts
	// (the zero value: two versions of one provision, where everything
	// missing is removed).
	rec recording
}

// recording is what a later draft is taken to record. A term, party or
// stance it does not record is "not recorded", never removed.
type recording struct {
	// drafts: the provisions are compared as parts of two drafts, so a
	// provision that records no parties at all does not remove any.
	drafts bool
	// laterPartial: the later draft is partial; a term, party or stance
	// its provision does not state is not recorded.
	laterPartial bool
}

// partiesUnrecorded reports whether b, in the later draft, leaves the
// parties it does not name unrecorded rather than removed.
func (r recording) partiesUnrecorded(b []models.ProvisionParty) bool {
	return r.laterPartial || r.drafts && len(b) == 0
}

// changes lists what differs from a to b; words asks for the word diff of
// the wording (a matrix only needs to know that it changed).
func (c *comparer) changes(a, b *provInfo, words bool) []FieldChange {
	pa, pb := a.p, b.p
	if pa.Kind == pb.Kind && pa.Text == pb.Text && pa.Status == pb.Status && pa.Sourcing == pb.Sourcing &&
		models.SameCitations(pa.Sources, pb.Sources) && pa.Title == pb.Title && pa.Point == pb.Point && pa.Category == pb.Category &&
		bytes.Equal(pa.Terms, pb.Terms) && slices.EqualFunc(pa.Parties, pb.Parties, models.ProvisionParty.Equal) {
		return nil
	}
	var out []FieldChange
	switch {
	case pa.Kind != pb.Kind:
		out = append(out, newChange("kind", "Kind", "kind", kindLabel(pa.Kind), kindLabel(pb.Kind)).summarize())
		if before, after := joinTerms(a.termLines()), joinTerms(b.termLines()); before != after {
			out = append(out, newChange("terms", "Terms", "terms", before, after).summarize())
		}
	case bytes.Equal(pa.Terms, pb.Terms):
	case a.kind == nil:
		out = append(out, newChange("terms", "Terms", "terms", string(pa.Terms), string(pb.Terms)).summarize())
	default:
		out = termChanges(a, b, c.rec, out)
	}
	out = partyChanges(pa.Parties, pb.Parties, c.rec, out)
	if pa.Text != pb.Text {
		fc := newChange("text", "Wording", "wording", pa.Text, pb.Text)
		fc.Summary = "Wording: changed"
		if sameWords(pa.Text, pb.Text) {
			fc.FormOnly, fc.Summary = true, "Wording: order/case only"
			if words {
				fc.Words = c.wd.Diff(pa.Text, pb.Text)
			}
		} else if words {
			fc.Words = c.wd.Diff(pa.Text, pb.Text)
			fc.Summary = wordingSummary(fc.Words)
		}
		out = append(out, fc)
	}
	if pa.Status != pb.Status {
		out = append(out, newChange("status", "Status", "enum", models.ProvisionStatuses.Label(pa.Status), models.ProvisionStatuses.Label(pb.Status)).summarize())
	}
	if pa.Sourcing != pb.Sourcing {
		out = append(out, newChange("sourcing", "Sourcing", "enum", models.Sourcings.Label(pa.Sourcing), models.Sourcings.Label(pb.Sourcing)).summarize())
	}
	if !models.SameCitations(pa.Sources, pb.Sources) {
		out = append(out, newChange("sources", "Sources", "text", pa.CitationText(), pb.CitationText()).summarize())
	}
	if pa.Title != pb.Title {
		out = append(out, newChange("title", "Title", "text", pa.Title, pb.Title).summarize())
	}
	if pa.Point != pb.Point {
		out = append(out, newChange("point", "Point", "text", pa.Point, pb.Point).summarize())
	}
	if pa.Category != pb.Category {
		out = append(out, newChange("category", "Category", "enum", models.Categories.Label(pa.Category), models.Categories.Label(pb.Category)).summarize())
	}
	return out
}

// joinTerms writes term lines on one line: "Whose forces: UA; Limit: 600,000 people".
func joinTerms(lines []FormattedTerm) string {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.Label + ": " + l.Value
	}
	return strings.Join(parts, "; ")
}

// termChanges compares the terms of two provisions of one kind, field by
// field in declaration order: numbers by value, party lists as sets, the
// rest by their formatted value.
func termChanges(a, b *provInfo, rec recording, out []FieldChange) []FieldChange {
	va, vb := a.values(), b.values()
	for i, f := range a.kind.Fields {
		ra, rb := va[i], vb[i]
		if bytes.Equal(ra, rb) || !stated(ra) && !stated(rb) {
			continue
		}
		// A term the later draft leaves unstated is not recorded where the
		// draft is partial, or (a list of parties) where its provision
		// records no parties at all.
		if !stated(rb) && (rec.laterPartial || f.Type == models.FieldParties && rec.partiesUnrecorded(b.p.Parties)) {
			out = append(out, notRecorded("terms."+f.Name, f.Label, string(f.Type), formatTerm(f, ra)))
			continue
		}
		switch f.Type {
		case models.FieldInteger, models.FieldNumber:
			na, okA := parseNumber(ra)
			nb, okB := parseNumber(rb)
			if okA && okB && na == nb {
				continue
			}
			fc := newChange("terms."+f.Name, f.Label, string(f.Type), formatTerm(f, ra), formatTerm(f, rb))
			if fc.Before == fc.After && !(okA && okB) {
				continue // the same unreadable value
			}
			if okA && okB && na != 0 {
				fc.Delta = percentChange(na, nb)
			}
			out = append(out, fc.summarize())
		case models.FieldParties:
			la, _ := parseStrings(ra)
			lb, _ := parseStrings(rb)
			added, removed := setDiff(la, lb)
			if len(added)+len(removed) == 0 {
				continue // reordered: a set is the same set
			}
			// A partial draft that leaves members out of a list does not
			// record them: they are not removed (its additions are news).
			var unrecorded []string
			if rec.laterPartial && len(removed) > 0 {
				unrecorded, removed = removed, nil
			}
			if len(added)+len(removed) > 0 {
				fc := newChange("terms."+f.Name, f.Label, string(f.Type), strings.Join(la, ", "), strings.Join(lb, ", "))
				fc.Added, fc.Removed, fc.Delta = added, removed, setDelta(added, removed)
				fc.Summary = fc.Label + ": " + fc.Delta
				out = append(out, fc)
			}
			if len(unrecorded) > 0 {
				fc := notRecorded("terms."+f.Name, f.Label, string(f.Type), strings.Join(la, ", "))
				fc.Summary = f.Label + ": " + strings.Join(unrecorded, ", ") + " not recorded (last known: " + fc.Before + ")"
				out = append(out, fc)
			}
		default:
			fa, fb := formatTerm(f, ra), formatTerm(f, rb)
			if fa == fb {
				continue
			}
			out = append(out, newChange("terms."+f.Name, f.Label, string(f.Type), fa, fb).summarize())
		}
	}
	return out
}

// percentChange is the change from old to new in percent, to one decimal:
// "+33.3%", "−25.0%". From a tiny old value the percentage is huge (or,
// from 5e-324, infinite): beyond maxPercent it reads "over +10,000%".
func percentChange(old, new float64) string {
	pct := (new - old) / math.Abs(old) * 100
	sign := "+"
	if pct < 0 {
		sign = "−"
	}
	if math.IsNaN(pct) || math.Abs(pct) > maxPercent {
		return "over " + sign + numbers.Format(maxPercent, "") + "%"
	}
	return sign + strconv.FormatFloat(math.Abs(pct), 'f', 1, 64) + "%"
}

// maxPercent bounds the percentages a comparison shows.
const maxPercent = 10000

// setDiff returns the members of b that a lacks (in b's order) and the
// members of a that b lacks (in a's order).
func setDiff(a, b []string) (added, removed []string) {
	for _, s := range b {
		if !slices.Contains(a, s) {
			added = append(added, s)
		}
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			removed = append(removed, s)
		}
	}
	return added, removed
}

// setDelta writes added and removed members as "+FR −PL".
func setDelta(added, removed []string) string {
	parts := make([]string, 0, len(added)+len(removed))
	for _, s := range added {
		parts = append(parts, "+"+s)
	}
	for _, s := range removed {
		parts = append(parts, "−"+s)
	}
	return strings.Join(parts, " ")
}

// sameWords reports whether two wordings have the same words, told apart
// only by case, punctuation, spacing or order. Most changed wordings differ
// in their words, and their word counts or signatures say so without
// sorting either (sorting was most of a comparison's word work).
func sameWords(a, b string) bool {
	na, sa := wordSignature(a)
	nb, sb := wordSignature(b)
	if na == 0 || na != nb || sa != sb {
		return false
	}
	return slices.Equal(wordBag(a), wordBag(b))
}

// wordSignature is the number of words in s and the sum of their hashes
// (each lower-cased, FNV-1a): equal for two texts with the same words in
// any order, and, but for a collision, different otherwise.
func wordSignature(s string) (words int, sum uint64) {
	const offset, prime = 14695981039346656037, 1099511628211
	h, inWord := uint64(offset), false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			inWord = true
			continue
		}
		if inWord {
			words, sum, h, inWord = words+1, sum+h, offset, false
		}
	}
	if inWord {
		words, sum = words+1, sum+h
	}
	return words, sum
}

// wordBag is the words of s, lower-cased and sorted; a word is a run of
// letters and digits.
func wordBag(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	slices.Sort(words)
	return words
}
