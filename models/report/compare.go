package report

import (
	"encoding/json"
	"slices"

	"plantracker/models"
)

// Comparing drafts. Two drafts, of one plan or of two, are compared by
// provision key, earlier → later: each key is added, removed (or
// withdrawn), not reported (the later draft is partial and does not mention
// it), changed or unchanged, and a changed provision lists every field that
// differs with its human label and both values formatted, what changed in
// substance apart from what changed in sourcing only. It is pure code: the
// store loads the drafts, the API serves the result as JSON, the UI renders
// it side by side and exports it as Markdown, CSV and PDF.

// DraftProvisions is a draft with its provisions, the input of Compare and
// NewMatrix. The provisions' terms are canonical (as Provision.Validate
// leaves them and the store keeps them).
type DraftProvisions struct {
	Draft      models.Draft
	Provisions []models.Provision
}

// DiffStatus is what became of a provision key from one draft to another.
type DiffStatus string

// The statuses of a key (compare_status.go decides them).
const (
	// StatusAdded: only the later draft has it.
	StatusAdded DiffStatus = "added"
	// StatusRemoved: the later draft is complete and lacks it, or withdraws it.
	StatusRemoved DiffStatus = "removed"
	// StatusNotReported: the later draft is partial and does not mention it;
	// its last known value is carried over, and it is not counted as removed.
	StatusNotReported DiffStatus = "not_reported"
	// StatusChanged: both have it, and it differs in substance.
	StatusChanged DiffStatus = "changed"
	// StatusUnchanged: both have it, alike in substance; its sourcing and
	// labels may differ (SourcingChanges).
	StatusUnchanged DiffStatus = "unchanged"
)

