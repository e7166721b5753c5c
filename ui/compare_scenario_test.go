package ui_test

import (
	"context"
	"strings"
	"testing"

	"plantracker/models"
)

// A comparison with an analyst's scenario says so in its head, on the page
// and in the exports.
func TestCompareSaysWhenASideIsAScenario(t *testing.T) {
	a := newApp(t)
	fork, err := a.store.ForkDraft(context.Background(), "ed", seeded.draft28, models.ForkInput{Label: "Analyst's trial", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	d28, trial := id(seeded.draft28), id(fork.ID)
	_, body := a.get("/compare?from=" + d28 + "&to=" + trial)
	if !strings.Contains(body, "Analyst&#39;s trial is a scenario:") {
		t.Errorf("the comparison's head does not say the later draft is a scenario\n%s", excerpt(body))
	}
	_, md := a.get("/compare.md?from=" + d28 + "&to=" + trial)
	if strings.Count(md, models.ScenarioNote) != 1 {
		t.Errorf("the Markdown names the scenario %d times, want once\n%.1500s", strings.Count(md, models.ScenarioNote), md)
	}
	_, body = a.get("/compare?from=" + d28 + "&to=" + id(seeded.e3))
	if strings.Contains(body, "is a scenario:") {
		t.Error("a comparison of the record says it holds a scenario")
	}
}
