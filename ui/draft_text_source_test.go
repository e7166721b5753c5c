package ui_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// Issue 22, item 7: the source of the text is made on the review page, and
// the review is not lost: "Add this source" creates it and lays the review
// out again with it chosen; "Create draft" with none chosen creates the
// typed one first.
func TestDraftFromTextSourceOnTheReviewPage(t *testing.T) {
	a := newApp(t)
	body, action := reviewText(t, a, "Draft\n1. The Armed Forces of Ukraine are capped at 600,000 personnel.\n2. Ukraine will not join NATO for 15 years.")
	for _, want := range []string{`name="new_source_publisher"`, `name="new_source_url"`, `value="add_source"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("the review page lacks %q", want)
		}
	}
	v := reviewForm(t, body, action)
	v.Set("p.0.terms.limit", "700000") // an edit the review must keep

	// Refused: no title; the error stands beside its input, the edit stays.
	v.Set("action", "add_source")
	v.Set("new_source_publisher", "Kyiv Independent")
	res, body := a.post(action, v)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="new_source_title-error"`) || !strings.Contains(body, `value="700000"`) {
		t.Fatalf("a source without a title: %d\n%s", res.StatusCode, errorSummary(body))
	}

	// Added: chosen at once, the review as it was.
	v.Set("new_source_title", "Zelensky sets out the amended plan")
	v.Set("new_source_date", "2025-12-24")
	v.Set("new_source_url", "https://kyivindependent.com/plan")
	res, body = a.post(action, v)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `value="700000"`) ||
		!regexp.MustCompile(`<option value="kyiv-independent-2025-12-24" selected`).MatchString(body) {
		t.Fatalf("add the source: %d\n%s", res.StatusCode, errorSummary(body))
	}

	// Create draft with the source typed and none chosen: it is made first.
	v = reviewForm(t, body, action)
	v.Set("source", "")
	v.Set("new_source_publisher", "Kyiv Independent")
	v.Set("new_source_title", "The amended plan, point by point")
	v.Set("new_source_date", "2025-12-24")
	v.Set("action", "create")
	res, body = a.post(action, v)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", res.StatusCode, errorSummary(body))
	}
	m := regexp.MustCompile(`to=(\d+)$`).FindStringSubmatch(res.Header.Get("Location"))
	if m == nil {
		t.Fatalf("sent to %s", res.Header.Get("Location"))
	}
	ps, err := a.store.DraftProvisions(context.Background(), atoi(t, m[1]))
	if err != nil || len(ps) == 0 {
		t.Fatalf("saved %v (%v)", ps, err)
	}
	if c := ps[0].Sources; len(c) != 1 || c[0].Source != "kyiv-independent-2025-12-24-2" {
		t.Errorf("the provision cites %+v, want the source made with the draft", c)
	}
	for _, p := range ps {
		if strings.Contains(p.Title, "…") {
			t.Errorf("a title saved with an ellipsis: %q", p.Title)
		}
	}
}
