package ui_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The pages of who agrees render in a real browser: the stance map's table,
// the party's checks and the gaps table are laid out and visible. With
// PLANTRACKER_AGREE_SHOTS set to a folder, their screenshots are written
// there to look at.
func TestBrowserAgreePages(t *testing.T) {
	t.Parallel()
	ctx := tabFor(t, 3*time.Minute)
	base, _ := liveServer(t, ctx)
	dir := os.Getenv("PLANTRACKER_AGREE_SHOTS")
	for _, shot := range []struct{ name, path, visible string }{
		{"party", "/parties/UA", "party-provisions"},
		{"stances", "/drafts/" + id(seeded.draft28) + "/stances", "stance-map"},
		{"gaps", "/gaps/troop-cap", "gaps-table"},
	} {
		do(t, ctx, openAndWait(base+shot.path, shot.visible))
		if dir == "" {
			continue
		}
		b := run(t, ctx, chromedp.FullScreenshot(100))
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, shot.name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
