package ui_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"plantracker/models"
)

// The chronology page lists drafts and events by date; a draft's page
// shows its standing and the stances on it as a whole; the forms add them.
func TestChronologyAndDraftStancePages(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	d28 := id(seeded.draft28)
	scenario, err := a.store.CreateDraft(ctx, "ed", models.DraftInput{Label: "What if", Date: "2025-12-01", Standing: "scenario"}.Draft(mustDraft(t, a, seeded.draft28).PlanID))
	if err != nil {
		t.Fatal(err)
	}

	res, body := a.get("/chronology")
	if res.StatusCode != 200 {
		t.Fatalf("GET /chronology: %d\n%s", res.StatusCode, excerpt(body))
	}
	checkContains(t, "/chronology", body, `href="/chronology" aria-current="true"`, "US–Ukraine talks in Geneva", "Meeting", "Geneva", "US, UA",
		`href="/drafts/`+d28+`"`, "v1 28-point draft", `id="record-end"`, "Record to", `href="/drafts/`+id(seeded.geneva)+`">v2 Geneva revision</a>`)
	// Drafts before the event on the same day; the scenario is absent.
	if i, j := strings.Index(body, `id="draft-`+id(seeded.geneva)+`"`), strings.Index(body, "US–Ukraine talks in Geneva"); i < 0 || j < i {
		t.Errorf("the Geneva revision (%d) should come before the talks of the same day (%d)", i, j)
	}
	if strings.Contains(body, "What if") {
		t.Errorf("a scenario is in the chronology")
	}
	checkPage(t, "/chronology", body)
	if _, body := a.get("/chronology?include=scenarios"); !strings.Contains(body, "What if") || !strings.Contains(body, "Scenario — an analyst") {
		t.Errorf("include=scenarios lacks the scenario, marked\n%s", excerpt(body))
	}
	if _, body := a.get("/chronology?kind=exchange"); strings.Contains(body, "US–Ukraine talks") || strings.Contains(body, `class="entry-draft`) {
		t.Errorf("kind=exchange lists other things\n%s", excerpt(body))
	}

	// An event added through the form is on the page, and its key's timeline.
	res, body = a.post("/chronology/events", url.Values{"key": {"talks-test"}, "date": {"2025-11-21"}, "kind": {"statement"},
		"title": {"A test statement"}, "parties": {"RU"}, "keys": {"troop-cap"}, "drafts": {d28},
		"sources.0.source": {"white-house-2025-11-23-geneva-joint-statement"}, "sources.0.sourcing": {"reported"}})
	if res.StatusCode != 303 {
		t.Fatalf("POST event: %d\n%s", res.StatusCode, excerpt(body))
	}
	if _, body := a.get("/timeline/troop-cap"); !strings.Contains(body, "A test statement") || !strings.Contains(body, `id="timeline-events"`) {
		t.Errorf("the troop cap's timeline lacks the event\n%s", excerpt(body))
	}
	res, body = a.post("/chronology/events", url.Values{"key": {"bad"}, "date": {"2025-11-21"}, "end_date": {"2025-11-20"}, "kind": {"meeting"}, "title": {"T"}})
	if res.StatusCode != 422 || !strings.Contains(body, "must not be before date") {
		t.Errorf("end before start: %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "/chronology/events (422)", body)

	// A stance on the draft as a whole, through the form.
	res, body = a.post("/drafts/"+d28+"/stances", url.Values{"party": {"RU"}, "stance": {"rejects"}, "date": {"2025-11-24"},
		"quote": {"Not a basis."}, "sources.0.source": {"white-house-2025-11-23-geneva-joint-statement"}, "sources.0.sourcing": {"reported"}})
	if res.StatusCode != 303 {
		t.Fatalf("POST stance: %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.get("/drafts/" + d28)
	checkContains(t, "draft page", body, `id="draft-stances"`, "<strong class=\"party\">RU</strong>", "Rejects", "24 Nov 2025", "“Not a basis.”",
		"Joint statement after the US–Ukraine talks in Geneva", `class="badge standing standing-reported">Reported</span>`)
	checkPage(t, "/drafts/"+d28, body)
	if _, body := a.get("/drafts/" + id(scenario.ID)); !strings.Contains(body, "Scenario — an analyst&#39;s own, not part of the record") {
		t.Errorf("a scenario's page does not say so\n%s", excerpt(body))
	}
	if _, body := a.get("/"); !strings.Contains(body, `id="record-end"`) || !strings.Contains(body, "standing-scenario") {
		t.Errorf("home lacks the record's end or the scenario's badge\n%s", excerpt(body))
	}
	for _, p := range []string{"/chronology/events/new", "/drafts/" + d28 + "/stances/new"} {
		res, body := a.get(p)
		if res.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, res.StatusCode)
		}
		checkPage(t, p, body)
	}
}

func mustDraft(t *testing.T, a *app, id int64) models.Draft {
	t.Helper()
	d, err := a.store.Draft(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A stance on a draft as a whole is in the comparison's head and the
// exports' front matter, with where the record ends.
func TestDraftStancesInComparisonAndExports(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	if _, err := a.store.CreateDraftStance(ctx, "ed", models.DraftStanceInput{Party: "RU", Stance: "rejects", Date: "2025-11-24",
		Quote: "Not constructive.", Sources: []models.Citation{{Source: "white-house-2025-11-23-geneva-joint-statement", Sourcing: "reported"}}}.DraftStance(seeded.e3)); err != nil {
		t.Fatal(err)
	}
	d28, e3 := id(seeded.draft28), id(seeded.e3)
	_, body := a.get("/compare?from=" + d28 + "&to=" + e3)
	if !strings.Contains(body, `id="cmp-stances"`) || !strings.Contains(body, "Not constructive.") {
		t.Errorf("the comparison's head lacks the stance\n%s", excerpt(body))
	}
	checkPage(t, "/compare", body)
	for _, p := range []string{"/drafts/" + e3 + "/summary.md", "/compare.md?from=" + d28 + "&to=" + e3} {
		res, body := a.get(p)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", p, res.StatusCode)
		}
		checkContains(t, p, body, "- **Record:** Record to ", "as a whole:**\n  - RU rejects, 24 Nov 2025: ", "\n  - RU rejects, 24 Nov 2025: “Not constructive.”[^", "Joint statement after the US–Ukraine talks in Geneva")
	}
	// The PDF and the workbook lay the same front out; they still render.
	for _, p := range []string{"/drafts/" + e3 + "/summary.pdf", "/drafts/" + e3 + "/summary.xlsx", "/compare.pdf?from=" + d28 + "&to=" + e3, "/compare.xlsx?from=" + d28 + "&to=" + e3} {
		if res, body := a.get(p); res.StatusCode != 200 || len(body) < 1000 {
			t.Errorf("GET %s: %d, %d bytes", p, res.StatusCode, len(body))
		}
	}
	for _, p := range []string{"/drafts/" + e3 + "/summary.csv", "/compare.csv?from=" + d28 + "&to=" + e3} {
		if _, body := a.get(p); !strings.Contains(body, "# Record,Record to ") || !strings.Contains(body, "RU rejects") {
			t.Errorf("%s lacks the record or the stance\n%s", p, body[:min(len(body), 1500)])
		}
	}
}
