package parse

import (
	"fmt"
	"strings"
	"sync"

	"plantracker/models"
)

// Cues are the words a kind declares beside its label and description
// (kindSpec.Words in kinds.go): what in a draft's text says a point is of
// this kind, and what says a term has a value. They are written as one
// string, in sections separated by ";":
//
//	amnesty | pardon                     the kind's own cues
//	; scope.full = full amnesty | blanket  cues of one option of an enum term
//	; waives_claims = no * claims          cues of a term (here a boolean)
//	; country = elections in {}            a term's value is what a slot holds
//
// A cue is words, compared by stem ("capped" matches "cap", "recognised"
// matches "recognized"); a word written in capitals is compared as
// written (START is not "start"). Between them:
//
//	*        up to 3 words, ** up to 12, never across the end of a clause
//	{}       a party, or several in a row ("France, the UK and Germany")
//	{all}    (a list of parties) every party the point names
//	{name}   a name written with capitals ("Zaporizhzhia", "NATO")
//	{place}  a name that is not a party's ("Crimea", "Luhansk and Donetsk")
//	{text}   the rest of the clause
//	{ratio}  a ratio such as 50:50
//	[ ]      the value is the words between the brackets
//
// A text term's value is, in that order: the words in brackets, the first
// {text}, {name}, {place} or {ratio}, or the whole match. Booleans and enum
// options without cues of their own are found by their label ("Peacetime
// only" by "peacetime"). Sections naming a term or option the kind does not
// have stop the program at start, as a bad kind declaration does.

type cueElemKind uint8

const (
	ceWord  cueElemKind = iota // compared by stem
	ceExact                    // a word in capitals, compared as written
	ceGap                      // * or **
	ceParty                    // {}
	ceAll                      // {all}, which stands alone
	ceName                     // {name}
	cePlace                    // {place}
	ceText                     // {text}
	ceRatio                    // {ratio}
	ceOpen                     // [
	ceClose                    // ]
)

type cueElem struct {
	kind cueElemKind
	word string // a word's stem, or an exact word as written
	id   int32  // the word's number (cueWordID)
	max  int    // a gap's most words
	// common: the word was written in lower case, so that, at the start
	// of a sentence, it is not a name ({name} skips "Sovereignty").
	common bool
}

// cue is one compiled cue.
type cue struct {
	src   string
	elems []cueElem
	words int    // how many words it names: the more, the more specific
	id    int    // its number, by which a piece remembers its hits
	key   string // its words, by which kinds that share it are counted
}

// cueWords numbers every word the cues name (its stem, or "=" and the word
// as written for a word in capitals), so that matching compares numbers,
// not strings; and counts the cues compiled.
var cueWords = struct {
	sync.RWMutex
	ids  map[string]int32
	cues int
}{ids: map[string]int32{}}

func cueWordID(w string) int32 {
	cueWords.Lock()
	defer cueWords.Unlock()
	id, ok := cueWords.ids[w]
	if !ok {
		id = int32(len(cueWords.ids) + 1)
		cueWords.ids[w] = id
	}
	return id
}

// knownWordID is the number of a word some cue names, or 0.
func knownWordID(w string) int32 {
	cueWords.RLock()
	defer cueWords.RUnlock()
	return cueWords.ids[w]
}

func newCueID() int {
	cueWords.Lock()
	defer cueWords.Unlock()
	cueWords.cues++
	return cueWords.cues - 1
}

func cueCount() int {
	cueWords.RLock()
	defer cueWords.RUnlock()
	return cueWords.cues
}

// fieldCues are the cues of one term: its own, and its options' (enums).
type fieldCues struct {
	cues []cue
	// all: the term takes every party the point names ({all}).
	all     bool
	options []optionCues // in the order the field declares its options
	derived bool         // found by the field's label: no cues were declared
}

type optionCues struct {
	value   string
	cues    []cue
	derived bool
}

// kindCueTable holds every kind's cues, by kind name, compiled from the
// kinds registry (models.Kinds) when the package starts: a mistake in a
// kind's Words stops the program there, as a bad kind declaration does.
// They are the parser's, not the kind's: models keeps only the words.
var kindCueTable = func() map[string]*kindCues {
	out := map[string]*kindCues{}
	for _, k := range models.Kinds() {
		out[k.Name] = compileCues(k, k.Words())
	}
	return out
}()

// cuesOf is a kind's compiled cues; a kind the registry does not have
// has none.
func cuesOf(k *models.Kind) *kindCues {
	if kc := kindCueTable[k.Name]; kc != nil {
		return kc
	}
	return &kindCues{fields: map[string]*fieldCues{}}
}

// kindCues are everything a kind declares for the parser.
type kindCues struct {
	kind   []cue
	fields map[string]*fieldCues
}

