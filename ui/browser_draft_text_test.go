package ui_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDraftFromText: an editor pastes the 28-point draft's text on
// its plan, reviews what is proposed, fixes one term (the troop cap's
// limit), drops the points whose terms the text does not state, creates
// the draft and lands on its comparison with the 28-point draft, where the
// troop cap reads 600,000 → 650,000. With PLANTRACKER_SCREENSHOTS set it
// writes the review page to docs/screenshots/draft-review.png.
func TestBrowserDraftFromText(t *testing.T) {
	t.Parallel()
	ctx := tab(t)
	base, s := liveServer(t, ctx)
	text := draft28Text(t)
	d28, err := s.Draft(context.Background(), seeded.draft28)
	if err != nil {
		t.Fatal(err)
	}

	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("from-text-"+id(d28.PlanID))),
		chromedp.Click(chromedp.ID("from-text-"+id(d28.PlanID))),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), text),
		chromedp.SetValue(chromedp.ID("base_draft"), id(seeded.draft28)),
		chromedp.Click(chromedp.ID("read-text")),
		chromedp.WaitVisible(chromedp.ID("create-draft")),
	)
	// Point 6 is the sixth row: a troop cap of 600,000, matched to the
	// base's troop-cap.
	if v := run(t, ctx, chromedp.Value(chromedp.ID("p-5-terms-limit"))); v != "600000" {
		t.Fatalf("the troop cap's limit reads %q", v)
	}
	row := run(t, ctx, chromedp.Text(chromedp.ID("row-5")))
	if !strings.Contains(row, "capped at 600,000 personnel") || !strings.Contains(row, "troop-cap") {
		t.Errorf("the troop cap's row: %q", row)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".review-term.low").length`)); n == 0 {
		t.Error("no term is marked for checking")
	}
	if os.Getenv("PLANTRACKER_SCREENSHOTS") != "" {
		b := run(t, ctx, chromedp.FullScreenshot(100))
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		writeScreenshot(t, filepath.Join(screenshotDir, "draft-review.png"), img)
	}

	do(t, ctx,
		chromedp.SetValue(chromedp.ID("p-5-terms-limit"), "650000"),
		chromedp.SetValue(chromedp.ID("source"), "test-source"),
		chromedp.Click(chromedp.ID("create-draft")),
		chromedp.WaitVisible(chromedp.ID("error-summary")),
	)
	// Some points lack a term the text does not state: drop them, keeping
	// the fix, and create again.
	if v := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("p-5-terms-limit").value`)); v != "650000" {
		t.Fatalf("after a refused save the fixed limit reads %q", v)
	}
	dropped := run(t, ctx, chromedp.Evaluate[int](`(function () {
		var n = 0;
		document.querySelectorAll(".review-row").forEach(function (row) {
			if (row.querySelector(".field-error")) { row.querySelector("input[type=checkbox]").checked = false; n++; }
		});
		return n;
	})()`))
	if dropped == 0 || dropped > 8 {
		t.Errorf("%d rows had errors", dropped)
	}
	do(t, ctx,
		chromedp.Click(chromedp.ID("create-draft")),
		chromedp.WaitVisible(chromedp.ID("comparison-table")),
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
