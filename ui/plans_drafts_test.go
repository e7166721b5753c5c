package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plantracker/models"
)

// TestPlanAndDraftForms: a plan is created and edited, a draft added to
// it and edited, every page a valid form, every bad value beside its field.
func TestPlanAndDraftForms(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	for _, path := range []string{"/plans/new", "/drafts/" + id(seeded.draft28) + "/edit", "/drafts/" + id(seeded.draft28) + "/fork"} {
		res, body := a.get(path)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: status %d\n%s", path, res.StatusCode, excerpt(body))
		}
		checkPage(t, path, body)
	}
	res, body := a.post("/plans", url.Values{"title": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="title-error"`) {
		t.Fatalf("plan without a title: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post("/plans", url.Values{"title": {"Turkish track"}, "origin": {"UA"}, "description": {"Talks in Istanbul."}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "/drafts/new") {
		t.Fatalf("new plan: status %d, location %q\n%s", res.StatusCode, res.Header.Get("Location"), excerpt(body))
	}
	newDraft := res.Header.Get("Location")
	planPath := strings.TrimSuffix(newDraft, "/drafts/new")
	res, body = a.get(newDraft)
	if res.StatusCode != 200 || !strings.Contains(body, "New draft of Turkish track") {
		t.Fatalf("GET %s: status %d\n%s", newDraft, res.StatusCode, excerpt(body))
	}
	checkPage(t, newDraft, body)
	res, body = a.post(planPath+"/edit", nil)
	if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST edit: status %d", res.StatusCode)
	}
	res, body = a.post(planPath, url.Values{"version": {"1"}, "title": {"Istanbul track"}, "origin": {"UA"}, "description": {"Talks in Istanbul."}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit plan: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post(planPath, url.Values{"version": {"1"}, "title": {"Stale"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Istanbul track") {
		t.Errorf("stale plan edit: status %d\n%s", res.StatusCode, excerpt(body))
	}

	res, body = a.post(strings.TrimSuffix(newDraft, "/new"), url.Values{"label": {""}, "date": {"yesterday"}, "status": {"working"}, "coverage": {"partial"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="label-error"`) || !strings.Contains(body, `id="date-error"`) {
		t.Fatalf("bad draft: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post(strings.TrimSuffix(newDraft, "/new"), url.Values{"label": {"Istanbul text"}, "date": {"2025-12-01"}, "status": {"working"}, "coverage": {"partial"},
		"description": {"First text."}, "signatories": {"UA", "RU"}, "sources.0.source": {"test-source"}, "sources.0.sourcing": {"reported"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("new draft: status %d\n%s", res.StatusCode, excerpt(body))
	}
	draftPath := res.Header.Get("Location")
	res, body = a.get(draftPath + "/edit")
	if res.StatusCode != 200 || !strings.Contains(body, `value="Istanbul text"`) || !strings.Contains(body, `value="UA" checked`) {
		t.Fatalf("edit form: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, draftPath+"/edit", body)
	res, body = a.post(draftPath, url.Values{"version": {"1"}, "label": {"Istanbul text"}, "date": {"2025-12-02"}, "status": {"circulated"}, "coverage": {"complete"},
		"stage": {""}, "description": {"Circulated."}, "signatories": {"RU", "UA"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit draft: status %d\n%s", res.StatusCode, excerpt(body))
	}
	var d models.Draft
	plans, _ := a.store.Plans(ctx)
	for _, p := range plans {
		if p.Title == "Istanbul track" {
			ds, _ := a.store.Drafts(ctx, p.ID)
			d = ds[0]
		}
	}
	if d.Status != "circulated" || d.Coverage != "complete" || d.Date != "2025-12-02" || strings.Join(d.Signatories, ",") != "RU,UA" || len(d.Sources) != 0 || d.Version != 2 {
		t.Errorf("after the edit the draft is %+v", d)
	}
}

// TestForkAsksForALabel: a fork without a label is refused with the form;
// with one, it is the next draft, without its parent's description.
func TestForkAsksForALabel(t *testing.T) {
	a := newApp(t)
	path := "/drafts/" + id(seeded.draft28) + "/fork"
	res, body := a.post(path, url.Values{"label": {""}, "date": {"2025-12-01"}, "status": {"working"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="label-error"`) {
		t.Fatalf("fork without a label: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post(path, url.Values{"label": {"Miami text"}, "date": {"2025-12-01"}, "status": {"circulated"}, "description": {""}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("fork: status %d\n%s", res.StatusCode, excerpt(body))
	}
	var forkID int64
	if err := json.Unmarshal([]byte(strings.TrimPrefix(res.Header.Get("Location"), "/drafts/")), &forkID); err != nil {
		t.Fatal(err)
	}
	f, err := a.store.Draft(context.Background(), forkID)
	orig, _ := a.store.Draft(context.Background(), seeded.draft28)
	if err != nil || f.Label != "Miami text" || f.Status != "circulated" || f.Date != "2025-12-01" || (orig.Description != "" && f.Description == orig.Description) {
		t.Errorf("fork %+v (%v)", f, err)
	}
}

// TestDeleteAndUndoADraft: a delete asks first; a deleted draft with its
// provisions comes back identical from the Deleted list; a referred-to
// party is refused, saying by what.
func TestDeleteAndUndoADraft(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	// A draft nothing is forked from: a new fork of the 28-point draft.
	res, _ := a.post("/drafts/"+id(seeded.draft28)+"/fork", url.Values{"label": {"To delete"}, "date": {"2025-12-01"}, "status": {"working"}})
	var did int64
	json.Unmarshal([]byte(strings.TrimPrefix(res.Header.Get("Location"), "/drafts/")), &did)
	before, _ := a.store.Draft(ctx, did)
	beforeProv, _ := a.store.DraftProvisions(ctx, did)
	if len(beforeProv) == 0 {
		t.Fatal("the fork has no provisions")
	}
	res, body := a.get("/drafts/" + id(did) + "/delete")
	if res.StatusCode != 200 || !strings.Contains(body, `id="confirm-delete"`) || !strings.Contains(body, "provisions") {
		t.Fatalf("confirm: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "confirm", body)
	res, body = a.post("/drafts/"+id(did)+"/delete", url.Values{"version": {id(int64(before.Version))}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if _, err := a.store.Draft(ctx, did); err == nil {
		t.Fatal("the draft is still there")
	}
	res, body = a.get("/history")
	if res.StatusCode != 200 || !strings.Contains(body, ">Deleted</span>") {
		t.Errorf("history: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.get("/deleted")
	if res.StatusCode != 200 || !strings.Contains(body, "To delete") {
		t.Fatalf("deleted: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/deleted", body)
	i := strings.Index(body, `action="/changes/`)
	action := body[i+len(`action="`):]
	action = action[:strings.Index(action, `"`)]
	res, body = a.post(action, url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: status %d\n%s", res.StatusCode, excerpt(body))
	}
	after, err := a.store.Draft(ctx, did)
	afterProv, _ := a.store.DraftProvisions(ctx, did)
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	p1, _ := json.Marshal(beforeProv)
	p2, _ := json.Marshal(afterProv)
	if err != nil || string(p1) != string(p2) {
		t.Errorf("the draft came back different (%v):\n%s\n%s\n%s\n%s", err, b1, b2, p1, p2)
	}
	_, body = a.get("/history")
	if !strings.Contains(body, ">Restored</span>") {
		t.Errorf("history does not name the undo a restore\n%s", excerpt(body))
	}

	// A party the seed drafts name is refused, saying by what.
	ua, _ := a.store.Party(ctx, seeded.partyUA)
	res, body = a.post("/parties/"+id(ua.ID)+"/delete", url.Values{"version": {id(int64(ua.Version))}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Party UA is still referenced by") {
		t.Errorf("delete a party in use: status %d\n%s", res.StatusCode, excerpt(body))
	}
	// A viewer sees no delete links and cannot delete.
	a.signIn("vera")
	if res, _ := a.post("/drafts/"+id(did)+"/delete", url.Values{"version": {"1"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("viewer delete: status %d", res.StatusCode)
	}
}

// newPlanWithDraft stores a plan with one draft, made by ed.
func newPlanWithDraft(t *testing.T, a *app, title string, draft models.DraftInput) (models.Plan, models.Draft) {
	t.Helper()
	ctx := context.Background()
	p, err := a.store.CreatePlan(ctx, "ed", models.Plan{Title: title})
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.store.CreateDraft(ctx, "ed", draft.Draft(p.ID))
	if err != nil {
		t.Fatal(err)
	}
	return p, d
}

// TestDeleteAndUndoAPlan: a plan goes with its drafts and their
// provisions, and comes back with them; a draft others were forked from is
// refused, naming them.
func TestDeleteAndUndoAPlan(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	p, d := newPlanWithDraft(t, a, "Istanbul track", models.DraftInput{Label: "Istanbul text", Date: "2025-12-01", Status: "working", Coverage: "partial"})
	if _, err := a.store.CreateProvision(ctx, "test", models.Provision{DraftID: d.ID, Key: "prisoners", Kind: "other", Title: "Prisoner exchange", Sourcing: "unconfirmed", Sources: testCites}); err != nil {
		t.Fatal(err)
	}
	res, body := a.get("/plans/" + id(p.ID) + "/delete")
	if res.StatusCode != 200 || !strings.Contains(body, "1 draft and their 1 provision") {
		t.Fatalf("confirm: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, body = a.post("/plans/"+id(p.ID)+"/delete", url.Values{"version": {"1"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if _, err := a.store.Draft(ctx, d.ID); err == nil {
		t.Fatal("the plan's draft is still there")
	}
	_, body = a.get("/deleted")
	if !strings.Contains(body, "with 1 draft, 1 provision") {
		t.Errorf("the Deleted page does not say what went with the plan\n%s", excerpt(body))
	}
	i := strings.Index(body, `action="/changes/`)
	action := body[i+len(`action="`):]
	action = action[:strings.Index(action, `"`)]
	if res, body = a.post(action, url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: status %d\n%s", res.StatusCode, excerpt(body))
	}
	if ps, err := a.store.DraftProvisions(ctx, d.ID); err != nil || len(ps) != 1 || ps[0].Title != "Prisoner exchange" {
		t.Errorf("after the undo: %+v (%v)", ps, err)
	}
	// The 28-point draft, which the E3 counter-proposal was forked from.
	d28, _ := a.store.Draft(ctx, seeded.draft28)
	res, body = a.post("/drafts/"+id(d28.ID)+"/delete", url.Values{"version": {id(int64(d28.Version))}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "forked from it") {
		t.Errorf("deleting a draft forked from: status %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "refused", body)
}
