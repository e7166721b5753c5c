package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTimeline reads the troop cap's timeline as a person sees it:
// the four seed drafts in order with their values, and the chart image
// loaded (under the page's strict CSP). With PLANTRACKER_SCREENSHOTS set it
// saves docs/screenshots/timeline.png.
func TestBrowserTimeline(t *testing.T) {
	t.Parallel()
	ctx, base, _ := editorTab(t)

	// From the provision page, as an analyst would get there.
	do(t, ctx,
		chromedp.Navigate(base+"/provisions/"+id(seeded.troopCap28)),
		clickAndWait("timeline-link", "timeline-table"),
	)
	rows := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#timeline-table tr.timeline-row")).map(r => r.innerText.replace(/\s+/g, " ").trim())`))
	want := []struct{ draft, value string }{
		{"v1 28-point draft", "600,000 people"},
		{"v1 E3 counter-proposal", "800,000 people"},
		{"v2 Geneva revision", "800,000 people"},
		{"v3 20-point framework", "800,000 people"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want), strings.Join(rows, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(rows[i], w.draft) || !strings.Contains(rows[i], w.value) {
			t.Errorf("row %d reads %q; want %s with %s", i+1, rows[i], w.draft, w.value)
		}
	}
	// The chart is an image that loaded: it has pixels, and the browser
	// decoded it (an SVG refused by a policy or malformed has none).
	do(t, ctx, shown("figure.timeline-chart img"))
	loaded := run(t, ctx, chromedp.Evaluate[bool](`(async () => {
		const img = document.querySelector("figure.timeline-chart img");
		if (!img.complete) { await new Promise(r => { img.onload = r; img.onerror = r; }); }
		return img.naturalWidth > 0 && img.naturalHeight > 0;
	})()`, chromedp.EvalAwaitPromise))
	if !loaded {
		t.Error("the chart image did not load")
	}
	if alt := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("figure.timeline-chart img").alt`)); !strings.Contains(alt, "600,000") {
		t.Errorf("the chart's text alternative does not give the values: %q", alt)
	}

	img := pageScreenshot(t, ctx)
	if os.Getenv("PLANTRACKER_SCREENSHOTS") != "" {
		if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
			t.Fatal(err)
		}
		writeScreenshot(t, filepath.Join(screenshotDir, "timeline.png"), img)
	}
}
