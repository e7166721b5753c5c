package ui_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"plantracker/models"
	"plantracker/store"
)

// The steps the browser tests share: how a test gets a signed-in tab, and
// the moves an analyst makes on every page (go to a page, press a button)
// together with the wait that says the page answered.

// editorTab opens a tab signed in as ed, an editor, to a live server of
// its own over a fresh copy of the seeded database.
func editorTab(t *testing.T) (context.Context, string, *store.Store) {
	t.Helper()
	ctx := tab(t)
	base, s := liveServer(t, ctx)
	return ctx, base, s
}

// adminTab opens a tab signed in as root, an admin, who sees every page
// and every control, to a live server of its own over a fresh copy of the
// seeded database.
func adminTab(t *testing.T) (context.Context, string, *store.Store) {
	t.Helper()
	ctx := tab(t)
	s := openStore(t)
	if _, err := s.CreateUser(context.Background(), "test", models.User{Username: "root", Role: models.RoleAdmin}, testPassword); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(testEngine(s))
	t.Cleanup(func() { closeLive(srv) })
	signInBrowser(t, ctx, srv.URL, "root")
	return ctx, srv.URL, s
}

// openAndWait goes to the address and waits until the element with the
// id shows: the page has loaded far enough to be used. Both steps here
// ask the page itself (shown, clickInPage), not chromedp's copy of the DOM,
// which under load can lose a new page's nodes for good (chromedp issue
// 1593: see shown).
func openAndWait(url, visibleID string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Navigate(url), shown("#"+visibleID))
}

// clickAndWait presses the button (or link) with the id and waits until
// the element with the other id shows: the page's answer to the press.
func clickAndWait(buttonID, visibleID string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(clickOn("#"+buttonID), shown("#"+visibleID))
}

// openTroopCapForm goes to the edit form of the 28-point draft's troop
// cap, the provision most browser tests edit, and waits for its limit.
func openTroopCapForm(base string) chromedp.Action[chromedp.Void] {
	return openAndWait(base+"/provisions/"+id(seeded.troopCap28)+"/edit", "terms-limit")
}

// pageScreenshot is a picture of the whole page the tab shows, which must
// be a PNG image.
func pageScreenshot(t *testing.T, ctx context.Context) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(run(t, ctx, chromedp.FullScreenshot(100))))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG image: %v", err)
	}
	return img
}

// clickOn waits until the element matching the CSS selector shows, then
// clicks it from the page's JavaScript, as clickAndWait does.
func clickOn(selector string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(shown(selector), clickInPage(selector))
}
