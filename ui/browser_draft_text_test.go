package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDraftFromText: an editor pastes points of the 28-point
// draft's text on its plan, reviews what is proposed, fixes one term (the
// troop cap's limit), creates the draft and lands on its comparison with the
// 28-point draft, where the troop cap reads 600,000 → 650,000. With
// PLANTRACKER_SCREENSHOTS set it reviews the whole text and writes the
// review page to docs/screenshots/draft-review.png. (The refusals of the
// create step are tested without a browser, in draft_text_test.go: the
// browser shares two cores with the other tests, and its tabs have a
// minute each.)
func TestBrowserDraftFromText(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	d28, err := s.Draft(context.Background(), seeded.draft28)
	if err != nil {
		t.Fatal(err)
	}
	text := points(draft28Text(t), "6", "7", "8", "9", "14", "19", "25", "26", "28")
	shots := os.Getenv("PLANTRACKER_SCREENSHOTS") != ""
	if shots {
		text = draft28Text(t)
	}

	do(t, ctx,
		openAndWait(base+"/", "from-text-"+id(d28.PlanID)),
		clickAndWait("from-text-"+id(d28.PlanID), "text"),
		chromedp.SetValue(chromedp.ID("text"), text),
		chromedp.SetValue(chromedp.ID("base_draft"), id(seeded.draft28)),
		clickAndWait("read-text", "create-draft"),
	)
	// The troop cap's row: a limit of 600,000, matched to the base's
	// troop-cap.
	capRow := run(t, ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(".review-row")).findIndex(function (r) { return /capped at 600,000/.test(r.textContent); })`))
	if capRow < 0 {
		t.Fatal("no row reads the troop cap")
	}
	limit := "p-" + strconv.Itoa(capRow) + "-terms-limit"
	if v := run(t, ctx, chromedp.Value(chromedp.ID(limit))); v != "600000" {
		t.Fatalf("the troop cap's limit reads %q", v)
	}
	if row := run(t, ctx, chromedp.Text(chromedp.ID("row-"+strconv.Itoa(capRow)))); !strings.Contains(row, "troop-cap") {
		t.Errorf("the troop cap's row does not show its base provision: %q", row)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".review-term.low").length`)); n == 0 {
		t.Error("no term is marked for checking")
	}
	if shots {
		writeScreenshot(t, filepath.Join(screenshotDir, "draft-review.png"), pageScreenshot(t, ctx))
		// The whole text has points whose terms it does not state: leave
		// them out, as an analyst would.
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll(".review-row").forEach(function (row, i) {
			if (!/^Point (6|7|8|9|14|19|25|26|28) /.test(row.querySelector("h2").textContent)) { row.querySelector("input[type=checkbox]").checked = false; }
		})`))
	}

	do(t, ctx,
		chromedp.SetValue(chromedp.ID(limit), "650000"),
		chromedp.SetValue(chromedp.ID("source"), "test-source"),
		clickAndWait("create-draft", "comparison-table"),
	)
	if loc := run(t, ctx, chromedp.Location()); !strings.Contains(loc, "/compare?from="+id(seeded.draft28)+"&to=") {
		t.Errorf("after creating, the browser is at %s; want the comparison with the base", loc)
	}
	table := run(t, ctx, chromedp.Text(chromedp.ID("comparison-table")))
	if !strings.Contains(table, "600,000 people") || !strings.Contains(table, "650,000 people") {
		t.Errorf("the comparison does not show the fixed limit:\n%s", table)
	}
	if flash := run(t, ctx, chromedp.Text(chromedp.CSS(".flash"))); !strings.Contains(flash, "from its text") {
		t.Errorf("flash %q", flash)
	}
}

// points keeps the numbered points of text with the given numbers.
func points(text string, numbers ...string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for _, n := range numbers {
			if strings.HasPrefix(line, n+". ") {
				out = append(out, line)
			}
		}
	}
	return strings.Join(out, "\n")
}
