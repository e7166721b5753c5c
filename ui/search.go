package ui

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
)

// The search across every draft and plan: the store's search (the one the
// API's GET /provisions serves), with the same filters, a page at a time
// by its cursor, the page's provisions grouped by draft.

type searchPage struct {
	Page
	Filter     searchFilter
	Searched   bool // a word or a filter was given
	Groups     []searchGroup
	Shown      int
	Total      int // when known: the whole list is on this page
	TotalKnown bool
	MoreURL    string
	FirstURL   string // back to the first page, from a later one
	Sort       string
	SortLinks  []sortLink
	SortURL    map[string]string
	Plans      []models.Plan
	Parties    []models.Party
	Kinds      []*models.Kind
	Categories models.Vocabulary
	Statuses   models.Vocabulary
	Sourcings  models.Vocabulary
}

// searchFilter is the search form, read from the query.
type searchFilter struct {
	Q, Category, Kind, Status, Sourcing, Party string
	Plan                                       int64
}

// searchGroup is one draft's provisions among the results.
type searchGroup struct {
	Draft      models.Draft
	PlanTitle  string
	Provisions []provisionView
}

const searchPageSize = 50

// search serves GET /search: provisions across every draft matching the
// words and filters of the query.
func (u *UI) search(c *gin.Context) {
	ctx := c.Request.Context()
	parties, names, err := u.partyNames(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	plans, err := u.store.Plans(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	planIDs := make([]string, len(plans))
	for i, p := range plans {
		planIDs[i] = idString(p.ID)
	}
	f := searchFilter{
		Q:        strings.TrimSpace(c.Query("q")),
		Category: oneOf(c.Query("category"), models.Categories.Values()),
		Kind:     oneOf(c.Query("kind"), models.KindNames()),
		Status:   oneOf(c.Query("status"), models.ProvisionStatuses.Values()),
		Sourcing: oneOf(c.Query("sourcing"), models.Sourcings.Values()),
		Party:    oneOf(c.Query("party"), shortNames(parties)),
	}
	if oneOf(c.Query("plan"), planIDs) != "" {
		f.Plan = queryID(c, "plan")
	}
	if len(f.Q) > 500 {
		f.Q = f.Q[:500]
	}
	sort := oneOf(c.Query("sort"), []string{"point", "category", "kind", "status", "date"})
	data := &searchPage{Page: Page{Title: loc(c).T("layout.search.button"), Section: "search"}, Filter: f, Sort: sort,
		Plans: plans, Parties: parties, Kinds: models.Kinds(), Categories: models.Categories,
		Statuses: models.ProvisionStatuses, Sourcings: models.Sourcings}
	if f.Q != "" {
		data.Title = "“" + f.Q + "” · Search"
	}
	data.Searched = f.Q != "" || f.Category != "" || f.Kind != "" || f.Status != "" || f.Sourcing != "" || f.Party != "" || f.Plan != 0
	if !data.Searched {
		render(c, http.StatusOK, "search", data)
		return
	}
	cursor := c.Query("cursor")
	page, err := u.store.Provisions(ctx, store.ProvisionFilter{PlanID: f.Plan, Category: f.Category, Kind: f.Kind,
		Status: f.Status, Sourcing: f.Sourcing, Party: f.Party, Query: f.Q, Limit: searchPageSize, Cursor: cursor})
	if err != nil {
		fail(c, err)
		return
	}
	drafts, err := u.store.AllDrafts(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	draftByID := map[int64]models.Draft{}
	for _, d := range drafts {
		draftByID[d.ID] = d
	}
	planTitle := map[int64]string{}
	for _, p := range plans {
		planTitle[p.ID] = p.Title
	}
	index := map[int64]int{}
	for _, p := range page.Items {
		i, ok := index[p.DraftID]
		if !ok {
			d := draftByID[p.DraftID]
			i = len(data.Groups)
			index[p.DraftID] = i
			data.Groups = append(data.Groups, searchGroup{Draft: d, PlanTitle: planTitle[d.PlanID]})
		}
		data.Groups[i].Provisions = append(data.Groups[i].Provisions, newProvisionView(p, names))
	}
	for i := range data.Groups {
		key := sort
		if key == "date" || key == "" {
			key = "point"
		}
		sortProvisions(data.Groups[i].Provisions, key)
	}
	if sort == "date" {
		// Newest draft first; the plan and the draft's number break ties.
		slices.SortStableFunc(data.Groups, func(a, b searchGroup) int {
			if c := strings.Compare(b.Draft.Date, a.Draft.Date); c != 0 {
				return c
			}
			return cmp.Compare(b.Draft.Number, a.Draft.Number)
		})
	}
	data.Shown = len(page.Items)
	data.Total, data.TotalKnown = int(page.Total), !page.TotalUnknown
	q := c.Request.URL.Query()
	data.SortLinks = sortLinks("/search", q, sort, "point", "category", "kind", "status", "date")
	data.SortURL = map[string]string{}
	for _, l := range data.SortLinks {
		data.SortURL[l.Key] = l.URL
	}
	if page.NextCursor != "" {
		q.Set("cursor", page.NextCursor)
		data.MoreURL = "/search?" + q.Encode()
	}
	if cursor != "" {
		q.Del("cursor")
		data.FirstURL = "/search?" + q.Encode()
	}
	render(c, http.StatusOK, "search", data)
}
