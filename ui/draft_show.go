package ui

import (
	"cmp"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store"
	"plantracker/ui/export"
)

type draftPage struct {
	Page
	Plan       models.Plan
	Draft      models.Draft
	ForkedFrom *models.Draft
	Filter     draftFilter
	Groups     []provisionGroup
	Shown      int
	Total      int    // provisions matching the filter
	DraftTotal int    // provisions in the draft
	PDFTooLong bool   // the draft has more provisions than a PDF takes
	MoreURL    string // the next page of provisions, when there is one
	Parties    []models.Party
	Kinds      []*models.Kind
	Categories models.Vocabulary
	Statuses   models.Vocabulary
	Others     []planDrafts // drafts to compare this one with, each marked earlier or later
	PlanDrafts string       // the plan's draft ids, comma-separated, for its matrix
	// CompareParent compares the draft with the one it was forked from,
	// earlier → later.
	CompareParent string
	// Sort is how the provisions are ordered: "" by category (grouped),
	// else point, kind or status in one table. SortLinks offer each,
	// keeping the filters; SortURL is each by key, for the column heads.
	Sort      string
	SortLinks []sortLink
	SortURL   map[string]string
	// Stances are parties' stances on the draft as a whole.
	Stances []models.DraftStance
}

// draftFilter is the draft page's filter form, read from the query.
type draftFilter struct {
	Category, Kind, Status, Party, Q string
}

func (f draftFilter) Active() bool {
	return f.Category != "" || f.Kind != "" || f.Status != "" || f.Party != "" || f.Q != ""
}

// showDraft serves GET /drafts/:id: the draft's provisions by category,
// filtered by the query (category, kind, status, party, q).
func (u *UI) showDraft(c *gin.Context) {
	draft, plan, ok := u.draftAndPlanFromPath(c)
	if !ok {
		return
	}
	ctx, id := c.Request.Context(), draft.ID
	parties, names, err := u.partyNames(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	f := draftFilter{
		Category: oneOf(c.Query("category"), models.Categories.Values()),
		Kind:     oneOf(c.Query("kind"), models.KindNames()),
		Status:   oneOf(c.Query("status"), models.ProvisionStatuses.Values()),
		Party:    oneOf(c.Query("party"), shortNames(parties)),
		Q:        strings.TrimSpace(c.Query("q")),
	}
	if len(f.Q) > 500 {
		f.Q = f.Q[:500]
	}
	page, err := u.store.Provisions(ctx, store.ProvisionFilter{DraftID: id, Category: f.Category, Kind: f.Kind,
		Status: f.Status, Party: f.Party, Query: f.Q, Limit: store.MaxPageSize, Cursor: c.Query("cursor")})
	if err != nil {
		fail(c, err)
		return
	}
	draftTotal := page.Total
	if f.Active() {
		all, err := u.store.Provisions(ctx, store.ProvisionFilter{DraftID: id, Limit: 1})
		if err != nil {
			fail(c, err)
			return
		}
		draftTotal = all.Total
	}
	plans, byID, err := u.catalog(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	sort := oneOf(c.Query("sort"), []string{"category", "point", "kind", "status"})
	groups := groupByCategory(page.Items, names)
	if sort != "" && sort != "category" {
		all := make([]provisionView, len(page.Items))
		for i, p := range page.Items {
			all[i] = newProvisionView(p, names)
		}
		sortProvisions(all, sort)
		groups = []provisionGroup{{Category: "all", Label: "All provisions, by " + strings.ToLower(sortLabels[sort]), Provisions: all}}
	}
	data := &draftPage{Page: Page{Title: draft.Name() + " · " + plan.Title, Section: "home"},
		Plan: plan, Draft: draft, Filter: f, Groups: groups, Sort: sort,
		Shown: len(page.Items), Total: int(page.Total), DraftTotal: int(draftTotal), PDFTooLong: export.TooLongForPDF(int(draftTotal)), Parties: parties, Kinds: models.Kinds(),
		Categories: models.Categories, Statuses: models.ProvisionStatuses,
		Others: markSelected(plans, defaultCompareTarget(draft, byID))}
	lineage := lineageOf(byID)
	markReading(data.Others, draft, lineage)
	if draft.ForkedFromID != nil {
		if d, ok := byID[*draft.ForkedFromID]; ok {
			data.ForkedFrom = &d
			data.CompareParent, _ = compareURL(byID, lineage, d.ID, draft.ID)
		}
	}
	var ids []string
	for _, p := range plans {
		if p.Plan.ID == plan.ID {
			for _, d := range p.Drafts {
				ids = append(ids, idString(d.ID))
			}
		}
	}
	data.PlanDrafts = strings.Join(ids, ",")
	if data.Stances, err = u.store.DraftStances(ctx, id); err != nil {
		fail(c, err)
		return
	}
	data.LiveSince = u.liveSince(c)
	data.SortLinks = sortLinks("/drafts/"+idString(id), c.Request.URL.Query(), cmp.Or(sort, "category"), "category", "point", "kind", "status")
	data.SortURL = map[string]string{}
	for _, l := range data.SortLinks {
		data.SortURL[l.Key] = l.URL
	}
	if page.NextCursor != "" {
		q := c.Request.URL.Query()
		q.Set("cursor", page.NextCursor)
		data.MoreURL = "/drafts/" + idString(id) + "?" + q.Encode()
	}
	render(c, http.StatusOK, "draft", data)
}

// markReading marks each draft of the picker as reading earlier or later
// than d, so the picker can say which way the comparison will read.
func markReading(plans []planDrafts, d models.Draft, lineage report.Lineage) {
	for _, p := range plans {
		for i := range p.Drafts {
			switch o := report.ReadingOrder(p.Drafts[i].Draft, d, lineage); {
			case o < 0:
				p.Drafts[i].Reads = "earlier"
			case o > 0:
				p.Drafts[i].Reads = "later"
			}
		}
	}
}

// defaultCompareTarget is the draft the compare picker offers first: the
// next draft of the same plan, else the previous one, else the draft it
// was forked from.
func defaultCompareTarget(d models.Draft, all map[int64]models.Draft) int64 {
	var next, prev int64
	for _, o := range all {
		if o.PlanID != d.PlanID {
			continue
		}
		if o.Number == d.Number+1 {
			next = o.ID
		}
		if o.Number == d.Number-1 {
			prev = o.ID
		}
	}
	switch {
	case next != 0:
		return next
	case prev != 0:
		return prev
	case d.ForkedFromID != nil:
		return *d.ForkedFromID
	}
	return 0
}

func shortNames(parties []models.Party) []string {
	out := make([]string, len(parties))
	for i, p := range parties {
		out[i] = p.ShortName
	}
	return out
}
