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
	delta := n - m
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for dd := 0; dd < maxD; dd++ {
		for k1 := -dd + k1start; k1 <= dd-k1end; k1 += 2 {
			i := off + k1
			var x1 int
			if k1 == -dd || (k1 != dd && v1[i-1] < v1[i+1]) {
				x1 = v1[i+1]
			} else {
				x1 = v1[i-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[i] = x1
			switch {
			case x1 > n:
				k1end += 2
			case y1 > m:
				k1start += 2
			case front:
				if j := off + delta - k1; j >= 0 && j < size && v2[j] != -1 && x1 >= n-v2[j] {
					return x1, y1, true
				}
			}
		}
		for k2 := -dd + k2start; k2 <= dd-k2end; k2 += 2 {
			i := off + k2
			var x2 int
			if k2 == -dd || (k2 != dd && v2[i-1] < v2[i+1]) {
				x2 = v2[i+1]
			} else {
				x2 = v2[i-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[i] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if j := off + delta - k2; j >= 0 && j < size && v1[j] != -1 {
					x1 := v1[j]
					y1 := off + x1 - j
					if x1 >= n-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
