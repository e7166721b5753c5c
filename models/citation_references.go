package models

// A citation's Reference is its source's, filled in on reading and never
// stored. A provision's citations stand in three places: its own, each
// party's stance and each translation. Whoever reads provisions back fills
// in the references (the store, and the bench floor that must answer the
// store's bytes), and whoever writes citations leaves them out (the store,
// and the forms that show citations as the store keeps them); both are
// said once, here.

// CitationLists are the provisions' lists of citations: each provision's
// own, its stances' and its translations'. The lists share the provisions'
// arrays, so SetReferences on them fills the provisions in.
func CitationLists(ps ...Provision) [][]Citation {
	lists := make([][]Citation, 0, len(ps))
	for _, p := range ps {
		lists = append(lists, p.Sources)
		for _, pp := range p.Parties {
			lists = append(lists, pp.StanceSources)
		}
		for _, t := range p.Translations {
			lists = append(lists, t.Sources)
		}
	}
	return lists
}

// SetReferences gives each citation the reference of its source, from
// refs (by source key); a source refs lacks leaves it empty.
func SetReferences(refs map[string]string, lists ...[]Citation) {
	for _, l := range lists {
		for i := range l {
			l[i].Reference = refs[l[i].Source]
		}
	}
}

// WithoutReferences is a copy of cs as it is stored: without the
// references, which are their sources' and read from them.
func WithoutReferences(cs []Citation) []Citation {
	stored := make([]Citation, len(cs))
	for i, c := range cs {
		c.Reference = ""
		stored[i] = c
	}
	return stored
}
