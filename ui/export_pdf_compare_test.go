package ui_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plantracker/store/storetest"
)

// TestComparisonPDFIsCompact: the seeded 28-point → 20-point comparison
// PDF (then 40 keys) ran 13 pages, mostly the sources' titles repeated under
// "Sourcing and labels only" in every row, with a last page of one source
// line. Its sourcing-only changes are now one table, a line per key with
// the sources by number; the charts go two to a page; the Sources list is
// kept whole. It takes at least three keys a page, and its last page is
// no orphan.
func TestComparisonPDFIsCompact(t *testing.T) {
	a := newApp(t)
	res, body := a.get("/compare.pdf?from=" + id(seeded.draft28) + "&to=" + id(seeded.draft20))
	if res.StatusCode != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("status %d", res.StatusCode)
	}
	out := storetest.PDFText(t, []byte(body), "-layout")
	pages := strings.Split(strings.TrimRight(out, "\f\n"), "\f")
	// At least three keys a page besides the title page and the sources
	// (the corrected seed compares 42 keys: the 20 points read out in full).
	var keys int
	if m := regexp.MustCompile(`(\d+) keys:`).FindStringSubmatch(out); m != nil {
		keys, _ = strconv.Atoi(m[1])
	}
	if keys == 0 {
		t.Fatal("the PDF does not say how many keys it compares")
	}
	if max := 2 + keys/3; len(pages) > max {
		t.Errorf("%d pages for %d keys, want at most %d", len(pages), keys, max)
	}
	// The last page holds more than a line or two besides its running
	// header and footer.
	var lines []string
	for _, l := range strings.Split(pages[len(pages)-1], "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, "Page ") && !strings.HasPrefix(l, "Comparison: ") {
			lines = append(lines, l)
		}
	}
	if len(lines) < 5 {
		t.Errorf("the last page is an orphan: %q", lines)
	}
	text := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(text, "Sourcing and labels only Keys whose sources") || !regexp.MustCompile(`troop-cap Reported \[1, 2\] → \[\d+, \d+\]`).MatchString(text) {
		t.Error("no compact table of the changes in sourcing and labels only")
	}
	// A source's title is written in the title block and the Sources list,
	// not again in every row.
	if n := strings.Count(text, "Full text of the US 28-point draft"); n > 4 {
		t.Errorf("a source's title is written %d times", n)
	}
}
