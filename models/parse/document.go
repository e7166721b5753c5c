package parse

import (
	"strings"

	"plantracker/models"
	"plantracker/models/numbers"
)

// pdoc is one piece of a draft's text (a point, or one of its sub-points)
// made ready for reading: its tokens, the parties it names and the
// quantities it states.
type pdoc struct {
	text       string
	toks       []ptoken
	mentions   []pmention
	mentionAt  map[int]int // token index → index of the mention that starts there
	quantities []numbers.Quantity
	// at lists where each cue word stands (by its number), so that a cue
	// whose words are not all in the piece is passed over at once; hits
	// remembers the hits (by the cue's number) of each cue whose words are
	// all in the piece, which kinds, terms and splitting all ask for. It
	// is a map, filled as cues are asked for, not a slot per cue: a piece
	// of two words holds a few entries, not the ~1,500 cues' worth of
	// slots (47 KB a point, which a text of bare markers multiplied).
	at   map[int32][]int
	hits map[int][]cueHit
}

func newPDoc(text string, lex *partyLexicon) *pdoc {
	// The labels' cues are compiled on first use; their words must be
	// numbered before the piece's words are looked up.
	kindLabelCues()
	ntoks := numbers.Tokens(text)
	toks := parseTokensOf(ntoks)
	d := &pdoc{text: text, toks: toks, mentionAt: map[int]int{}, at: make(map[int32][]int, len(toks)),
		hits: map[int][]cueHit{}}
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind != ptWord && t.kind != ptNumber {
			continue
		}
		if t.stemID = knownWordID(t.stem); t.stemID > 0 {
			d.at[t.stemID] = append(d.at[t.stemID], i)
		}
		if t.exactID = knownWordID("=" + t.text); t.exactID > 0 {
			d.at[t.exactID] = append(d.at[t.exactID], i)
		}
	}
	d.mentions = lex.find(d.toks)
	for i, m := range d.mentions {
		d.mentionAt[m.start] = i
	}
	d.quantities = numbers.Quantities(ntoks)
	return d
}

// span is the text of tokens [from, to).
func (d *pdoc) span(from, to int) string {
	if from >= to || from < 0 || to > len(d.toks) {
		return ""
	}
	return strings.TrimSpace(d.text[d.toks[from].start:d.toks[to-1].end])
}

// partyNames lists every party the piece names, once each, in order.
func (d *pdoc) partyNames() []string {
	return models.DistinctKeys(d.mentions, func(m pmention) string { return m.party })
}

// cueHit is one place where a cue matched.
type cueHit struct {
	cue        *cue
	start, end int // tokens [start, end)
	// valStart, valEnd are the tokens a text term takes as its value.
	valStart, valEnd int
	parties          []string // what {} and {all} captured, in order
	negated          bool     // "not", "no", "without" … just before it
}

// evidence is the words the hit matched, as written.
func (d *pdoc) evidence(h cueHit) string { return d.span(h.start, h.end) }

// value is the words a text term takes from the hit, without a leading
// article ("the Zaporizhzhia nuclear power plant").
func (d *pdoc) value(h cueHit) string {
	from := h.valStart
	for from < h.valEnd-1 && d.toks[from].kind == ptWord && determiners[d.toks[from].norm] {
		from++
	}
	return strings.Trim(d.span(from, h.valEnd), " ,;:.—–-\"“”'")
}

// find returns every place the cue matches, leftmost first; at each start
// only the first way it matches counts.
func (d *pdoc) find(c *cue) []cueHit {
	if hits, ok := d.hits[c.id]; ok {
		return hits
	}
	hits, keep := d.findUncached(c)
	if keep {
		d.hits[c.id] = hits
	}
	return hits
}

