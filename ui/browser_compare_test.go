package ui_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserCompareFromTheE3Page: on the E3 counter-proposal's page,
// "Compare with" the 28-point draft reads earlier → later whichever draft
// the page is: the 28-point draft's date first, its troop cap of 600,000
// before E3's 800,000. "Compare with its parent" reads the same.
func TestBrowserCompareFromTheE3Page(t *testing.T) {
	t.Parallel()
	ctx, base, _ := editorTab(t)
	for _, button := range []string{"compare-button", "compare-parent"} {
		t.Run(button, func(t *testing.T) {
			do(t, ctx,
				openAndWait(base+"/drafts/"+id(seeded.e3), "compare-with"),
				chromedp.SetValue(chromedp.ID("compare-with"), id(seeded.draft28)),
				clickAndWait(button, "comparison-table"),
			)
			if u := run(t, ctx, chromedp.Location()); !strings.Contains(u, "from="+id(seeded.draft28)+"&to="+id(seeded.e3)) {
				t.Errorf("the comparison is at %s, not from the 28-point draft to E3", u)
			}
			if dates := run(t, ctx, chromedp.Text(chromedp.ID("cmp-dates"))); dates != "20 Nov 2025 → 23 Nov 2025" {
				t.Errorf("the dates read %q, want the earlier first", dates)
			}
			row := run(t, ctx, chromedp.Text(chromedp.ID("key-troop-cap")))
			i6, i8 := strings.Index(row, "600,000"), strings.Index(row, "800,000")
			if i6 < 0 || i8 < 0 || i6 > i8 {
				t.Errorf("the troop-cap row does not read 600,000 → 800,000:\n%s", row)
			}
			if flash := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".flash").length`)); flash != 0 {
				t.Errorf("a pair asked without a direction shows a notice")
			}
		})
	}
}