// DraftRef names a draft in a comparison, matrix or summary.
type DraftRef struct {
	ID          int64  `json:"id"`
	PlanID      int64  `json:"plan_id"`
	Number      int    `json:"number"`
	Label       string `json:"label"`
	Name        string `json:"name"` // "v2 Geneva revision"
	Date        string `json:"date,omitempty"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
	// Coverage is "complete" or "partial" (only the points its reporting
	// names): a key a partial draft lacks is not reported, not removed.
	Coverage      string   `json:"coverage"`
	CoverageLabel string   `json:"coverage_label"`
	Sources       []string `json:"sources"`
	// Citations are the draft's citations that Sources gives as text.
	Citations []models.Citation `json:"citations"`
	// ForkedFrom is the id of the draft this one was forked from.
	ForkedFrom *int64 `json:"forked_from,omitempty"`
	// Standing is official, reported or scenario (an analyst's own, not
	// part of the record): a comparison with a scenario says so in its head.
	Standing string `json:"standing"`
}

// Scenario reports whether the draft is an analyst's own.
func (r DraftRef) Scenario() bool { return r.Standing == models.StandingScenario }

// NewDraftRef describes d.
func NewDraftRef(d models.Draft) DraftRef {
	return DraftRef{ID: d.ID, PlanID: d.PlanID, Number: d.Number, Label: d.Label, Name: d.Name(),
		Date: d.Date, Status: d.Status, StatusLabel: models.DraftStatuses.Label(d.Status),
		Coverage: d.Coverage, CoverageLabel: models.Coverages.Label(d.Coverage), Sources: models.Strings(d.Sources),
		Citations: models.CitationsOf(d.Sources), ForkedFrom: d.ForkedFromID, Standing: d.Standing}
}

// Comparison is the comparison of two drafts, From the earlier.
type Comparison struct {
	From DraftRef `json:"from"`
	To   DraftRef `json:"to"`
	// Swapped is true when the drafts were asked for later → earlier and
	// are compared the other way round (CompareInOrder).
	Swapped   bool            `json:"swapped"`
	Counts    Counts          `json:"counts"`
	Rows      []ComparisonRow `json:"rows"`
	Unchanged []UnchangedRow  `json:"unchanged,omitempty"` // where Brief, the unchanged keys apart
	// Sources lists, once each, the citations of what the comparison shows:
	// the two drafts' sources, then the citations of the provisions in row
	// order.
	Sources []string `json:"sources"`
}

// Counts is how many keys have each status. Added, Removed, NotReported,
// Changed and Unchanged add up to Total; Withdrawn counts the removed keys
// that the later draft withdraws, and SourcingOnly the unchanged keys whose
// sourcing or labels changed (citation, sourcing level, point number,
// title, category).
type Counts struct {
	Added        int `json:"added"`
	Removed      int `json:"removed"`
	Withdrawn    int `json:"withdrawn"`
	NotReported  int `json:"not_reported"`
	Changed      int `json:"changed"`
	Unchanged    int `json:"unchanged"`
	SourcingOnly int `json:"sourcing_only"`
	Total        int `json:"total"`
}

func (c *Counts) add(r *ComparisonRow) {
	c.Total++
	switch r.Status {
	case StatusAdded:
		c.Added++
	case StatusRemoved:
		c.Removed++
		if r.Withdrawn {
			c.Withdrawn++
		}
	case StatusNotReported:
		c.NotReported++
	case StatusChanged:
		c.Changed++
	default:
		c.Unchanged++
		if len(r.SourcingChanges) > 0 {
			c.SourcingOnly++
		}
	}
}

// ComparisonRow is one provision key in a comparison. Its category, kind,
// point and title are the later draft's, or the earlier one's for a key the
// later draft does not have.
type ComparisonRow struct {
	Key    string     `json:"key"`
	Status DiffStatus `json:"status"`
	KeyLabels
	// From and To are the provision in each draft; null where a draft does
	// not have the key. A not_reported row's value is From's, carried over.
	From *ProvisionBrief `json:"from"`
	To   *ProvisionBrief `json:"to"`
	// Withdrawn: the row is removed because the later draft withdraws the
	// provision (To is there, with status withdrawn).
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Note says in words what the status cannot: "carried over from v1
	// 28-point draft, not reported in v1 E3 counter-proposal", "withdrawn
	// in v2 Geneva revision", or, for a key added after a partial draft,
	// that the earlier draft may only not have reported it.
	Note string `json:"note,omitempty"`
	// Changes lists what differs in substance, field by field: kind,
	// terms, parties and stances, wording, status (IsSubstanceField). It
	// is empty for added, removed and not reported rows. The status is
	// changed when some change counts (FieldChange.Counted); an unchanged
	// row may list changes that do not: a term, party or stance the later
	// draft does not record (not_recorded), or wording changed in order or
	// case only (form_only).
	Changes []FieldChange `json:"changes"`
	// SourcingChanges lists what differs in sourcing and labels only: the
	// citation, the sourcing level, the point number, the title, the
	// category. A row with these and no Changes is unchanged (and counted
	// in Counts.SourcingOnly).
	SourcingChanges []FieldChange `json:"sourcing_changes"`
	// ids are the ids of the key's provisions in the two drafts (0 where
	// a draft does not have it): what Brief lists of an unchanged row,
	// whose sides a brief leaves unfilled (BriefInOrder).
	ids [2]int64
}

// ProvisionBrief is one side of a comparison row: the provision as the
// side-by-side view shows it. Terms are its stated terms, formatted, in
// declaration order.
type ProvisionBrief struct {
	ID            int64                   `json:"id"`
	Point         string                  `json:"point,omitempty"`
	Title         string                  `json:"title"`
	Category      string                  `json:"category"`
	CategoryLabel string                  `json:"category_label"`
	Kind          string                  `json:"kind"`
	KindLabel     string                  `json:"kind_label"`
	Headline      string                  `json:"headline"`
	Terms         []FormattedTerm         `json:"terms"`
	Text          string                  `json:"text"`
	Parties       []models.ProvisionParty `json:"parties"`
	ProvisionStatus
	Citation string `json:"citation"`
	// Citations are the citations Citation joins as text, structured.
	Citations []models.Citation `json:"citations"`
	// Values are the terms as stored (JSON), for exports that type them.
	Values json.RawMessage `json:"-"`
}

// Compare compares two drafts by provision key, from → to as given
// (CompareInOrder puts them in reading order first). Rows come in a fixed
// order: by category (in Categories order), then point number (unnumbered
// last), then key, taking a row's category and point from the later draft
// where it has the key, and the point from the earlier draft where the
// later gives none (a partial draft's reporting often names no numbers), so
// that its rows stay among the earlier draft's rather than gather at the
// end. Should a draft hold a key twice, its first provision counts.
func Compare(from, to DraftProvisions) Comparison {
	return compare(from, to, nil)
}

// compare is Compare with the rows of the keys in alike (BriefInOrder)
// left without their two sides but for their ids.
func compare(from, to DraftProvisions, alike Alike) Comparison {
	fromInfo := provInfos(from.Provisions, nil)
	toInfo := provInfos(to.Provisions, nil)
	out := Comparison{From: NewDraftRef(from.Draft), To: NewDraftRef(to.Draft)}
	out.Rows = buildRows(pairsInOrder(fromInfo, toInfo), rowContext{from: out.From.Name, to: out.To.Name,
		earlierPartial: from.Draft.Partial(), laterPartial: to.Draft.Partial(), alike: alike})
	for i := range out.Rows {
		out.Counts.add(&out.Rows[i])
	}
	out.Sources = out.sourcesShown()
	return out
}

// pairsInOrder pairs two drafts' provisions by key and puts the pairs in
// the order of the rows (Compare).
func pairsInOrder(fromInfo, toInfo []provInfo) []provPair {
	index := make(map[string]int, len(fromInfo))
	for i := range fromInfo {
		if _, dup := index[fromInfo[i].p.Key]; !dup {
			index[fromInfo[i].p.Key] = i
		}
	}
	pairs := make([]provPair, 0, len(fromInfo)+len(toInfo)/8)
	matched := make([]bool, len(fromInfo))
	seen := make(map[string]bool, len(toInfo)/8)
	for j := range toInfo {
		b := &toInfo[j]
		i, ok := index[b.p.Key]
		switch {
		case ok && !matched[i]:
			matched[i] = true
			pairs = append(pairs, provPair{a: &fromInfo[i], b: b})
		case ok || seen[b.p.Key]: // a key the later draft holds twice
		default:
			seen[b.p.Key] = true
			pairs = append(pairs, provPair{b: b})
		}
	}
	for i := range fromInfo {
		if !matched[i] && index[fromInfo[i].p.Key] == i {
			pairs = append(pairs, provPair{a: &fromInfo[i]})
		}
	}
	order := positionOrder(len(pairs), func(i int) *models.Provision { return pairs[i].position() })
	sorted := make([]provPair, len(pairs))
	for n, i := range order {
		sorted[n] = pairs[i]
	}
	return sorted
}

// sourcesShown lists, once each, the citations of what c shows: the two
// drafts' sources, then the citations of its rows' provisions in order.
func (c Comparison) sourcesShown() []string {
	var src sourceList
	src.add(c.From.Sources...)
	src.add(c.To.Sources...)
	for i := range c.Rows {
		row := &c.Rows[i]
		if row.From != nil {
			src.add(row.From.Citation)
		}
		if row.To != nil {
			src.add(row.To.Citation)
		}
	}
	return src.list()
}

// Only keeps the rows of the given statuses, in their order (all of them
// when none is given): what changed between two long drafts without the
// hundreds of keys that did not. Counts stay those of every key (so a
// reader can tell what was left out), and Sources become those of what is
// kept. Of a Brief, it keeps the unchanged keys' list only where unchanged
// is asked for (a Brief's rows in full hold none).
func (c Comparison) Only(statuses ...DiffStatus) Comparison {
	if len(statuses) == 0 {
		return c
	}
	if !slices.Contains(statuses, StatusUnchanged) {
		c.Unchanged = nil
	}
	kept := make([]ComparisonRow, 0, len(c.Rows))
	for _, row := range c.Rows {
		if slices.Contains(statuses, row.Status) {
			kept = append(kept, row)
		}
	}
	c.Rows = kept
	c.Sources = c.sourcesShown()
	return c
}

// CompareProvisions lists what differs between two versions of one
// provision, field by field: kind, terms, parties, wording, status,
// sourcing, citation, title, point, category, and its words in other
// languages (translationChanges). Compare splits them into a row's Changes
// and SourcingChanges (IsSubstanceField).
func CompareProvisions(from, to models.Provision) []FieldChange {
	a, b := newProvInfo(&from), newProvInfo(&to)
	var c comparer
	return append(c.changes(&a, &b, true), c.translationChanges(from, to)...)
}
