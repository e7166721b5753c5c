package worddiff

// Myers' diff over tokens, in its linear-space form: find the middle snake
// of an optimal edit path from both ends at once, split there, recurse.

func (d *Differ) emit(op byte, n int) {
	if n == 0 {
		return
	}
	if k := len(d.ops); k > 0 && d.ops[k-1].op == op {
		d.ops[k-1].n += n
		return
	}
	d.ops = append(d.ops, tokenOp{op, n})
}

// tokens appends the edit script that turns a into b.
func (d *Differ) tokens(a, b []string) {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	d.emit(opEqual, n)
	a, b = a[n:], b[n:]
	m := 0
	for m < len(a) && m < len(b) && a[len(a)-1-m] == b[len(b)-1-m] {
		m++
	}
	a, b = a[:len(a)-m], b[:len(b)-m]
	switch {
	case len(a) == 0:
		d.emit(opInsert, len(b))
	case len(b) == 0:
		d.emit(opDelete, len(a))
	default:
		if x, y, ok := d.bisect(a, b); ok && x+y > 0 && x+y < len(a)+len(b) {
			d.tokens(a[:x], b[:y])
			d.tokens(a[x:], b[y:])
		} else {
			d.emit(opDelete, len(a))
			d.emit(opInsert, len(b))
		}
	}
	d.emit(opEqual, m)
}

// maxBisectD bounds the work of one bisection, which is O((n+m)·D): two
// texts that differ in more than this many tokens from either end are too
// unlike for a word diff to help, and their differing middle is shown as one
// deletion and one insertion. It keeps the worst case (two unrelated texts
// of 20,000 characters) to some tens of milliseconds.
const maxBisectD = 500

// bisect finds the middle snake of an optimal edit path between a and b
// (Myers 1986, section 4b), walking from both ends at once, and returns the
// point at which to split the problem. Both a and b are non-empty and share
// no first or last token. ok is false when they share nothing at all, or
// nothing within maxBisectD edits.
func (d *Differ) bisect(a, b []string) (x, y int, ok bool) {
	n, m := len(a), len(b)
	maxD := min((n+m+1)/2, maxBisectD)
	off, size := maxD+1, 2*maxD+3 // room for the diagonals either side
	if cap(d.v) < 2*size {
		d.v = make([]int, 2*size)
	}
	v1, v2 := d.v[:size], d.v[size:2*size]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	// The backward walk counts from the ends of a and b; its diagonal k
	// faces the forward walk's delta-k. The two can first overlap after a
	// forward round when delta is odd, after a backward one when it is even.
	delta := n - m
	front := delta%2 != 0
	reached := func(v []int, k int) (int, bool) {
		j := off + delta - k
		if j < 0 || j >= size || v[j] == -1 {
			return 0, false
		}
		return v[j], true
	}
	forward := walk{v: v1, off: off, a: a, b: b,
		meet: func(k, x, y int) (int, int, bool) {
			x2, ok := reached(v2, k)
			return x, y, front && ok && x >= n-x2
		}}
	backward := walk{v: v2, off: off, a: a, b: b, fromEnd: true,
		meet: func(k, x2, _ int) (int, int, bool) {
			x1, ok := reached(v1, k)
			return x1, x1 - (delta - k), !front && ok && x1 >= n-x2
		}}
	for dd := 0; dd < maxD; dd++ {
		if x, y, ok := forward.round(dd); ok {
			return x, y, true
		}
		if x, y, ok := backward.round(dd); ok {
			return x, y, true
		}
	}
	return 0, 0, false
}

// walk is bisect's search from one end of the edit grid (the start, or
// the end when fromEnd): v[off+k] is how far along a the furthest-reaching
// path on diagonal k has come, counted from that end; meet says whether a
// path reaching (x, y) on diagonal k overlaps the other walk, and where to
// split if so.
type walk struct {
	v            []int
	off          int
	a, b         []string
	fromEnd      bool
	kstart, kend int // the diagonals trimmed from either side: they ran off the grid
	meet         func(k, x, y int) (int, int, bool)
}

// round extends every diagonal's path by one edit and as far along equal
// tokens as it goes: the d-th round of Myers' search.
func (w *walk) round(d int) (x, y int, ok bool) {
	for k := -d + w.kstart; k <= d-w.kend; k += 2 {
		i := w.off + k
		if k == -d || (k != d && w.v[i-1] < w.v[i+1]) {
			x = w.v[i+1]
		} else {
			x = w.v[i-1] + 1
		}
		x, y = w.slide(x, x-k)
		w.v[i] = x
		switch {
		case x > len(w.a):
			w.kend += 2
		case y > len(w.b):
			w.kstart += 2
		default:
			if sx, sy, ok := w.meet(k, x, y); ok {
				return sx, sy, true
			}
		}
	}
	return 0, 0, false
}

// slide follows the path from (x, y) along equal tokens (a snake), as far
// as it goes. The two loops differ only in which end they count from; they
// are apart because a comparison through a function value would double the
// cost of the diff.
func (w *walk) slide(x, y int) (int, int) {
	a, b := w.a, w.b
	n, m := len(a), len(b)
	if w.fromEnd {
		for x < n && y < m && a[n-x-1] == b[m-y-1] {
			x, y = x+1, y+1
		}
		return x, y
	}
	for x < n && y < m && a[x] == b[y] {
		x, y = x+1, y+1
	}
	return x, y
}
