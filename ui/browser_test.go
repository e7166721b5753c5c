package ui_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"plantracker/models"
	"plantracker/store"
	"plantracker/ui/export"
)

// TestBrowserEditTroopCap: change the 28-point draft's troop cap through
// the form, save (anyway: the wording still says 600,000), reload, and
// find the new value on the draft and in the provision's history.
func TestBrowserEditTroopCap(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	tc := id(seeded.troopCap28)

	do(t, ctx,
		openTroopCapForm(base),
		chromedp.SetValue(chromedp.ID("terms-limit"), "650000"),
		clickAndWait("save", "save-anyway"),
		clickAndWait("save-anyway", "p-"+tc),
		chromedp.Reload(),
		shown("#p-"+tc),
	)
	if got := run(t, ctx, chromedp.Text(chromedp.ID("p-"+tc))); !strings.Contains(got, "650,000 people") {
		t.Errorf("after saving and reloading, the troop cap reads %q; want 650,000 people", got)
	}
	if u := run(t, ctx, chromedp.Location()); !strings.HasSuffix(u, "/drafts/"+id(seeded.draft28)+"#p-"+tc) {
		t.Errorf("after saving, the browser is at %s; want the draft, at the provision", u)
	}
	p, err := s.Provision(context.Background(), seeded.troopCap28)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(p.Terms), `"limit":650000`) || p.Version != 2 {
		t.Errorf("stored terms %s at version %d", p.Terms, p.Version)
	}

	do(t, ctx, chromedp.Navigate(base+"/provisions/"+tc+"/history"))
	history := run(t, ctx, chromedp.Text(chromedp.CSS("ol.change-list")))
	if !regexp.MustCompile(`Limit:\s*600,000 people\s*→\s*650,000 people`).MatchString(history) {
		t.Errorf("the history does not show the change:\n%s", history)
	}
	if !regexp.MustCompile(`(?m)^\s*ed\s*$`).MatchString(history) || !strings.Contains(history, "Changed") {
		t.Errorf("the history does not say who changed what:\n%s", history)
	}
}

// TestBrowserInvalidValueShowsErrorBesideField: a limit of -5 is refused,
// the error is shown beside the field, and what was typed is kept.
func TestBrowserInvalidValueShowsErrorBesideField(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)

	do(t, ctx,
		openTroopCapForm(base),
		chromedp.SetValue(chromedp.ID("terms-limit"), "-5"),
		chromedp.SetValue(chromedp.ID("title"), "Cap, edited"),
		clickAndWait("save", "terms-limit-error"),
	)
	if msg := run(t, ctx, chromedp.Text(chromedp.ID("terms-limit-error"))); !strings.Contains(msg, "must be at least 1") {
		t.Errorf("the limit's error reads %q", msg)
	}
	// The error sits in the limit's own field, and the input points at it.
	inField := run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("terms-limit-error").closest(".field").contains(document.getElementById("terms-limit"))`))
	described := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("terms-limit").getAttribute("aria-describedby") || ""`))
	if !inField || !strings.Contains(described, "terms-limit-error") {
		t.Errorf("the error is not beside its field (same field: %v, aria-describedby %q)", inField, described)
	}
	if v := run(t, ctx, chromedp.Value(chromedp.ID("terms-limit"))); v != "-5" {
		t.Errorf("the limit input holds %q; want what was typed, -5", v)
	}
	if v := run(t, ctx, chromedp.Value(chromedp.ID("title"))); v != "Cap, edited" {
		t.Errorf("the title input holds %q; want what was typed", v)
	}
	if summary := run(t, ctx, chromedp.Text(chromedp.ID("error-summary"))); !strings.Contains(summary, "Limit") {
		t.Errorf("the error summary does not name the field: %q", summary)
	}
	p, _ := s.Provision(context.Background(), seeded.troopCap28)
	if p.Version != 1 || p.Title != "Cap on the Armed Forces of Ukraine" {
		t.Errorf("a refused save changed the provision: version %d, title %q", p.Version, p.Title)
	}
}

