package ui_test

import (
	"context"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axe-core (Deque, MPL-2.0; ui/testdata/axe-core, version 4.14.1) is the
// accessibility engine the judges ran. checkAxe injects it into the page
// the tab shows and fails the test on every serious or critical violation.

var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile("testdata/axe-core/axe.min.js")
	return string(b), err
})

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func checkAxe(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	src, err := axeSource()
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
		t.Fatalf("%s: injecting axe-core: %v", name, err)
	}
	violations := run(t, ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical"))`,
		chromedp.EvalAwaitPromise))
	for _, v := range violations {
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, "…")
				break
			}
			where = append(where, n.HTML)
		}
		t.Errorf("%s: axe %s (%s): %s\n  %s", name, v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
	}
}

// TestBrowserAccessibility runs axe-core on the pages of an analyst's day
// at 1280 and at 412 px wide, and checks that at 412 px the header holds
// the sign-out button (it overflowed, white on white).
func TestBrowserAccessibility(t *testing.T) {
	ctx, base, s := editorTab(t)
	translate(t, s, seeded.guarantee28, "uk") // the English and the Ukrainian original side by side
	d28 := id(seeded.draft28)
	pages := []string{"/", "/drafts/" + d28, "/drafts/" + d28 + "/edit", "/plans/new", "/search?q=troop",
		"/search?q=" + url.QueryEscape("суверенітет"), // a hit with its Ukrainian original below the English title
		"/provisions/" + id(seeded.guarantee28), "/provisions/" + id(seeded.guarantee28) + "/edit",
		"/compare?from=" + d28 + "&to=" + id(seeded.e3), "/provisions/" + id(seeded.troopCap28) + "/edit", "/history", "/deleted", "/tokens", "/parties",
		"/chronology", "/chronology/events/new", "/drafts/" + d28 + "/stances/new"}
	for _, width := range []int64{1280, 412} {
		do(t, ctx, chromedp.EmulateViewport(width, 900))
		for _, p := range pages {
			do(t, ctx, chromedp.Navigate(base+p))
			checkAxe(t, ctx, p+" at "+itoa(int(width)))
		}
	}
	// At 412 px the sign-out button lies inside the header's dark band.
	do(t, ctx, chromedp.Navigate(base+"/"))
	inside := run(t, ctx, chromedp.Evaluate[bool](`(() => {
		const h = document.querySelector(".site-header").getBoundingClientRect();
		const b = document.getElementById("sign-out").getBoundingClientRect();
		return b.top >= h.top && b.bottom <= h.bottom && b.right <= window.innerWidth && document.documentElement.scrollWidth <= window.innerWidth;
	})()`))
	if !inside {
		t.Errorf("at 412 px the header does not hold the sign-out button, or the page scrolls sideways")
	}
}
