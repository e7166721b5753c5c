package ui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

// TestBrowserPlanDraftProvisionUndo: an analyst's day, as a browser walks
// it: create a plan, add its first draft, edit the draft's details, add a
// provision, delete it (asked first) and undo the deletion.
func TestBrowserPlanDraftProvisionUndo(t *testing.T) {
	ctx, base, s := editorTab(t)
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		clickAndWait("new-plan", "plan-form"),
		chromedp.SendKeys(chromedp.ID("title"), "Istanbul track"),
		chromedp.SendKeys(chromedp.ID("description"), "Talks hosted by Türkiye."),
		clickAndWait("save", "draft-form"),
		chromedp.SendKeys(chromedp.ID("label"), "Istanbul text"),
		chromedp.SetValue(chromedp.ID("date"), "2025-12-01"),
		clickAndWait("save", "edit-draft"),
	)
	if h := run(t, ctx, chromedp.Text(chromedp.CSS("h1"))); !strings.Contains(h, "Istanbul text") {
		t.Fatalf("after adding the draft: %q", h)
	}
	do(t, ctx,
		clickAndWait("edit-draft", "draft-form"),
		chromedp.SetValue(chromedp.ID("status"), "circulated"),
		chromedp.SetValue(chromedp.ID("coverage"), "complete"),
		clickOn(`input[name="signatories"][value="UA"]`),
		clickAndWait("save", "edit-draft"),
	)
	draftURL := run(t, ctx, chromedp.Location())
	plans, _ := s.Plans(context.Background())
	var draftID int64
	for _, p := range plans {
		if p.Title == "Istanbul track" {
			ds, _ := s.Drafts(context.Background(), p.ID)
			if len(ds) == 1 && ds[0].Status == "circulated" && ds[0].Coverage == "complete" && strings.Join(ds[0].Signatories, ",") == "UA" {
				draftID = ds[0].ID
			} else {
				t.Fatalf("the draft is %+v", ds)
			}
		}
	}
	do(t, ctx,
		openAndWait(base+"/drafts/"+id(draftID)+"/provisions/new?kind=other", "title"),
		chromedp.SendKeys(chromedp.ID("title"), "Prisoner exchange"),
		chromedp.SendKeys(chromedp.ID("key"), "prisoner-exchange"),
		chromedp.SetValue(chromedp.ID("sourcing"), "unconfirmed"),
		chromedp.SetValue(chromedp.ID("sources-0-source"), "test-source"),
		clickOn("#save"),
		shown(`tr[data-key="prisoner-exchange"]`),
		clickOn(`tr[data-key="prisoner-exchange"] a.delete-link`),
		shown("#confirm-delete"),
		clickOn("#confirm-delete"),
		shown(".flash"),
	)
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('tr[data-key="prisoner-exchange"]').length`)); n != 0 {
		t.Fatalf("the provision is still on the draft page")
	}
	do(t, ctx,
		chromedp.Navigate(base+"/deleted"),
		clickOn(`.change-list button[id^="undo-"]`),
		shown(".flash"),
		chromedp.Navigate(draftURL),
		shown(`tr[data-key="prisoner-exchange"]`),
	)
	page, err := s.Provisions(context.Background(), store.ProvisionFilter{DraftID: draftID})
	if err != nil || len(page.Items) != 1 || page.Items[0].Title != "Prisoner exchange" {
		t.Errorf("after the undo: %+v (%v)", page.Items, err)
	}
}

// TestBrowserSearchAndSort: the header's search box finds provisions in
// every draft; a filter and a sort keep each other.
func TestBrowserSearchAndSort(t *testing.T) {
	ctx, base, _ := editorTab(t)
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.ID("site-q"), "troop\n"),
		shown("#result-count"),
	)
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("section.search-group").length`)); n < 2 {
		t.Fatalf("%d drafts in the results", n)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark").length`)); n == 0 {
		t.Errorf("no word marked")
	}
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("s-category"), "security"),
		clickOn("#search-button"),
		// The filtered page, not the one the click leaves: its select was
		// rendered with the choice (an attribute SetValue does not set), so
		// the sort link clicked next is not a node the navigation removes.
		chromedp.WaitReady(chromedp.CSS(`#s-category option[value="security"][selected]`)),
		shown("#sort-status"),
		clickOn("#sort-status"),
		shown(`#sort-status[aria-current]`),
	)
	loc := run(t, ctx, chromedp.Location())
	if !strings.Contains(loc, "q=troop") || !strings.Contains(loc, "category=security") || !strings.Contains(loc, "sort=status") {
		t.Errorf("sorting lost the filters: %s", loc)
	}
	if v := run(t, ctx, chromedp.Value(chromedp.ID("s-category"))); v != "security" {
		t.Errorf("category after sorting: %q", v)
	}
}