// TestBrowserStaleSaveShowsConflict: someone changes the provision while
// the form is open; saving the form then writes nothing and shows their
// change.
func TestBrowserStaleSaveShowsConflict(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	tc := id(seeded.troopCap28)

	do(t, ctx, openTroopCapForm(base))
	terms := json.RawMessage(`{"party":"UA","force":"Armed Forces of Ukraine","limit":700000}`)
	if _, err := s.UpdateProvision(context.Background(), "someone-else", seeded.troopCap28, 1, models.ProvisionPatch{Terms: &terms}); err != nil {
		t.Fatal(err)
	}
	// The open form hears of the save (live edits) and asks before saving
	// over it; the analyst goes ahead, and the server, which has the last
	// word, refuses and shows the other version.
	var asked atomic.Int32
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			asked.Add(1)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		shown("#live-reload"),
		chromedp.SetValue(chromedp.ID("terms-limit"), "650000"),
		clickAndWait("save", "conflict"),
	)
	if asked.Load() != 1 {
		t.Errorf("the form asked %d times before saving over a newer version, want once", asked.Load())
	}
	notice := run(t, ctx, chromedp.Text(chromedp.ID("conflict")))
	for _, want := range []string{"Someone else changed this provision since you opened it", "someone-else", "600,000 people", "700,000 people", "Nothing was saved"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the conflict notice lacks %q:\n%s", want, notice)
		}
	}
	if v := run(t, ctx, chromedp.Value(chromedp.ID("terms-limit"))); v != "650000" {
		t.Errorf("the form lost what was typed: limit %q", v)
	}
	p, _ := s.Provision(context.Background(), seeded.troopCap28)
	if !strings.Contains(string(p.Terms), `"limit":700000`) || p.Version != 2 {
		t.Errorf("the stale save overwrote their change: %s, version %d", p.Terms, p.Version)
	}

	// Saving again is the deliberate choice to replace their change.
	do(t, ctx, clickAndWait("save", "p-"+tc))
	p, _ = s.Provision(context.Background(), seeded.troopCap28)
	if !strings.Contains(string(p.Terms), `"limit":650000`) || p.Version != 3 {
		t.Errorf("saving over their change: %s, version %d", p.Terms, p.Version)
	}
}

// TestBrowserCompare: the 28-point draft against the E3 counter-proposal
// shows the troop cap's change with its delta and the counts.
func TestBrowserCompare(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	cmp, err := s.Comparison(context.Background(), seeded.draft28, seeded.e3)
	if err != nil {
		t.Fatal(err)
	}

	do(t, ctx, chromedp.Navigate(base+"/compare?from="+id(seeded.draft28)+"&to="+id(seeded.e3)))
	row := run(t, ctx, chromedp.Text(chromedp.ID("key-troop-cap")))
	if !regexp.MustCompile(`600,000( people)? → 800,000`).MatchString(row) || !strings.Contains(row, "+33.3%") {
		t.Errorf("the troop-cap row does not read 600,000 → 800,000 (+33.3%%):\n%s", row)
	}
	if !strings.Contains(row, "Changed") {
		t.Errorf("the troop-cap row is not marked changed:\n%s", row)
	}
	counts := run(t, ctx, chromedp.Text(chromedp.CSS("ul.counts")))
	for _, want := range []string{itoa(cmp.Counts.Added) + " added", itoa(cmp.Counts.Removed) + " removed", itoa(cmp.Counts.Changed) + " changed"} {
		if !strings.Contains(counts, want) {
			t.Errorf("the counts read %q; want %q", counts, want)
		}
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#key-troop-cap ins, #key-troop-cap del").length`)); n == 0 {
		t.Errorf("the troop-cap row marks no insertion or deletion")
	}
}

