package ui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWordingWarning: change only the troop cap's limit to 650000.
// While typing, the form hints that the wording still says 600,000; saving
// asks first and saves nothing; "Save anyway" saves, and the draft's row
// and the summary exports flag the provision.
func TestBrowserWordingWarning(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	tc := id(seeded.troopCap28)
	const flag = "wording still says 600,000"

	do(t, ctx,
		openTroopCapForm(base),
		chromedp.Evaluate[chromedp.Void](`(() => { const i = document.getElementById("terms-limit"); i.value = "650000"; i.dispatchEvent(new Event("input", {bubbles: true})); })()`),
		shown("#terms-limit-wording-hint"),
	)
	if hint := run(t, ctx, chromedp.Text(chromedp.ID("terms-limit-wording-hint"))); !strings.Contains(hint, flag) {
		t.Errorf("the live hint reads %q", hint)
	}

	do(t, ctx, clickAndWait("save", "wording-warning"))
	warning := run(t, ctx, chromedp.Text(chromedp.ID("wording-warning")))
	for _, want := range []string{flag, "Limit is 650,000 people", "nothing was saved yet", "Save anyway"} {
		if !strings.Contains(warning, want) {
			t.Errorf("the warning lacks %q:\n%s", want, warning)
		}
	}
	if focused := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "wording-warning" {
		t.Errorf("focus is on %q, not the warning", focused)
	}
	if v := run(t, ctx, chromedp.Value(chromedp.ID("terms-limit"))); v != "650000" {
		t.Errorf("the form lost the limit: %q", v)
	}
	if p, _ := s.Provision(context.Background(), seeded.troopCap28); p.Version != 1 {
		t.Fatalf("the warning saved the provision (version %d)", p.Version)
	}

	do(t, ctx, clickAndWait("save-anyway", "p-"+tc))
	if p, _ := s.Provision(context.Background(), seeded.troopCap28); p.Version != 2 || !strings.Contains(string(p.Terms), `"limit":650000`) {
		t.Fatalf("saving anyway stored %s at version %d", p.Terms, p.Version)
	}
	if row := run(t, ctx, chromedp.Text(chromedp.CSS("#p-"+tc+" .wording-flags"))); !strings.Contains(row, flag) {
		t.Errorf("the draft's row flags %q", row)
	}
	exports := run(t, ctx, chromedp.Evaluate[map[string]string](`(async () => {
		const out = {};
		for (const f of ["md", "csv"]) {
			const r = await fetch("/drafts/`+id(seeded.draft28)+`/summary." + f);
			out[f] = await r.text();
		}
		return out;
	})()`, chromedp.EvalAwaitPromise))
	for format, body := range exports {
		if !strings.Contains(body, flag) {
			t.Errorf("the %s summary does not flag the troop cap", format)
		}
	}
}
