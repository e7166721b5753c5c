package report

import (
	"cmp"
	"slices"

	"plantracker/models"
)

// OrderDrafts sorts drafts as a history reads: by date, undated last; on
// the same date an ancestor (by forked_from, within the drafts given)
// before its forks; then by plan title, number and id, so that the order
// is the same on every run. planTitles names the plans by id.
//
// The 28-point draft (20 Nov) comes first; the E3 counter-proposal and the
// Geneva revision, both forked from it on 23 Nov, follow in the order of
// their plans' titles; the 20-point framework (23 Dec) last.
func OrderDrafts(drafts []models.Draft, planTitles map[int64]string) {
	depth := lineageDepths(drafts)
	slices.SortStableFunc(drafts, func(a, b models.Draft) int {
		if (a.Date == "") != (b.Date == "") {
			if a.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(
			cmp.Compare(a.Date, b.Date),
			cmp.Compare(depth[a.ID], depth[b.ID]),
			cmp.Compare(planTitles[a.PlanID], planTitles[b.PlanID]),
			cmp.Compare(a.PlanID, b.PlanID),
			cmp.Compare(a.Number, b.Number),
			cmp.Compare(a.ID, b.ID),
		)
	})
}

// lineageDepths counts each draft's forked_from ancestors among drafts: an
// ancestor is always shallower than its forks. A cycle (which the store
// does not allow) stops the count rather than looping.
func lineageDepths(drafts []models.Draft) map[int64]int {
	parent := make(map[int64]int64, len(drafts))
	for _, d := range drafts {
		if d.ForkedFromID != nil {
			parent[d.ID] = *d.ForkedFromID
		}
	}
	depth := make(map[int64]int, len(drafts))
	for _, d := range drafts {
		n := 0
		for id, ok := parent[d.ID]; ok && n <= len(drafts); id, ok = parent[id] {
			n++
		}
		depth[d.ID] = n
	}
	return depth
}