// compileCues reads a kind's Words. It panics on a mistake in the
// declaration, as a bad kind declaration does.
func compileCues(k *models.Kind, words string) *kindCues {
	kc := &kindCues{fields: map[string]*fieldCues{}}
	for i, section := range strings.Split(words, ";") {
		section = strings.TrimSpace(section)
		if section == "" {
			continue
		}
		lhs, rhs, isTerm := strings.Cut(section, "=")
		if !isTerm {
			if i != 0 {
				panic(fmt.Sprintf("models: kind %s: cue section %q names no term (term = cues)", k.Name, section))
			}
			kc.kind = compileCueList(k.Name, section)
			for _, c := range kc.kind {
				if c.words == 0 {
					panic(fmt.Sprintf("models: kind %s: the kind's cue %q has no words", k.Name, c.src))
				}
			}
			continue
		}
		name, option, _ := strings.Cut(strings.TrimSpace(lhs), ".")
		f, ok := k.Field(name)
		if !ok {
			panic(fmt.Sprintf("models: kind %s: cues for %q, which is not one of its terms", k.Name, name))
		}
		fc := kc.field(f)
		list := compileCueList(k.Name, rhs)
		switch {
		case option != "":
			oc := fc.option(option)
			if oc == nil {
				panic(fmt.Sprintf("models: kind %s: cues for %s.%s, which is not one of its options", k.Name, name, option))
			}
			oc.cues, oc.derived = append(oc.cues, list...), false
		default:
			for _, c := range list {
				if c.src == "{all}" {
					checkAllSlot(k.Name, f)
					fc.all = true
					continue
				}
				fc.cues = append(fc.cues, c)
			}
			fc.derived = false
		}
	}
	// What was not declared is found by its label.
	for _, f := range k.Fields {
		switch f.Type {
		case models.FieldBoolean:
			fc := kc.field(f)
			if len(fc.cues) == 0 {
				fc.cues, fc.derived = labelCues(k.Name, f.Label), true
			}
		case models.FieldEnum:
			fc := kc.field(f)
			for i := range fc.options {
				if len(fc.options[i].cues) == 0 {
					fc.options[i].cues = labelCues(k.Name, models.OptionLabel(fc.options[i].value))
					fc.options[i].derived = true
				}
			}
		}
	}
	return kc
}

func (kc *kindCues) field(f models.Field) *fieldCues {
	fc, ok := kc.fields[f.Name]
	if !ok {
		fc = &fieldCues{}
		for _, o := range f.Options {
			fc.options = append(fc.options, optionCues{value: o.Value})
		}
		kc.fields[f.Name] = fc
	}
	return fc
}

func (fc *fieldCues) option(value string) *optionCues {
	for i := range fc.options {
		if fc.options[i].value == value {
			return &fc.options[i]
		}
	}
	return nil
}

// checkAllSlot: {all} stands alone, for a list of parties.
func checkAllSlot(kind string, f models.Field) {
	if f.Type != models.FieldParties {
		panic(fmt.Sprintf("models: kind %s: {all} in a cue of %s, which is not a list of parties", kind, f.Name))
	}
}

// labelStopwords are left out when a label is used as a cue: "Includes
// civilians" is found by "civilians".
var labelStopwords = map[string]bool{
	"include": true, "includes": true, "included": true, "written": true, "into": true, "the": true, "of": true,
	"a": true, "an": true, "on": true, "only": true, "is": true, "for": true, "by": true, "to": true, "in": true,
	"at": true, "its": true, "how": true, "not": true, "stated": true,
}

// labelCues makes a cue of a label's words, in order, with gaps between.
func labelCues(kind, label string) []cue {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(label)) {
		w = strings.Trim(w, "(),.")
		if w != "" && !labelStopwords[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	return compileCueList(kind, strings.Join(words, " * "))
}

func compileCueList(kind, s string) []cue {
	var out []cue
	for _, src := range strings.Split(s, "|") {
		src = strings.Join(strings.Fields(src), " ")
		if src == "" {
			continue
		}
		out = append(out, compileCue(kind, src))
	}
	return out
}

// cueMarks are the marks a cue is written with besides its words: gaps
// (* skips up to 3 words, ** up to 12), slots and brackets.
var cueMarks = map[string]cueElem{
	"*":       {kind: ceGap, max: 3},
	"**":      {kind: ceGap, max: 12},
	"{}":      {kind: ceParty},
	"{all}":   {kind: ceAll},
	"{name}":  {kind: ceName},
	"{place}": {kind: cePlace},
	"{text}":  {kind: ceText},
	"{ratio}": {kind: ceRatio},
	"[":       {kind: ceOpen},
	"]":       {kind: ceClose},
}

func compileCue(kind, src string) cue {
	c := cue{src: src}
	spaced := strings.NewReplacer("[", " [ ", "]", " ] ").Replace(src)
	for _, part := range strings.Fields(spaced) {
		if e, ok := cueMarks[part]; ok {
			c.elems = append(c.elems, e)
			continue
		}
		if strings.ContainsAny(part, "{}") {
			panic(fmt.Sprintf("models: kind %s: unknown slot in cue %q", kind, src))
		}
		for _, t := range parseTokens(part) {
			if t.kind == ptPunct {
				continue
			}
			e := cueElem{kind: ceWord, word: t.stem, id: cueWordID(t.stem), common: t.text == t.norm}
			if isAllCaps(t.text) {
				e = cueElem{kind: ceExact, word: t.text, id: cueWordID("=" + t.text)}
			}
			c.elems = append(c.elems, e)
			c.words++
		}
	}
	if len(c.elems) == 0 {
		panic(fmt.Sprintf("models: kind %s: empty cue %q", kind, src))
	}
	for _, e := range c.elems {
		if e.kind == ceAll && len(c.elems) > 1 {
			panic(fmt.Sprintf("models: kind %s: {all} stands alone, not in %q", kind, src))
		}
	}
	c.id, c.key = newCueID(), c.keyOf()
	return c
}

// isAllCaps: two or more letters, every one a capital ("START", "G8").
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
		default:
			if r > 127 {
				return false
			}
		}
	}
	return letters >= 2
}

// key identifies a cue by its words, so that one shared by several kinds
// counts for less in each.
func (c cue) keyOf() string {
	var b strings.Builder
	for _, e := range c.elems {
		switch e.kind {
		case ceWord, ceExact:
			b.WriteString(e.word)
		default:
			b.WriteString("_")
		}
		b.WriteByte(' ')
	}
	return b.String()
}
