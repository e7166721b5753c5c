package ui

import (
	"context"

	"plantracker/models"
	"plantracker/models/report"
)

// planDrafts is a plan with its drafts, as the home page and the draft
// pickers of compare and matrix list them.
type planDrafts struct {
	Plan   models.Plan
	Drafts []draftItem
}

// draftItem is one draft in a list. Count is its number of provisions,
// filled in only where a page shows it; Reads, where a draft page offers
// to compare with it, is "earlier" or "later" than that draft ("" where
// nothing decides). Parent is the draft it was forked from, with its
// plan's title where that is another plan, and the comparison of the two,
// filled in where the home page shows them.
type draftItem struct {
	models.Draft
	Count         int64
	Selected      bool
	Reads         string
	Parent        *models.Draft
	ParentPlan    string
	CompareParent string
}

// catalog lists every plan with its drafts, and the drafts by id.
func (u *UI) catalog(ctx context.Context) ([]planDrafts, map[int64]models.Draft, error) {
	plans, err := u.store.Plans(ctx)
	if err != nil {
		return nil, nil, err
	}
	drafts, err := u.store.AllDrafts(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]models.Draft, len(drafts))
	byPlan := map[int64][]draftItem{}
	for _, d := range drafts {
		byID[d.ID] = d
		byPlan[d.PlanID] = append(byPlan[d.PlanID], draftItem{Draft: d})
	}
	out := make([]planDrafts, len(plans))
	for i, p := range plans {
		out[i] = planDrafts{Plan: p, Drafts: byPlan[p.ID]}
	}
	return out, byID, nil
}

// markSelected marks the drafts whose ids are given, for a picker.
func markSelected(plans []planDrafts, ids ...int64) []planDrafts {
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	out := make([]planDrafts, len(plans))
	for i, p := range plans {
		out[i] = planDrafts{Plan: p.Plan, Drafts: make([]draftItem, len(p.Drafts))}
		for j, d := range p.Drafts {
			d.Selected = want[d.ID]
			out[i].Drafts[j] = d
		}
	}
	return out
}

// partyNames maps short names to full names, for showing "UA" as Ukraine.
func (u *UI) partyNames(ctx context.Context) ([]models.Party, map[string]string, error) {
	parties, err := u.store.Parties(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[string]string, len(parties))
	for _, p := range parties {
		names[p.ShortName] = p.Name
	}
	return parties, names, nil
}

// compareURL is the comparison of two drafts in reading order, earlier →
// later (report.ReadingOrder), so that a link never asks the other way
// round; swapped says whether a and b were turned round.
func compareURL(byID map[int64]models.Draft, lineage report.Lineage, a, b int64) (url string, swapped bool) {
	da, okA := byID[a]
	db, okB := byID[b]
	if okA && okB && report.ReadingOrder(da, db, lineage) > 0 {
		a, b, swapped = b, a, true
	}
	return "/compare?from=" + idString(a) + "&to=" + idString(b), swapped
}

// lineageOf is the lineage of the drafts the catalog lists.
func lineageOf(byID map[int64]models.Draft) report.Lineage {
	drafts := make([]models.Draft, 0, len(byID))
	for _, d := range byID {
		drafts = append(drafts, d)
	}
	return report.NewLineage(drafts)
}
