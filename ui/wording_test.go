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

// TestWordingFlags: a troop cap raised to 650,000 with the wording left at
// 600,000 is flagged on the draft's row, on its page and in the summary
// exports; a new provision whose wording disagrees asks before saving.
func TestWordingFlags(t *testing.T) {
	a := newApp(t)
	tc := seeded.troopCap28
	terms := json.RawMessage(`{"party":"UA","force":"Armed Forces of Ukraine","limit":650000}`)
	if _, err := a.store.UpdateProvision(context.Background(), "analyst", tc, 1, models.ProvisionPatch{Terms: &terms}); err != nil {
		t.Fatal(err)
	}
	const flag = "wording still says 600,000"
	d28 := id(seeded.draft28)
	for _, path := range []string{"/drafts/" + d28, "/provisions/" + id(tc), "/drafts/" + d28 + "/summary.md", "/drafts/" + d28 + "/summary.csv"} {
		res, body := a.get(path)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
		if n := strings.Count(body, flag); n != 1 {
			t.Errorf("%s: %q %d times, want once", path, flag, n)
		}
	}
	if _, body := a.get("/drafts/" + d28); !strings.Contains(body, `<li class="wording-flag">`) {
		t.Error("the draft's row does not mark the flag")
	}

	newCap := url.Values{"action": {"save"}, "kind": {"troop_cap"}, "key": {"troop-cap-navy"}, "title": {"Navy cap"},
		"text": {"The navy is capped at 30,000."}, "terms.party": {"UA"}, "terms.limit": {"40000"}, "sourcing": {"unconfirmed"},
		"sources.0.source": {"test-source"}, "sources.0.sourcing": {"unconfirmed"}}
	res, body := a.post("/drafts/"+d28+"/provisions", newCap)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "wording still says 30,000") || !strings.Contains(body, `id="save-anyway"`) {
		t.Fatalf("a new provision whose wording disagrees: %d\n%s", res.StatusCode, excerpt(body))
	}
	checkPage(t, "wording warning", body)
	newCap.Set("action", "save-anyway")
	if res, _ := a.post("/drafts/"+d28+"/provisions", newCap); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saved anyway: %d", res.StatusCode)
	}
}
