package bench

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The README's performance table says a target holds only when every
// figure quoted for it meets it: a row measured at 0.46–0.74 × against
// "≥ 0.7 ×" said "yes".
//
// The table is found by its header, which names a target and a holds
// column (the report's is figure | floor | ours | ratio | target | holds);
// every other cell of a row is searched for ratios, but for a p99's ("p99
// 1.8 × the floor's", not a ratio of requests per second).
func TestREADMEPerformanceTableSaysWhatMisses(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows, wrong := misstatedHolds(string(readme))
	for _, w := range wrong {
		t.Error(w)
	}
	if rows == 0 {
		t.Fatal("no row with a ≥ … × target found in the README")
	}

	// The report's own table reads the same way.
	row := func(ratio, holds string) Row {
		return Row{Figure: "GET", Floor: "16,741 req/s", Ours: "4,964 req/s", Ratio: ratio, Target: "≥ 0.6 × the floor, p99 ≤ 2 × the floor's", Holds: Check(holds == "yes")}
	}
	for _, c := range []struct {
		row   Row
		wrong int
	}{
		{row("0.65 ×<br>p99 0.50 × the floor's", "yes"), 0},
		{row("0.30 ×<br>p99 1.10 × the floor's", "no"), 0},
		{row("0.30 ×<br>p99 1.10 × the floor's", "yes"), 1},
	} {
		rows, wrong := misstatedHolds(Report{Title: "t", Rows: []Row{c.row}}.Markdown())
		if rows != 1 || len(wrong) != c.wrong {
			t.Errorf("%+v: %d rows read, %d misstated (%v), want 1 and %d", c.row, rows, len(wrong), wrong, c.wrong)
		}
	}
}

// misstatedHolds reads the rows with a "≥ N ×" target of the tables in a
// Markdown text, and says which of them say "yes" where a ratio quoted is
// below N.
func misstatedHolds(text string) (rows int, wrong []string) {
	target := regexp.MustCompile(`≥ ([0-9.]+) ×`)
	// A ratio in a figure's cell is followed by ×; in the holds cell every
	// number (a range "0.46–0.74 over runs" too) is a ratio.
	ratio := regexp.MustCompile(`([0-9]+\.[0-9]+)(?:–([0-9]+\.[0-9]+))? ?×`)
	number := regexp.MustCompile(`([0-9]+\.[0-9]+)(?:–([0-9]+\.[0-9]+))?`)
	p99 := regexp.MustCompile(`p99 [0-9.]+ ?×`)
	targetAt, holdsAt := -1, -1 // the columns of the table being read
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			targetAt, holdsAt = -1, -1 // not in a table
			continue
		}
		cells := strings.Split(line, "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if i, j := slices.Index(cells, "target"), slices.Index(cells, "holds"); i >= 0 && j >= 0 {
			targetAt, holdsAt = i, j
			continue
		}
		if targetAt < 0 || len(cells) <= max(targetAt, holdsAt) {
			continue
		}
		m := target.FindStringSubmatch(cells[targetAt])
		if m == nil {
			continue
		}
		rows++
		want, _ := strconv.ParseFloat(m[1], 64)
		lowest := want
		var found [][]string
		for i := 2; i < len(cells)-1; i++ { // past the figure, before the end
			if i != targetAt && i != holdsAt {
				found = append(found, ratio.FindAllStringSubmatch(p99.ReplaceAllString(cells[i], ""), -1)...)
			}
		}
		found = append(found, number.FindAllStringSubmatch(cells[holdsAt], -1)...)
		for _, r := range found {
			for _, v := range r[1:] {
				if x, err := strconv.ParseFloat(v, 64); err == nil && x < lowest {
					lowest = x
				}
			}
		}
		if holds := cells[holdsAt]; strings.HasPrefix(holds, "yes") && lowest < want {
			wrong = append(wrong, fmt.Sprintf("%q says %q, though a figure quoted is %.2f × against %s", cells[1], holds, lowest, m[0]))
		}
	}
	return rows, wrong
}
