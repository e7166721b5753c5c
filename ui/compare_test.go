package ui_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A comparison asked later → earlier redirects to earlier → later and says
// that it swapped them; a pair asked without a direction (a draft page's
// "Compare with") redirects without a word.
func TestCompareReadsEarlierToLater(t *testing.T) {
	a := newApp(t)
	d28, e3 := id(seeded.draft28), id(seeded.e3)
	ordered := "/compare?from=" + d28 + "&to=" + e3
	cases := []struct {
		name, path, location string
		notice               bool
	}{
		{"asked later → earlier", "/compare?from=" + e3 + "&to=" + d28, ordered, true},
		{"keeping hidden rows hidden", "/compare?from=" + e3 + "&to=" + d28 + "&unchanged=hide", ordered + "&unchanged=hide", true},
		{"a pair without a direction", "/compare?drafts=" + e3 + "&drafts=" + d28, ordered, false},
		{"a pair in order, without a direction", "/compare?drafts=" + d28 + "," + e3, ordered, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := a.get(tc.path)
			if res.StatusCode != http.StatusFound || res.Header.Get("Location") != tc.location {
				t.Fatalf("GET %s: %d to %q, want 302 to %q", tc.path, res.StatusCode, res.Header.Get("Location"), tc.location)
			}
			var flash *http.Cookie
			for _, c := range res.Cookies() {
				if c.Name == "plantracker_flash" && c.Value != "" {
					flash = c
				}
			}
			if (flash != nil) != tc.notice {
				t.Fatalf("notice %v, want %v", flash != nil, tc.notice)
			}
			if flash == nil {
				return
			}
			req, _ := http.NewRequest(http.MethodGet, tc.location, nil)
			req.AddCookie(flash)
			_, body := a.do(req)
			if !strings.Contains(body, "Swapped: a comparison reads earlier → later, so v1 28-point draft comes first and v1 E3 counter-proposal second.") {
				t.Errorf("the page does not say it swapped them:\n%s", excerpt(body))
			}
		})
	}
	// In order, the page stays.
	if res, _ := a.get(ordered); res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d", ordered, res.StatusCode)
	}
}

// The compare page of the 28-point draft and the partial E3 text: the keys
// E3 does not mention are not reported, muted with the value carried over
// and where it comes from, and the counts never call them removed; a
// change lists its substance, its sourcing-only changes folded apart.
func TestComparePageKeepsNotReportedApart(t *testing.T) {
	a := newApp(t)
	cmp, err := a.store.Comparison(context.Background(), seeded.draft28, seeded.e3)
	if err != nil {
		t.Fatal(err)
	}
	_, body := a.get("/compare?from=" + id(seeded.draft28) + "&to=" + id(seeded.e3))
	n := cmp.Counts.NotReported
	if n == 0 {
		t.Fatal("the seed's E3 comparison has nothing not reported")
	}
	checkContains(t, "the page", body,
		"<strong>"+strconv.Itoa(n)+"</strong> not reported",
		"<strong>"+strconv.Itoa(cmp.Counts.Removed)+"</strong> removed",
		"Not reported: carried over from v1 28-point draft, not reported in v1 E3 counter-proposal.",
		`title="Partial: only the points reported">partial</span>`,
		`<details class="sourcing-changes"><summary>Sourcing and labels only: Sources`,
	)
	if got := strings.Count(body, `class="key-row row-not_reported"`); got != n {
		t.Errorf("%d rows marked not reported, counted %d", got, n)
	}
	// The troop cap's row: the limit first; the citation folded below it.
	row := regexp.MustCompile(`(?s)<tbody class="key-row row-changed" id="key-troop-cap".*?</tbody>`).FindString(body)
	limit, folded := strings.Index(row, "Limit:"), strings.Index(row, "sourcing-changes")
	if limit < 0 || folded < 0 || folded < limit {
		t.Errorf("the troop-cap row does not put the limit before the folded sourcing changes:\n%s", row)
	}
}
