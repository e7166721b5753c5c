package api

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

func TestSearchHits(t *testing.T) {
	// A hit has none of the provision's wording (but the snippet's),
	// terms, parties or citations.
	noWholeProvision := func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
		for _, field := range []string{`"text"`, `"terms"`, `"parties"`, `"sources"`} {
			if strings.Contains(w.Body.String(), field) {
				t.Errorf("a hit has %s: %s", field, w.Body)
			}
		}
	}
	runScenarios(t, []scenario{
		{name: "a word", method: "GET", url: "/api/v1/search?q=transatlantic", wantStatus: 200, check: noWholeProvision,
			wantContain: []string{`"key":"security-guarantee"`, `"plan_title":`, `"draft_number":`, `"draft_label":`, `"total":`, `"snippet":"`}},
		{name: "filters", method: "GET", url: url("/api/v1/search?draft=%d&category=territory&q=crimea", seeded.Draft28), wantStatus: 200,
			check: noWholeProvision, wantContain: []string{`"key":"crimea"`, `"category":"territory"`}},
		{name: "a filter without words, no snippets", method: "GET", url: "/api/v1/search?sourcing=unconfirmed", wantStatus: 200,
			wantContain: []string{`"key":"amnesty"`, `"key":"nato-membership"`, `"total":2`}},
		{name: "nothing found", method: "GET", url: "/api/v1/search?q=nowhere", wantStatus: 200, wantContain: []string{`"items":[]`, `"total":0`}},
		{name: "bad filters, each named", method: "GET", url: "/api/v1/search?kind=teleport&limit=9999&status=maybe&draft=-1&plan=x", wantStatus: 400,
			wantFields: []string{"kind", "limit", "status", "draft", "plan"}},
		{name: "bad cursor", method: "GET", url: "/api/v1/search?cursor=zzz", wantStatus: 400},
		{name: "cursor and offset", method: "GET", url: "/api/v1/search?cursor=abc&offset=5", wantStatus: 400, wantFields: []string{"cursor"}},
		{name: "a NUL in the search", method: "GET", url: "/api/v1/search?q=cap%00", wantStatus: 400, wantFields: []string{"q"}},
		{name: "viewers may search", method: "GET", url: "/api/v1/search?q=crimea", as: "vera", wantStatus: 200},
	})

	t.Run("the hits of /provisions, page by page", func(t *testing.T) { forEachDialect(t, searchAsProvisions) })
}

// searchAsProvisions: /search finds what /provisions finds, in the same
// order, paging with the same cursors.
func searchAsProvisions(t *testing.T, d dialect) {
	ts := newTestServer(t, d)
	for _, query := range []string{"q=ukraine", "q=the&sourcing=reported", "q=forces&category=security", "category=territory", "q=nato+membership"} {
		walk := func(path string, ids func(*httptest.ResponseRecorder) ([]int64, string)) []int64 {
			var all []int64
			for next := path + "?limit=3&" + query; next != ""; {
				w := ts.do("GET", next, "")
				if w.Code != 200 {
					t.Fatalf("%s: %d %s", next, w.Code, w.Body)
				}
				page, cursor := ids(w)
				all = append(all, page...)
				next = ""
				if cursor != "" {
					next = path + "?limit=3&" + query + "&cursor=" + cursor
				}
			}
			return all
		}
		provisions := walk("/api/v1/provisions", func(w *httptest.ResponseRecorder) ([]int64, string) {
			return pageIDs(t, w, func(p models.Provision) int64 { return p.ID })
		})
		hits := walk("/api/v1/search", func(w *httptest.ResponseRecorder) ([]int64, string) {
			return pageIDs(t, w, func(h store.SearchHit) int64 { return h.ID })
		})
		if len(provisions) == 0 || fmt.Sprint(hits) != fmt.Sprint(provisions) {
			t.Errorf("%s: /search %v, /provisions %v", query, hits, provisions)
		}
	}
}

// pageIDs reads a page of a list: its rows' ids, and the next page's cursor.
func pageIDs[T any](t *testing.T, w *httptest.ResponseRecorder, id func(T) int64) ([]int64, string) {
	page := decode[store.Page[T]](t, w)
	var ids []int64
	for _, row := range page.Items {
		ids = append(ids, id(row))
	}
	return ids, page.NextCursor
}