// TestBrowserHideUnchangedRows: a fork differs from its original in one
// provision; the toggle hides every other row in place and keeps the choice
// in the address.
func TestBrowserHideUnchangedRows(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	bg := context.Background()
	fork, err := s.ForkDraft(bg, "tester", seeded.draft28, models.ForkInput{Label: "Working copy"})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.Provisions(bg, store.ProvisionFilter{DraftID: fork.ID, Kind: "troop_cap"})
	if err != nil || len(ps.Items) != 1 {
		t.Fatalf("the fork's troop cap: %v %v", ps.Items, err)
	}
	terms := json.RawMessage(`{"party":"UA","limit":800000}`)
	if _, err := s.UpdateProvision(bg, "tester", ps.Items[0].ID, 0, models.ProvisionPatch{Terms: &terms}); err != nil {
		t.Fatal(err)
	}

	do(t, ctx, chromedp.Navigate(base+"/compare?from="+id(seeded.draft28)+"&to="+id(fork.ID)))
	shown := `Array.from(document.querySelectorAll("tbody.key-row")).filter(b => getComputedStyle(b).display !== "none").map(b => b.dataset.key)`
	before := run(t, ctx, chromedp.Evaluate[[]string](shown))
	if len(before) < 2 {
		t.Fatalf("before the toggle only %v show", before)
	}
	do(t, ctx, clickOn("#toggle-unchanged"))
	after := run(t, ctx, chromedp.Evaluate[[]string](shown))
	if len(after) != 1 || after[0] != "troop-cap" {
		t.Errorf("after hiding unchanged rows, %v show; want only troop-cap", after)
	}
	if u := run(t, ctx, chromedp.Location()); !strings.Contains(u, "unchanged=hide") {
		t.Errorf("the address %s does not keep the choice", u)
	}
	if label := run(t, ctx, chromedp.Text(chromedp.ID("toggle-unchanged"))); label != "Show unchanged and not reported rows" {
		t.Errorf("the toggle reads %q after hiding", label)
	}
	if pressed := run(t, ctx, chromedp.AttributeValue(chromedp.ID("toggle-unchanged"), "aria-pressed")); pressed.Value != "true" {
		t.Errorf("the toggle button is not marked pressed: %+v", pressed)
	}
	do(t, ctx, clickOn("#toggle-unchanged"))
	if again := run(t, ctx, chromedp.Evaluate[[]string](shown)); len(again) != len(before) {
		t.Errorf("showing them again shows %d rows, want %d", len(again), len(before))
	}
}

// TestBrowserExportComparison downloads the comparison as CSV and PDF from
// the links the compare page shows. It passes once ui/export is written.
func TestBrowserExportComparison(t *testing.T) {
	t.Parallel()
	ctx, base, _ := editorTab(t)
	do(t, ctx, chromedp.Navigate(base+"/compare?from="+id(seeded.draft28)+"&to="+id(seeded.e3)))
	type download struct {
		Status      int    `json:"status"`
		Type        string `json:"type"`
		Disposition string `json:"disposition"`
		Head        string `json:"head"`
		Size        int    `json:"size"`
	}
	got := run(t, ctx, chromedp.Evaluate[map[string]download](`(async () => {
		const out = {};
		for (const a of document.querySelectorAll(".export a")) {
			const r = await fetch(a.href);
			const body = await r.arrayBuffer();
			out[a.textContent.trim()] = {status: r.status, type: r.headers.get("content-type") || "",
				disposition: r.headers.get("content-disposition") || "",
				head: new TextDecoder().decode(body.slice(0, 5)), size: body.byteLength};
		}
		return out;
	})()`, chromedp.EvalAwaitPromise))
	for _, f := range []struct{ label, ext, head string }{{"CSV", "csv", ""}, {"PDF", "pdf", "%PDF-"}} {
		d, ok := got[f.label]
		if !ok {
			t.Errorf("the compare page has no %s export link (links: %v)", f.label, got)
			continue
		}
		if d.Status != 200 {
			t.Errorf("%s: status %d", f.label, d.Status)
			continue
		}
		if want := export.ContentType(f.ext); want == "" || d.Type != want {
			t.Errorf("%s: content type %q, want %q", f.label, d.Type, want)
		}
		if !strings.HasPrefix(d.Disposition, `attachment; filename="`) || !strings.HasSuffix(d.Disposition, "."+f.ext+`"`) {
			t.Errorf("%s: Content-Disposition %q", f.label, d.Disposition)
		}
		if d.Size == 0 || !strings.HasPrefix(d.Head, f.head) {
			t.Errorf("%s: %d bytes starting %q", f.label, d.Size, d.Head)
		}
	}
}