// findUncached finds the cue's hits; keep is false where a word of the
// cue is not in the piece, which the next ask finds as fast.
func (d *pdoc) findUncached(c *cue) (hits []cueHit, keep bool) {
	var starts []int
	for i, e := range c.elems {
		if e.kind != ceWord && e.kind != ceExact {
			continue
		}
		ps := d.at[e.id]
		if len(ps) == 0 {
			return nil, false // a word of the cue is not in the piece
		}
		if i == 0 {
			starts = ps
		}
	}
	if starts == nil {
		starts = make([]int, len(d.toks))
		for i := range starts {
			starts[i] = i
		}
	}
	var out []cueHit
	for _, ti := range starts {
		st := cueState{valStart: -1, open: -1, close: -1}
		end, st, ok := d.matchElems(c.elems, ti, st)
		if !ok || end == ti {
			continue
		}
		h := cueHit{cue: c, start: ti, end: end, parties: st.parties}
		switch {
		case st.open >= 0 && st.close > st.open:
			h.valStart, h.valEnd = st.open, st.close
		case st.valStart >= 0:
			h.valStart, h.valEnd = st.valStart, st.valEnd
		default:
			h.valStart, h.valEnd = ti, end
		}
		h.negated = d.negated(ti)
		out = append(out, h)
	}
	return out, true
}

// findAny returns the hits of every cue, in the order of the cues.
func (d *pdoc) findAny(cues []cue) []cueHit {
	var out []cueHit
	for i := range cues {
		out = append(out, d.find(&cues[i])...)
	}
	return out
}

type cueState struct {
	parties          []string
	valStart, valEnd int
	open, close      int
}

func (d *pdoc) wordIs(ti int, e cueElem) bool {
	if ti >= len(d.toks) {
		return false
	}
	t := d.toks[ti]
	if t.kind != ptWord && t.kind != ptNumber {
		return false
	}
	if e.kind == ceExact {
		return t.exactID == e.id
	}
	return t.stemID == e.id
}

// matchElems matches elems from token ti on and returns where the match
// ends. Gaps and {text} before further words try the shortest first;
// names try the longest first.
func (d *pdoc) matchElems(elems []cueElem, ti int, st cueState) (int, cueState, bool) {
	if len(elems) == 0 {
		return ti, st, true
	}
	e, rest := elems[0], elems[1:]
	switch e.kind {
	case ceWord, ceExact:
		if d.wordIs(ti, e) {
			return d.matchElems(rest, ti+1, st)
		}
	case ceGap:
		for k := 0; k <= e.max && ti+k <= len(d.toks); k++ {
			if k > 0 && (d.toks[ti+k-1].isClauseEnd() || d.toks[ti+k-1].kind == ptPunct && d.toks[ti+k-1].text == "(") {
				break
			}
			if end, st2, ok := d.matchElems(rest, ti+k, st); ok {
				return end, st2, true
			}
		}
	case ceParty:
		j := d.skipDeterminers(ti)
		end, parties := d.partyGroup(j)
		if end > j {
			st.parties = append(append([]string(nil), st.parties...), parties...)
			return d.matchElems(rest, end, st)
		}
	case ceName, cePlace:
		j := d.skipDeterminers(ti)
		ends := d.nameEnds(j, e.kind == cePlace)
		for i := len(ends) - 1; i >= 0; i-- {
			st2 := st
			if st2.valStart < 0 {
				st2.valStart, st2.valEnd = j, ends[i]
			}
			if end, st3, ok := d.matchElems(rest, ends[i], st2); ok {
				return end, st3, true
			}
		}
	case ceText:
		stop := d.clauseStop(ti, 25)
		try := func(end int) (int, cueState, bool) {
			st2 := st
			if st2.valStart < 0 {
				st2.valStart, st2.valEnd = ti, end
			}
			return d.matchElems(rest, end, st2)
		}
		if len(rest) == 0 || rest[0].kind == ceClose && len(rest) == 1 {
			if stop > ti {
				return try(stop)
			}
			break
		}
		for end := ti + 1; end <= stop; end++ {
			if r, st2, ok := try(end); ok {
				return r, st2, true
			}
		}
	case ceRatio:
		if ti < len(d.toks) && d.toks[ti].kind == ptRatio {
			if st.valStart < 0 {
				st.valStart, st.valEnd = ti, ti+1
			}
			return d.matchElems(rest, ti+1, st)
		}
	case ceOpen:
		st.open = ti
		return d.matchElems(rest, ti, st)
	case ceClose:
		st.close = ti
		return d.matchElems(rest, ti, st)
	}
	return 0, st, false
}

// determiners may stand before a party or a name without being part of it.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true}

func (d *pdoc) skipDeterminers(ti int) int {
	for ti < len(d.toks) && d.toks[ti].kind == ptWord && determiners[d.toks[ti].norm] {
		ti++
	}
	return ti
}

