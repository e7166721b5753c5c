package ui_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneWidth is a common phone's viewport width in CSS pixels.
const phoneWidth = 412

// TestBrowserPhoneWidth: at 412 px no page scrolls sideways: the page is
// no wider than the screen (a table too wide for it scrolls inside its own
// box, or stacks its cells; long words wrap; forms stack). Signed in as an
// admin, who sees every page and every control.
func TestBrowserPhoneWidth(t *testing.T) {
	ctx, base, _ := adminTab(t)
	d28, d20, tc := id(seeded.draft28), id(seeded.draft20), id(seeded.troopCap28)
	pages := []string{
		"/",
		"/drafts/" + d28,
		"/compare?from=" + d28 + "&to=" + d20,
		"/matrix",
		"/matrix?drafts=" + d28 + "," + id(seeded.geneva) + "," + d20 + "," + id(seeded.e3),
		"/timeline",
		"/timeline/troop-cap",
		"/search?q=troops",
		"/provisions/" + tc,
		"/provisions/" + tc + "/edit",
		"/provisions/" + tc + "/history",
		"/parties",
		"/sources",
		"/users",
		"/tokens",
		"/history",
		"/chronology",
		"/parties/UA",
		"/drafts/" + d28 + "/stances",
		"/gaps/troop-cap",
	}
	do(t, ctx, chromedp.EmulateViewport(phoneWidth, 915, chromedp.EmulateMobile))
	for _, p := range pages {
		do(t, ctx, chromedp.Navigate(base+p))
		width := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if width > phoneWidth {
			widest := run(t, ctx, chromedp.Evaluate[string](`(() => {
				let out = "", w = 0;
				for (const el of document.querySelectorAll("body *")) {
					const r = el.getBoundingClientRect();
					if (r.right > w && getComputedStyle(el).position !== "fixed") {
						w = r.right;
						out = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " right " + Math.round(r.right);
					}
				}
				return out;
			})()`))
			t.Errorf("%s at %d px is %d px wide (widest: %s)", p, phoneWidth, width, widest)
		}
	}
}
