package report

// A comparison's brief without loading what it leaves out. Between two
// long drafts most keys are unchanged (three in four between the bench's
// two 1,000-provision drafts), and the brief lists them by key and labels
// alone (Brief); yet reading their rows in full, and comparing them field
// by field, was most of a comparison's time. The store finds, in SQL, the
// keys whose two rows are alike in every column the comparison reads,
// their party links included (store/compare_alike.go), and loads only
// what places and labels such a row: its key, point, category, kind and
// title (and its translations, for a comparison in another language).

// Alike holds the ids of the provisions that are alike between the two
// drafts of one comparison: for each such key, its provision in either
// draft. A key is taken as alike only where both of its provisions are in
// the set (ids are unique across drafts, and a draft holds a key once).
type Alike map[int64]bool

// pair reports whether a and b, one key's provisions in the two drafts,
// are alike.
func (a Alike) pair(from, to int64) bool { return a[from] && a[to] }

// BriefInOrder is CompareInOrder(a, b, l).Brief() for drafts whose alike
// provisions (alike) carry only what places and labels a row: they are
// listed as unchanged, with no changes, without being compared. The rows of
// the other keys are compared and given in full as Brief gives them.
func BriefInOrder(a, b DraftProvisions, l Lineage, alike Alike) Comparison {
	return compareInOrder(a, b, l, alike).Brief()
}