// TestBrowserAdminAddsUserWhoMakesAToken: an admin adds a user on the
// users page; the user signs in and creates an API token, whose secret the
// page shows once.
func TestBrowserAdminAddsUserWhoMakesAToken(t *testing.T) {
	ctx, base, s := adminTab(t)
	do(t, ctx,
		clickOn(`a[href="/users"]`),
		shown("#add-user"),
		chromedp.SendKeys(chromedp.ID("username"), "nadia"),
		chromedp.SetValue(chromedp.ID("role"), "editor"),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		clickAndWait("add-user-button", "user-nadia"),
		// The sign-in page's button, not #username: the users page has a
		// field of that id too, and navigating on before the sign-out's
		// own navigation ends aborts it.
		clickAndWait("sign-out", "sign-in"),
	)
	signInBrowser(t, ctx, base, "nadia")
	do(t, ctx,
		clickOn(`.user-menu a.user`),
		shown("#create-token"),
		chromedp.SendKeys(chromedp.ID("name"), "weekly export"),
		clickAndWait("create-token-button", "secret"),
	)
	secret := run(t, ctx, chromedp.Value(chromedp.ID("secret")))
	if u, _, err := s.TokenUser(context.Background(), secret); err != nil || u.Username != "nadia" {
		t.Errorf("the secret shown is not nadia's token: %v", err)
	}
}

// TestBrowserLiveEditNotice: two sessions on one draft; when one saves a
// provision, the other's draft page and open edit form say so within a
// second and offer to reload.
func TestBrowserLiveEditNotice(t *testing.T) {
	watcher, base, s := editorTab(t)
	saver := tab(t)
	signInBrowser(t, saver, base, "vera")
	if _, err := s.SetRole(context.Background(), "test", "vera", models.RoleEditor); err != nil {
		t.Fatal(err)
	}
	d28 := id(seeded.draft28)
	do(t, watcher, openAndWait(base+"/drafts/"+d28, "edit-draft"))
	// The stream is open once the page has loaded; give it a moment to connect.
	do(t, watcher, chromedp.Sleep(300*time.Millisecond))
	do(t, saver,
		openTroopCapForm(base),
		chromedp.SetValue(chromedp.ID("title"), "Cap on the armed forces, revised"),
		clickOn("#save"),
		shown(".flash"),
	)
	saved := time.Now()
	ctx, cancel := context.WithTimeout(watcher, 1500*time.Millisecond)
	defer cancel()
	if err := chromedp.Do(ctx, shown("#live-reload")); err != nil {
		t.Fatalf("no notice on the other session's draft page: %v", err)
	}
	if wait := time.Since(saved); wait > time.Second {
		t.Errorf("the notice came %v after the save", wait)
	}
	notice := run(t, watcher, chromedp.Text(chromedp.ID("live-notice")))
	if !strings.Contains(notice, "vera saved “Cap on the armed forces, revised”") {
		t.Errorf("notice %q", notice)
	}
	do(t, watcher,
		clickOn("#live-reload"),
		shown(`tr[data-key="troop-cap"]`),
	)
	if title := run(t, watcher, chromedp.Text(chromedp.CSS(`tr[data-key="troop-cap"] a.title`))); title != "Cap on the armed forces, revised" {
		t.Errorf("after reloading: %q", title)
	}
	// An open edit form hears of a save of its own provision.
	do(t, watcher,
		openTroopCapForm(base),
		chromedp.Sleep(300*time.Millisecond),
	)
	if _, err := s.UpdateProvision(context.Background(), "vera", seeded.troopCap28, 0, models.ProvisionPatch{Title: storetest.Ptr("Cap, revised again")}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(watcher, 1500*time.Millisecond)
	defer cancel()
	if err := chromedp.Do(ctx, shown("#live-reload")); err != nil {
		t.Fatalf("no notice on the open edit form: %v", err)
	}
	if notice := run(t, watcher, chromedp.Text(chromedp.ID("live-notice"))); !strings.Contains(notice, "since you opened this form") {
		t.Errorf("form notice %q", notice)
	}
}
