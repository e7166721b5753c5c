package ui_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"plantracker/models"
	"plantracker/store/storetest"
)

// TestBrowserScreenshots renders the main pages in the browser and checks
// each screenshot is a real picture of a page. With PLANTRACKER_SCREENSHOTS=1
// it writes them to docs/screenshots/, which the README shows:
//
//	PLANTRACKER_SCREENSHOTS=1 go test -tags sqlite_fts5 -run Screenshots ./ui/
func TestBrowserScreenshots(t *testing.T) {
	t.Parallel()
	ctx := tabFor(t, 6*time.Minute) // fourteen full pages: a few seconds each on a busy machine
	base, s := liveServer(t, ctx)
	terms := json.RawMessage(`{"party":"UA","force":"Armed Forces of Ukraine","limit":650000,"peacetime_only":true}`)
	if _, err := s.UpdateProvision(context.Background(), "analyst", seeded.troopCap28, 1, models.ProvisionPatch{Terms: &terms}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}); err != nil {
		t.Fatal(err)
	}
	d28, tc := id(seeded.draft28), id(seeded.troopCap28)
	takeScreenshots(t, ctx, base, []screenshot{
		{"home", "/", nil},
		{"draft", "/drafts/" + d28, nil},
		{"draft-filtered", "/drafts/" + d28 + "?category=security&party=UA", nil},
		{"compare", "/compare?from=" + d28 + "&to=" + id(seeded.e3), nil},
		{"matrix", "/matrix?drafts=" + d28 + "," + id(seeded.geneva) + "," + id(seeded.draft20) + "," + id(seeded.e3), nil},
		{"form", "/provisions/" + id(seeded.guarantee28) + "/edit", nil},
		{"form-errors", "/provisions/" + tc + "/edit", []chromedp.Action[chromedp.Void]{
			chromedp.SetValue(chromedp.ID("terms-limit"), "-5"),
			chromedp.SetValue(chromedp.ID("key"), "Troop Cap"),
			clickOn("#save"),
			shown("#error-summary"),
		}},
		{"form-conflict", "/provisions/" + id(seeded.guarantee28) + "/edit", []chromedp.Action[chromedp.Void]{
			chromedp.SetValue(chromedp.ID("terms-duration_years"), "15"),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				terms := json.RawMessage(`{"model":"article5_like","guarantors":["US","FR","UK"],"duration_years":20,"renewable":true}`)
				_, err := s.UpdateProvision(ctx, "colleague", seeded.guarantee28, 0, models.ProvisionPatch{Terms: &terms})
				return err
			}),
			// The open form hears of the colleague's save and will ask
			// before saving over it (accepted below); waiting for its notice
			// first makes that order certain. Clicking before the notice
			// arrived raced it: the question could open mid-click and hang
			// the step.
			shown("#live-reload"),
			clickOn("#save"),
			shown("#conflict"),
		}},
		{"history", "/provisions/" + tc + "/history", nil},
		{"parties", "/parties", nil},
		{"chronology", "/chronology", nil},
		{"party", "/parties/UA", nil},
		{"gaps", "/gaps/troop-cap", nil},
		// Last: the language chosen stays with the browser.
		{"home-uk", "/", []chromedp.Action[chromedp.Void]{
			clickOn("#lang-uk"),
			shown(`html[lang="uk"] #lang-uk[aria-pressed="true"]`),
		}},
		// In Ukrainian still: a provision's Ukrainian words, the English beside them.
		{"provision-uk", "/provisions/" + id(seeded.troopCap20), []chromedp.Action[chromedp.Void]{
			shown(`html[lang="uk"]`),
		}},
	})
}

// screenshot is one picture: a page, and the steps that bring it to the
// state to show.
type screenshot struct {
	name, path string
	steps      []chromedp.Action[chromedp.Void]
}

// takeScreenshots takes each screenshot in the tab and checks that it is a
// real picture of a page; with PLANTRACKER_SCREENSHOTS set it writes them to
// docs/screenshots/.
func takeScreenshots(t *testing.T, ctx context.Context, base string, shots []screenshot) {
	t.Helper()
	write := os.Getenv("PLANTRACKER_SCREENSHOTS") != ""
	if write {
		if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, shot := range shots {
		do(t, ctx, chromedp.Navigate(base+shot.path))
		do(t, ctx, shot.steps...)
		b := run(t, ctx, chromedp.FullScreenshot(100))
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", shot.name, err)
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w < 1000 || h < 400 {
			t.Errorf("%s: a %d×%d screenshot is too small for a page", shot.name, w, h)
		}
		if write {
			writeScreenshot(t, filepath.Join(screenshotDir, shot.name+".png"), img)
		}
	}
}

// screenshotHeight is the most of a page the README pictures show: the
// top of it, as a person first sees it, rather than a long strip.
const screenshotHeight = 1100

func writeScreenshot(t *testing.T, path string, img image.Image) {
	t.Helper()
	if b := img.Bounds(); b.Dy() > screenshotHeight {
		if sub, ok := img.(interface {
			SubImage(image.Rectangle) image.Image
		}); ok {
			img = sub.SubImage(image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+screenshotHeight))
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserScreenshotsOfTheDay pictures what the analyst's day added:
// the search across drafts, the plan form, and a live-edit notice on a
// draft someone else just saved (written to docs/screenshots/ as the
// others are, with PLANTRACKER_SCREENSHOTS=1).
func TestBrowserScreenshotsOfTheDay(t *testing.T) {
	ctx := tabFor(t, 2*time.Minute)
	base, s := liveServer(t, ctx)
	takeScreenshots(t, ctx, base, []screenshot{
		{"search", "/search?q=troop&sort=date", nil},
		{"plan-form", "/plans/new", []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.ID("title"), "Istanbul track"),
			chromedp.SendKeys(chromedp.ID("description"), "Talks hosted by Türkiye."),
		}},
		{"live-edit", "/drafts/" + id(seeded.draft28), []chromedp.Action[chromedp.Void]{
			chromedp.Sleep(300 * time.Millisecond),
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := s.UpdateProvision(ctx, "vera", seeded.troopCap28, 0, models.ProvisionPatch{Title: storetest.Ptr("Cap on the armed forces, revised")})
				return err
			}),
			shown("#live-reload"),
		}},
	})
}
