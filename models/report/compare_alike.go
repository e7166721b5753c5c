package report

// A comparison's brief without loading what it leaves out. Between two
// long drafts most keys are unchanged in substance (three in four between
// the bench's two 1,000-provision drafts), and the brief lists them by key
// and labels alone, with what changed in their sourcing and labels
// (Brief); yet reading their rows in full, and comparing their wording,
// terms and parties, was most of a comparison's time. The store finds, in
// SQL, the keys whose two provisions are the same in every field of
// substance (kind, wording in every language, terms, status, party links
// and stances), and reads them without those fields: as provisions with
// their labels and sourcing only (key, point, category, title, sourcing,
// citations, status, kind, and their translations for a comparison in
// another language). Compared like any other, such a pair differs in
// nothing but its sourcing and labels, which the comparison lists as it
// always does; only its two sides, which the brief does not show, are
// left unfilled.

// Alike holds the ids of the provisions read without their substance,
// alike between the two drafts of one comparison: for each such key, its
// provision in either draft. A key is alike only where both of its
// provisions are in the set (ids are unique across drafts, and a draft
// holds a key once).
type Alike map[int64]bool

// pair reports whether a and b, one key's provisions in the two drafts,
// were read as alike.
func (a Alike) pair(from, to *provInfo) bool {
	return from != nil && to != nil && a[from.p.ID] && a[to.p.ID]
}

// BriefInOrder is CompareInOrder(a, b, l).Brief() read in language
// (InLanguage), for drafts whose provisions in alike were read without
// their substance (it is the same on both sides).
func BriefInOrder(a, b DraftProvisions, l Lineage, alike Alike, language string) Comparison {
	swapped := ReadingOrder(a.Draft, b.Draft, l) > 0
	if swapped {
		a, b = b, a
	}
	a, b = InLanguage(a, b, language)
	c := compare(a, b, alike)
	c.Swapped = swapped
	return c.Brief()
}
