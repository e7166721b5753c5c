package worddiff

// Op says what a run of a word diff does.
type Op string

// The operations of a word diff.
const (
	Equal  Op = "equal"
	Insert Op = "insert"
	Delete Op = "delete"
)

// Run is one run of a word diff: text both sides share (equal), text
// only the later side has (insert) or text only the earlier side has
// (delete). Runs keep every character, whitespace included: the equal and
// delete runs joined are the earlier text, the equal and insert runs joined
// the later one.
type Run struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Diff compares two texts word by word. Words are runs of Unicode
// letters, digits and marks (an apostrophe or hyphen between two letters
// stays inside the word: "п'ять", "de-facto"); whitespace runs and single
// punctuation marks are tokens of their own. Within a changed stretch the
// deleted text comes first, then the inserted text, and whitespace or
// punctuation left equal between two changes is folded into them, so that
// "under Russian control" → "under IAEA supervision" reads as one change,
// not two. Equal texts give one equal run; two empty texts give none.
func Diff(before, after string) []Run {
	var d Differ
	return d.Diff(before, after)
}

// Differ holds the buffers of a word diff so that a comparison of many
// provisions reuses them. Its zero value is ready; it is not safe for
// concurrent use.
type Differ struct {
	ta, tb []string  // tokens of the two middles
	ops    []tokenOp // the edit script over tokens
	v      []int     // the bisection's diagonals
	segs   []segment
}

const (
	opEqual byte = iota
	opDelete
	opInsert
)

// tokenOp is n tokens kept, deleted or inserted.
type tokenOp struct {
	op byte
	n  int
}

// segment is one run before cleanup, as byte ranges of the two texts.
type segment struct {
	op       byte
	aLo, aHi int
	bLo, bHi int
}

// Diff is the package's Diff, reusing d's buffers.
func (d *Differ) Diff(a, b string) []Run {
	if a == b {
		if a == "" {
			return nil
		}
		return []Run{{Equal, a}}
	}
	// Trim what both texts share at either end before tokenizing: an edit
	// usually touches a few words of a long paragraph. The cut is made at the
	// start of a whitespace run so that the tokens on either side of it are
	// the tokens of the whole text.
	p := commonPrefix(a, b)
	s := commonSuffix(a[p:], b[p:])
	lo := prefixCut(a, p)
	hiA := suffixCut(a, len(a)-s)
	hiB := hiA - len(a) + len(b)

	d.ta = tokenize(a[lo:hiA], d.ta[:0])
	d.tb = tokenize(b[lo:hiB], d.tb[:0])
	d.ops = d.ops[:0]
	d.tokens(d.ta, d.tb)

	d.segs = d.segs[:0]
	if lo > 0 {
		d.segs = append(d.segs, segment{op: opEqual, aHi: lo, bHi: lo})
	}
	pa, pb, ia, ib := lo, lo, 0, 0
	for _, o := range d.ops {
		sg := segment{op: o.op, aLo: pa, bLo: pb}
		switch o.op {
		case opEqual:
			n := tokensLen(d.ta[ia : ia+o.n])
			pa, pb, ia, ib = pa+n, pb+n, ia+o.n, ib+o.n
		case opDelete:
			pa += tokensLen(d.ta[ia : ia+o.n])
			ia += o.n
		case opInsert:
			pb += tokensLen(d.tb[ib : ib+o.n])
			ib += o.n
		}
		sg.aHi, sg.bHi = pa, pb
		d.segs = appendSegment(d.segs, sg)
	}
	if hiA < len(a) {
		d.segs = appendSegment(d.segs, segment{op: opEqual, aLo: hiA, aHi: len(a), bLo: hiB, bHi: len(b)})
	}
	d.slide(a, b)
	return d.runs(a, b)
}

// slide moves an insertion or deletion that starts with whitespace, between
// two equal runs, past that whitespace when the next equal run starts with
// the same: "under" [+" IAEA"] " supervision" reads better as
// "under " [+"IAEA "] "supervision", a change that starts with its word.
func (d *Differ) slide(a, b string) {
	segs := d.segs
	for i := 1; i+1 < len(segs); i++ {
		prev, cur, next := &segs[i-1], &segs[i], &segs[i+1]
		if prev.op != opEqual || next.op != opEqual || cur.op == opEqual {
			continue
		}
		text := a[cur.aLo:cur.aHi]
		if cur.op == opInsert {
			text = b[cur.bLo:cur.bHi]
		}
		w := leadingSpace(text)
		if after := a[next.aLo:next.aHi]; w == 0 || w == len(text) || leadingSpace(after) != w || after[:w] != text[:w] {
			continue
		}
		prev.aHi, prev.bHi = prev.aHi+w, prev.bHi+w
		if cur.op == opInsert {
			cur.bLo, cur.bHi = cur.bLo+w, cur.bHi+w
		} else {
			cur.aLo, cur.aHi = cur.aLo+w, cur.aHi+w
		}
		cur.aLo, cur.bLo = max(cur.aLo, prev.aHi), max(cur.bLo, prev.bHi)
		cur.aHi, cur.bHi = max(cur.aHi, cur.aLo), max(cur.bHi, cur.bLo)
		next.aLo, next.bLo = next.aLo+w, next.bLo+w
		if next.aLo == next.aHi { // the next equal run was only that whitespace
			d.segs = append(segs[:i+1], segs[i+2:]...)
			segs = d.segs
		}
	}
}

// leadingSpace is the length of the whitespace s starts with.
func leadingSpace(s string) int {
	for i := 0; i < len(s); {
		c, size := classAt(s, i)
		if c != classSpace {
			return i
		}
		i += size
	}
	return len(s)
}

// appendSegment adds sg, merging it into the last segment when both are
// equal runs (the trimmed prefix and the first equal tokens, for instance).
func appendSegment(segs []segment, sg segment) []segment {
	if n := len(segs); n > 0 && segs[n-1].op == opEqual && sg.op == opEqual {
		segs[n-1].aHi, segs[n-1].bHi = sg.aHi, sg.bHi
		return segs
	}
	return append(segs, sg)
}

// runs turns the segments into word runs. An equal segment between two
// changes that holds no word (a space, a comma) is folded into the change
// around it; each maximal changed stretch becomes one delete run and one
// insert run, which are contiguous in their texts.
func (d *Differ) runs(a, b string) []Run {
	segs := d.segs
	out := make([]Run, 0, len(segs))
	for i := 0; i < len(segs); {
		sg := segs[i]
		if sg.op == opEqual && !foldable(segs, i, a) {
			out = append(out, Run{Equal, a[sg.aLo:sg.aHi]})
			i++
			continue
		}
		aLo, bLo := sg.aLo, sg.bLo
		j := i
		for j < len(segs) && (segs[j].op != opEqual || foldable(segs, j, a)) {
			j++
		}
		aHi, bHi := segs[j-1].aHi, segs[j-1].bHi
		if aHi > aLo {
			out = append(out, Run{Delete, a[aLo:aHi]})
		}
		if bHi > bLo {
			out = append(out, Run{Insert, b[bLo:bHi]})
		}
		i = j
	}
	return out
}

// foldable reports whether equal segment i sits between two changes and
// holds no word.
func foldable(segs []segment, i int, a string) bool {
	if i == 0 || i == len(segs)-1 || segs[i].op != opEqual {
		return false
	}
	for _, r := range a[segs[i].aLo:segs[i].aHi] {
		if tokenClass(r) == classWord {
			return false
		}
	}
	return true
}

func tokensLen(toks []string) int {
	n := 0
	for _, t := range toks {
		n += len(t)
	}
	return n
}
