package ui_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

// TestTimelinePages: the troop cap's timeline, its chart images and the
// index of keys by kind, and the links that lead there.
func TestTimelinePages(t *testing.T) {
	a := newApp(t)
	tc := id(seeded.troopCap28)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		want       []string
	}{
		{"the troop cap's timeline", "/timeline/troop-cap", 200, []string{
			"Cap on the Armed Forces of Ukraine", "across drafts", "v1 28-point draft", "v1 E3 counter-proposal", "v2 Geneva revision",
			"v3 20-point framework", "600,000 people", "800,000 people", "20 Nov 2025", "23 Dec 2025",
			`<img src="/timeline/troop-cap/chart.svg?field=limit"`, "Step chart of Limit by draft date.", "US peace framework",
			"European counter-proposal", `class="swatch swatch-1"`, `href="/provisions/` + tc + `"`, "changed since v1 28-point draft (then 600,000 people)"}},
		{"a gap where a partial draft does not report the key", "/timeline/security-guarantee", 200, []string{
			`data-state="not_reported"`, "Not reported", "last known US security guarantee (v1 28-point draft)",
			"last known Article 5-like (v2 US guarantee as described 13 Dec)"}},
		{"a term across the guarantee document's versions", "/timeline/guarantee-term", 200, []string{
			"chart.svg?field=duration_years", "10 years", "15 years", "v3 US guarantee document (as cited 26–29 Dec)"}},
		{"no chart for a kind without numbers", "/timeline/amnesty", 200, []string{"v1 28-point draft"}},
		{"an unknown key", "/timeline/no-such-key", 404, []string{"no provision has the key"}},
		{"a malformed key", "/timeline/Troop%20Cap", 404, []string{"Page not found"}},
		{"all troop caps", "/timeline?kind=troop_cap", 200, []string{"All Troop cap provisions", `href="/timeline/troop-cap"`, "1 key."}},
		{"every key", "/timeline", 200, []string{`href="/timeline/troop-cap"`, `href="/timeline/security-guarantee"`, `href="/timeline?kind=troop_cap"`}},
		{"the provision page links to its timeline", "/provisions/" + tc, 200, []string{`href="/timeline/troop-cap" id="timeline-link"`}},
		{"the draft's rows link to theirs", "/drafts/" + id(seeded.draft28), 200, []string{`href="/timeline/troop-cap">Timeline`}},
		{"the draft's kind filter links to the kind's keys", "/drafts/" + id(seeded.draft28) + "?kind=troop_cap", 200,
			[]string{`href="/timeline?kind=troop_cap"`, "Every Troop cap across drafts and plans"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := a.get(tt.path)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d\n%s", resp.StatusCode, tt.wantStatus, excerpt(body))
			}
			checkPage(t, tt.name, body)
			checkContains(t, "the page", body, tt.want...)
		})
	}
	if _, body := a.get("/timeline/amnesty"); strings.Contains(body, "<img") {
		t.Error("the amnesty's timeline draws a chart")
	}
}

func TestTimelineChartImages(t *testing.T) {
	a := newApp(t)
	resp, body := a.get("/timeline/troop-cap/chart.svg?field=limit")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/svg+xml" || !strings.HasPrefix(strings.TrimSpace(body), "<svg") {
		t.Fatalf("SVG: %d %s %.100s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	// The SVG's own policy allows its inline styles and nothing else.
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "style-src 'unsafe-inline'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("the SVG's CSP is %q", csp)
	}
	checkContains(t, "the SVG", body, "600,000", "800,000", "20 Nov 2025", "23 Dec 2025")
	resp, body = a.get("/timeline/troop-cap/chart.png")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("PNG: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if _, err := png.Decode(bytes.NewReader([]byte(body))); err != nil {
		t.Errorf("not a PNG: %v", err)
	}
	for _, path := range []string{"/timeline/troop-cap/chart.svg?field=party", "/timeline/amnesty/chart.svg", "/timeline/no-such-key/chart.png"} {
		if resp, _ := a.get(path); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
	a.signIn("")
	if resp, _ := a.get("/timeline/troop-cap/chart.svg"); resp.StatusCode == 200 {
		t.Error("the chart is served to someone signed out")
	}
}