// partyConnectors join parties into one group: "France, the UK and
// Germany", "US–Ukraine", "Russia and Ukraine".
var partyConnectors = map[string]bool{",": true, "and": true, "or": true, "the": true, "–": true, "—": true,
	"/": true, "&": true, "і": true, "та": true, "и": true, "й": true}

// partyGroup reads the parties named from token j on, joined by
// connectors; it returns where the group ends.
func (d *pdoc) partyGroup(j int) (int, []string) {
	mi, ok := d.mentionAt[j]
	if !ok {
		return j, nil
	}
	var parties []string
	end := j
	for {
		m := d.mentions[mi]
		parties = appendUnique(parties, m.party)
		end = m.end
		k := end
		for k < len(d.toks) && k-end < 3 && partyConnectors[d.toks[k].norm] {
			k++
		}
		next, ok := d.mentionAt[k]
		if k == end || !ok {
			return end, parties
		}
		mi = next
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// nameConnectors may stand inside a name: "Republic of Crimea",
// "Luhansk and Donetsk", "Kherson, Zaporizhzhia".
var nameConnectors = map[string]bool{"and": true, ",": true, "of": true, "the": true, "–": true, "і": true, "та": true, "и": true}

// nameEnds lists where a name starting at token j may end (each an
// exclusive end), shortest first. A name is words written with capitals
// (or parties, unless noParties), joined by connectors; it ends on a word.
func (d *pdoc) nameEnds(j int, noParties bool) []int {
	var ends []int
	k := j
	for k < len(d.toks) {
		if mi, ok := d.mentionAt[k]; ok {
			if noParties {
				break
			}
			k = d.mentions[mi].end
			ends = append(ends, k)
		} else if d.isNameWord(k) {
			k++
			ends = append(ends, k)
		} else {
			break
		}
		c := k
		for c < len(d.toks) && c-k < 2 && nameConnectors[d.toks[c].norm] {
			c++
		}
		if c == k {
			continue
		}
		k = c
	}
	return ends
}

// isNameWord: a word written with a capital that is not just the first
// word of a sentence (a common word there is capitalised too), nor a month.
func (d *pdoc) isNameWord(k int) bool {
	t := d.toks[k]
	if t.kind != ptWord || !t.caps || parseMonths[t.norm] {
		return false
	}
	if t.sentence || k > 0 && d.toks[k-1].kind == ptPunct && strings.ContainsAny(d.toks[k-1].text, "(\"“") {
		return !parseCommonWords()[t.stem] && !parseStopwords[t.norm]
	}
	return !parseStopwords[t.norm]
}

// clauseStop is where a {text} slot starting at ti must stop: the end of
// the clause, a comma, a bracket, or n words on.
func (d *pdoc) clauseStop(ti, n int) int {
	k := ti
	for k < len(d.toks) && k-ti < n {
		t := d.toks[k]
		if t.isClauseEnd() || t.kind == ptPunct && strings.ContainsAny(t.text, ",()—") {
			break
		}
		k++
	}
	return k
}

// negators before a cue turn what it says around: "not renewable", "no
// NATO troops", "without compensation".
var negators = map[string]bool{"no": true, "not": true, "never": true, "without": true, "non": true, "neither": true,
	"nor": true, "don't": true, "doesn't": true, "won't": true, "cannot": true, "isn't": true, "aren't": true,
	"не": true, "ні": true, "без": true, "нет": true}

// negated reports whether a negator stands in the four words before token
// ti, within its clause.
func (d *pdoc) negated(ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		t := d.toks[k]
		if t.isClauseEnd() || t.kind == ptPunct && t.text == "," {
			return false
		}
		if negators[t.norm] {
			return true
		}
	}
	return false
}

// parseMonths are not names, though written with a capital.
var parseMonths = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true}

// parseStopwords are words that carry no subject: left out of wording
// similarity, never names.
var parseStopwords = toSet(`a an the and or of in on at to for by with from as is are be been will would shall
should may might must can could it its this that these those there their they them which who whom whose
what when where how all any both each either every no not nor only other such than too very also under
into onto upon about after before between during through while if then so but point points item article
paragraph draft text plan shall including include includes one two three four five six seven eight nine ten`)

func toSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}
