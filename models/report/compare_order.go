package report

import (
	"cmp"
	"strings"

	"plantracker/models"
)

// The direction of a comparison. A comparison reads earlier → later, so
// that "added" means the later draft brought it and "600,000 → 800,000"
// reads as what happened. Which of two drafts is the earlier is decided, in
// this order, by:
//
//  1. their dates, where both have one and they differ;
//  2. their lineage: a draft forked (directly or through other forks) from
//     another reads after it, across plans too;
//  3. within one plan, their numbers (v1 before v2).
//
// Where none of these decides (two undated drafts of two unrelated plans),
// the order asked for stands.

// Lineage maps a draft's id to the id of the draft it was forked from. It
// holds only the drafts that were forked.
type Lineage map[int64]int64

// NewLineage is the lineage of drafts, from their forked_from.
func NewLineage(drafts []models.Draft) Lineage {
	l := Lineage{}
	for _, d := range drafts {
		if d.ForkedFromID != nil {
			l[d.ID] = *d.ForkedFromID
		}
	}
	return l
}

// Descends reports whether the draft id was forked from ancestor, directly
// or through forks of forks. A loop in the lineage (which the store never
// writes) ends the walk rather than the program.
func (l Lineage) Descends(id, ancestor int64) bool {
	for range len(l) {
		parent, ok := l[id]
		if !ok {
			return false
		}
		if parent == ancestor {
			return true
		}
		id = parent
	}
	return false
}

// ReadingOrder says which of two drafts a comparison reads first: negative
// when a is the earlier, positive when b is, zero when nothing decides.
func ReadingOrder(a, b models.Draft, l Lineage) int {
	if a.Date != "" && b.Date != "" && a.Date != b.Date {
		return strings.Compare(a.Date, b.Date) // YYYY-MM-DD sorts as text
	}
	switch {
	case l.Descends(b.ID, a.ID):
		return -1
	case l.Descends(a.ID, b.ID):
		return 1
	case a.PlanID == b.PlanID:
		return cmp.Compare(a.Number, b.Number)
	}
	return 0
}

// CompareInOrder compares two drafts earlier → later, whichever order they
// come in: asked later → earlier, it compares them the other way round and
// says so in Swapped.
func CompareInOrder(a, b DraftProvisions, l Lineage) Comparison {
	swapped := ReadingOrder(a.Draft, b.Draft, l) > 0
	if swapped {
		a, b = b, a
	}
	c := Compare(a, b)
	c.Swapped = swapped
	return c
}

// InReadingOrder returns the positions of drafts in reading order, earlier
// → later. Where the order does not decide between two drafts they keep
// the order given. Dates and lineage can disagree (a fork dated before its
// original); should that make a loop, the draft given first among those
// left goes next.
func InReadingOrder(drafts []models.Draft, l Lineage) []int {
	n := len(drafts)
	// before[i][j]: draft i must come before draft j.
	before := make([][]bool, n)
	waits := make([]int, n) // how many drafts must come before each
	for i := range n {
		before[i] = make([]bool, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			switch o := ReadingOrder(drafts[i], drafts[j], l); {
			case o < 0:
				before[i][j] = true
				waits[j]++
			case o > 0:
				before[j][i] = true
				waits[i]++
			}
		}
	}
	order := make([]int, 0, n)
	done := make([]bool, n)
	for len(order) < n {
		next := -1
		for i := range n {
			if !done[i] && waits[i] == 0 {
				next = i
				break
			}
		}
		if next < 0 { // a loop: take the first left
			for i := range n {
				if !done[i] {
					next = i
					break
				}
			}
		}
		done[next] = true
		order = append(order, next)
		for j := range n {
			if before[next][j] && !done[j] {
				waits[j]--
			}
		}
	}
	return order
}
