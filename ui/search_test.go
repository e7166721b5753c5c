package ui_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"plantracker/models"
)

// TestSearchAcrossDrafts: /search finds provisions in every draft with the
// API's filters, groups them by draft, marks the words, pages by cursor
// and sorts without losing the filters.
func TestSearchAcrossDrafts(t *testing.T) {
	a := newApp(t)
	res, body := a.get("/search")
	if res.StatusCode != 200 || !strings.Contains(body, `id="s-q"`) || strings.Contains(body, `class="search-group"`) {
		t.Fatalf("empty search: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/search", body)
	res, body = a.get("/search?q=troop")
	if res.StatusCode != 200 {
		t.Fatalf("status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/search?q=troop", body)
	checkContains(t, "search", body, `<h2 id="d-`+id(seeded.draft28)+`">`, `<h2 id="d-`+id(seeded.e3)+`">`, `data-key="troop-cap"`, "<mark>", `value="troop"`, `href="/search?q=troop&amp;sort=status"`)
	if strings.Count(body, `class="search-group"`) < 2 {
		t.Errorf("results not grouped by draft")
	}
	// The filters: by kind, and by plan (the E3's plan has none of the
	// 28-point draft's).
	_, body = a.get("/search?q=troop&kind=troop_cap&sort=date")
	if !strings.Contains(body, `data-key="troop-cap"`) || strings.Contains(body, `data-key="security-guarantee"`) || !strings.Contains(body, `<option value="troop_cap" selected>`) ||
		!strings.Contains(body, `<input type="hidden" name="sort" value="date">`) || !strings.Contains(body, `kind=troop_cap`) {
		t.Errorf("kind filter:\n%s", excerpt(body))
	}
	e3, _ := a.store.Draft(t.Context(), seeded.e3)
	_, body = a.get("/search?kind=troop_cap&plan=" + id(e3.PlanID))
	if strings.Contains(body, `<h2 id="d-`+id(seeded.draft28)+`">`) || !strings.Contains(body, `<h2 id="d-`+id(seeded.e3)+`">`) {
		t.Errorf("plan filter:\n%s", excerpt(body))
	}
	// Paging: a page of 50, then the next by cursor.
	for i := range 55 {
		if _, err := a.store.CreateProvision(t.Context(), "test", models.Provision{DraftID: seeded.geneva, Key: fmt.Sprintf("zebra-%d", i),
			Kind: "other", Title: "Zebra crossing " + fmt.Sprint(i), Sourcing: "unconfirmed", Sources: testCites}); err != nil {
			t.Fatal(err)
		}
	}
	_, body = a.get("/search?q=zebra")
	i := strings.Index(body, `id="more-results"`)
	if i < 0 || strings.Count(body, `data-key="zebra-`) != 50 {
		t.Fatalf("no next page\n%s", excerpt(body))
	}
	href := body[strings.LastIndex(body[:i], `href="`)+6:]
	href = strings.ReplaceAll(href[:strings.Index(href, `"`)], "&amp;", "&")
	res, body = a.get(href)
	if res.StatusCode != 200 || !strings.Contains(body, "Back to the first page") || strings.Count(body, `data-key="zebra-`) != 5 {
		t.Errorf("GET %s: status %d\n%s", href, res.StatusCode, excerpt(body))
	}
	if res, _ := a.get("/search?q=x&cursor=bogus"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad cursor: status %d", res.StatusCode)
	}
}

// TestDraftPageSorts: the draft page's columns sort, keeping the filter.
func TestDraftPageSorts(t *testing.T) {
	a := newApp(t)
	d := "/drafts/" + id(seeded.draft28)
	res, body := a.get(d + "?category=security&sort=status")
	if res.StatusCode != 200 || !strings.Contains(body, "All provisions, by status") || !strings.Contains(body, `aria-sort="ascending"`) ||
		!strings.Contains(body, `href="`+d+`?category=security&amp;sort=point"`) || strings.Contains(body, `id="cat-territory"`) {
		t.Errorf("sorted draft page: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "sorted draft", body)
}
