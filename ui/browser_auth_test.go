package ui_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSignInEditSignOutBack: sign in through the page, edit, sign
// out, and the back button shows the sign-in page, not the data.
func TestBrowserSignInEditSignOutBack(t *testing.T) {
	t.Parallel()
	ctx, base, _ := editorTab(t) // signs in as ed through the sign-in page
	tc := id(seeded.troopCap28)
	do(t, ctx,
		openTroopCapForm(base),
		chromedp.SetValue(chromedp.ID("terms-limit"), "700000"),
		chromedp.SetValue(chromedp.ID("text"), "The Armed Forces of Ukraine are capped at 700,000."),
		clickAndWait("save", "p-"+tc),
	)
	if got := textOf(t, ctx, "p-"+tc); !strings.Contains(got, "700,000") {
		t.Fatalf("the edit did not show: %q", got)
	}
	do(t, ctx,
		clickAndWait("sign-out", "sign-in"),
		chromedp.NavigateBack(),
		chromedp.WaitReady(chromedp.CSS("body")),
	)
	body := run(t, ctx, chromedp.Text(chromedp.CSS("main")))
	if strings.Contains(body, "700,000") || strings.Contains(body, "Armed Forces") {
		t.Fatalf("after signing out, the back button shows the draft:\n%s", body)
	}
	if loc := run(t, ctx, chromedp.Location()); !strings.Contains(loc, "/login") {
		t.Fatalf("after signing out, back lands on %s, want the sign-in page", loc)
	}
}
