package report

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"plantracker/models"
)

// Building the rows of a comparison, and what matrices and summaries share
// with it: the order of rows and the list of sources.

var (
	noChanges = []FieldChange{}
	noTerms   = []FormattedTerm{}
	noParties = []models.ProvisionParty{}
)

// fillBrief fills a zero brief in place (briefs are many; a copy costs).
func fillBrief(b *ProvisionBrief, pi *provInfo) {
	p := pi.p
	b.ID, b.Point, b.Title, b.Kind = p.ID, p.Point, p.Title, p.Kind
	b.Category, b.CategoryLabel = p.Category, models.Categories.Label(p.Category)
	b.KindLabel, b.Headline, b.Terms = pi.kindLabel(), pi.headline(), pi.termLines()
	if b.Terms == nil {
		b.Terms = noTerms
	}
	b.Text, b.Parties = p.Text, p.Parties
	if b.Parties == nil {
		b.Parties = noParties
	}
	b.ProvisionStatus = provisionStatusOf(p)
	b.Citation = p.CitationText()
	b.Citations = models.CitationsOf(p.Sources)
	b.Values = p.Terms
}

func (pi *provInfo) kindLabel() string {
	if pi.kind != nil {
		return pi.kind.Label
	}
	return pi.p.Kind
}

func kindLabel(name string) string {
	if k, ok := models.KindByName(name); ok {
		return k.Label
	}
	return name
}

// provPair is a key's provision in the earlier draft (a) and the later (b);
// nil where a draft does not have the key.
type provPair struct{ a, b *provInfo }

// position is the provision that places the pair among the rows: the
// later draft's, with the earlier draft's point where the later gives none.
func (pp provPair) position() *models.Provision {
	switch {
	case pp.b == nil:
		return pp.a.p
	case pp.a == nil || pp.b.p.Point != "" || pp.a.p.Point == "":
		return pp.b.p
	}
	p := *pp.b.p // a copy: only its point and category place the row
	p.Point = pp.a.p.Point
	return &p
}

// parallelRows is the number of rows from which buildRows shares the work
// among the processors. Rows are independent and each lands in its own
// slot, so the result is the same however the work is split.
const parallelRows = 512

// rowContext is what rows need to know of the two drafts: their names,
// for the notes, and whether each is partial.
type rowContext struct {
	from, to                     string
	earlierPartial, laterPartial bool
	// alike: keys read without their substance (BriefInOrder), whose
	// sides are left unfilled but for their ids.
	alike Alike
}