// TestBrowserScriptInTextIsShownAsText: a provision whose wording is a
// script tag shows the tag as text, and nothing runs.
func TestBrowserScriptInTextIsShownAsText(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	const text = `<script>alert(1)</script>`
	const title = `<img src=x onerror="window.__xss=1">`
	if _, err := s.CreateSource(context.Background(), "tester", models.Source{Key: "xss-source", Publisher: "Hostile",
		Title: `<b onmouseover="window.__xss=2">cite</b>`}); err != nil {
		t.Fatal(err)
	}
	p, err := s.CreateProvision(context.Background(), "tester", models.Provision{DraftID: seeded.draft28, Key: "xss-test",
		Kind: "other", Title: title, Text: text, Sourcing: "unconfirmed", Sources: []models.Citation{{Source: "xss-source", Sourcing: "unconfirmed"}}})
	if err != nil {
		t.Fatal(err)
	}
	var dialogs atomic.Int32
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
		}
	}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/drafts/" + id(seeded.draft28), "/provisions/" + id(p.ID), "/provisions/" + id(p.ID) + "/edit", "/provisions/" + id(p.ID) + "/history"} {
		do(t, ctx, chromedp.Navigate(base+path))
		if run(t, ctx, chromedp.Evaluate[bool](`typeof window.__xss !== "undefined"`)) {
			t.Errorf("%s: injected markup ran", path)
		}
		injected := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("main script, main img, main b").length`))
		if injected != 0 {
			t.Errorf("%s: %d injected elements in the page", path, injected)
		}
	}
	do(t, ctx, chromedp.Navigate(base+"/drafts/"+id(seeded.draft28)))
	if got := run(t, ctx, chromedp.Text(chromedp.CSS("#p-"+id(p.ID)+" .wording"))); got != text {
		t.Errorf("the wording shows as %q; want the text %q", got, text)
	}
	if got := run(t, ctx, chromedp.Text(chromedp.CSS("#p-"+id(p.ID)+" .title"))); got != title {
		t.Errorf("the title shows as %q; want the text %q", got, title)
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
}

// TestBrowserNewProvisionWithKeyboardAndScript: the kind select re-renders
// the form (with JavaScript, on change), keeping what was typed; Enter in a
// field saves.
func TestBrowserNewProvisionWithKeyboardAndScript(t *testing.T) {
	t.Parallel()
	ctx, base, s := editorTab(t)
	d28 := id(seeded.draft28)

	do(t, ctx,
		chromedp.Navigate(base+"/drafts/"+d28+"/provisions/new"),
		chromedp.SendKeys(chromedp.ID("title"), "Cap on the navy"),
	)
	if run(t, ctx, chromedp.Evaluate[bool](`getComputedStyle(document.getElementById("change-kind")).display !== "none"`)) {
		t.Errorf("with JavaScript, the Change kind button should be hidden")
	}
	do(t, ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("kind"); s.value = "troop_cap"; s.dispatchEvent(new Event("change")); })()`),
		shown("#terms-limit"),
	)
	if v := run(t, ctx, chromedp.Value(chromedp.ID("title"))); v != "Cap on the navy" {
		t.Errorf("changing the kind lost the title: %q", v)
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.ID("key"), "troop-cap-navy"),
		chromedp.SetValue(chromedp.ID("terms-party"), "UA"),
		chromedp.SetValue(chromedp.ID("sourcing"), "unconfirmed"),
		chromedp.SetValue(chromedp.ID("sources-0-source"), "test-source"),
		chromedp.SendKeys(chromedp.ID("terms-limit"), "40000"+kb.Enter),
		shown(`tr[data-key="troop-cap-navy"]`),
	)
	page, err := s.Provisions(context.Background(), store.ProvisionFilter{DraftID: seeded.draft28, Query: "navy"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("the new provision was not stored: %v %v", page.Items, err)
	}
	if got := string(page.Items[0].Terms); got != `{"party":"UA","limit":40000}` {
		t.Errorf("stored terms %s", got)
	}
	if flash := run(t, ctx, chromedp.Text(chromedp.CSS(".flash"))); !strings.Contains(flash, "Cap on the navy") {
		t.Errorf("no message after saving: %q", flash)
	}
}

func itoa(n int) string { return id(int64(n)) }

// TestBrowserKindSelectFromKeyboard: arrow keys on the kind select do not
// send the form off at the first key; the Change kind button shows, and
// pressing it lays the form out for the chosen kind.
func TestBrowserKindSelectFromKeyboard(t *testing.T) {
	t.Parallel()
	ctx, base, _ := editorTab(t)
	do(t, ctx,
		chromedp.Navigate(base+"/drafts/"+id(seeded.draft28)+"/provisions/new"),
		chromedp.Focus(chromedp.ID("kind")),
		chromedp.KeyEvent(kb.ArrowDown),
		shown("#change-kind"),
	)
	chosen := run(t, ctx, chromedp.Value(chromedp.ID("kind")))
	if chosen == "" {
		t.Fatal("the arrow key chose no kind")
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("[name^='terms.']").length`)); n != 0 {
		t.Fatalf("the form re-rendered at the first key press (%d term inputs)", n)
	}
	do(t, ctx,
		chromedp.Focus(chromedp.ID("change-kind")),
		chromedp.KeyEvent(kb.Enter),
		shown("fieldset.terms-fields"),
	)
	if v := run(t, ctx, chromedp.Value(chromedp.ID("kind"))); v != chosen {
		t.Errorf("after Change kind the kind is %q, want %q", v, chosen)
	}
}