// buildRows builds the comparison row of each pair.
func buildRows(pairs []provPair, rc rowContext) []ComparisonRow {
	rows := make([]ComparisonRow, len(pairs))
	// Row n's sides are briefs 2·slot[n] and 2·slot[n]+1; an alike key's
	// row has none (slot -1).
	slot := make([]int, len(pairs))
	sides := 0
	for n, p := range pairs {
		slot[n] = -1
		if !rc.alike.pair(p.a, p.b) {
			slot[n] = sides
			sides++
		}
	}
	briefs := make([]ProvisionBrief, 2*sides)
	build := func(lo, hi int) {
		c := comparer{rec: recording{drafts: true, laterPartial: rc.laterPartial}}
		for n := lo; n < hi; n++ {
			a, b := pairs[n].a, pairs[n].b
			row := &rows[n]
			var pa, pb *models.Provision
			if a != nil {
				a.ar = &c.ar
				pa = a.p
			}
			if b != nil {
				b.ar = &c.ar
				pb = b.p
			}
			status, withdrawnNow := presenceStatus(pa, pb, rc.laterPartial)
			// The row is placed and titled by the later draft where it has the key.
			if pb != nil {
				*row = newRow(pb, status)
			} else {
				*row = newRow(pa, status)
			}
			switch {
			case withdrawnNow:
				row.Withdrawn, row.Note = true, withdrawnNote(rc.to)
			case status == StatusAdded && rc.earlierPartial:
				row.Note = perhapsNotNewNote(rc.from)
			case status == StatusNotReported:
				row.Note = carriedNote(rc.from, rc.to)
			case status == "":
				if sameTerms(pa, pb) {
					a.shareTerms(b) // format the terms once
				}
				row.Changes, row.SourcingChanges = splitSourcing(c.changes(a, b, true))
				row.Status = StatusUnchanged
				if anyCounted(row.Changes) {
					row.Status = StatusChanged
				}
			}
			if pa != nil {
				row.ids[0] = pa.ID
			}
			if pb != nil {
				row.ids[1] = pb.ID
			}
			if slot[n] >= 0 { // a brief leaves an alike key's sides out
				if a != nil {
					row.From = &briefs[2*slot[n]]
					fillBrief(row.From, a)
				}
				if b != nil {
					row.To = &briefs[2*slot[n]+1]
					fillBrief(row.To, b)
				}
			}
			if row.Changes == nil {
				row.Changes = noChanges
			}
			if row.SourcingChanges == nil {
				row.SourcingChanges = noChanges
			}
		}
	}
	workers := 1
	if len(pairs) >= parallelRows {
		workers = min(runtime.GOMAXPROCS(0), 4)
	}
	if workers == 1 {
		build(0, len(pairs))
		return rows
	}
	var wg sync.WaitGroup
	chunk := (len(pairs) + workers - 1) / workers
	for lo := 0; lo < len(pairs); lo += chunk {
		wg.Go(func() { build(lo, min(lo+chunk, len(pairs))) })
	}
	wg.Wait()
	return rows
}

func newRow(p *models.Provision, status DiffStatus) ComparisonRow {
	return ComparisonRow{Key: p.Key, Status: status, KeyLabels: keyLabelsOf(p)}
}

// sameTerms reports whether a and b have the same terms and headline.
func sameTerms(a, b *models.Provision) bool {
	return a.Kind == b.Kind && a.Title == b.Title && bytes.Equal(a.Terms, b.Terms)
}

// positionOrder returns the indexes 0…n-1 in the order of comparisons,
// matrices and summaries, at(i) being the provision that places row i:
// category (in Categories order, unknown ones last), point number
// (unnumbered last), key.
func positionOrder(n int, at func(i int) *models.Provision) []int {
	// rank packs the category's place and the point number into one
	// integer; unknown categories rank after the known ones, by name.
	type sortKey struct {
		rank uint64
		key  string
		at   int
	}
	keys := make([]sortKey, n)
	var unknown []string
	for i := range keys {
		p := at(i)
		cat := models.Categories.Index(p.Category)
		if cat == len(models.Categories) && !slices.Contains(unknown, p.Category) {
			unknown = append(unknown, p.Category)
		}
		keys[i] = sortKey{uint64(cat)<<32 | uint64(p.SortKey()), p.Key, i}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		for i := range keys {
			if keys[i].rank>>32 == uint64(len(models.Categories)) {
				cat := len(models.Categories) + slices.Index(unknown, at(keys[i].at).Category)
				keys[i].rank = uint64(cat)<<32 | keys[i].rank&(1<<32-1)
			}
		}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if a.rank != b.rank {
			return cmp.Compare(a.rank, b.rank)
		}
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	order := make([]int, n)
	for i, k := range keys {
		order[i] = k.at
	}
	return order
}

// sourceList collects citations once each, in the order first seen.
type sourceList struct {
	seen map[string]bool
	out  []string
	last string
}

func (s *sourceList) add(citations ...string) {
	for _, c := range citations {
		if c == s.last { // neighbouring provisions mostly cite alike
			continue
		}
		s.last = c
		c = strings.TrimSpace(c)
		if c == "" || s.seen[c] {
			continue
		}
		if s.seen == nil {
			s.seen = map[string]bool{}
		}
		s.seen[c] = true
		s.out = append(s.out, c)
	}
}

func (s *sourceList) list() []string {
	if s.out == nil {
		return []string{}
	}
	return s.out
}
