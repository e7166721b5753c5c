package export

import (
	"slices"
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// Changes in sourcing and labels only (sources, sourcing, title, point,
// category) are listed once, after the comparison's rows, in one compact
// table: a line per key, the sources by their reference numbers rather
// than by their titles again. A row of the main table points here.

// sourcingCols are its column widths, in millimetres (269 in all): key |
// sourcing | sources | labels.
var sourcingCols = []float64{42, 30, 40, 157}

// sourcingTable draws the table, if any key changed in sourcing or labels.
func sourcingTable(t *table, c report.Comparison, src *Front) {
	var rows []*report.ComparisonRow
	for i := range c.Rows {
		if len(c.Rows[i].SourcingChanges) > 0 {
			rows = append(rows, &c.Rows[i])
		}
	}
	if len(rows) == 0 {
		return
	}
	t.space(5)
	if !t.d.room(30) {
		t.d.newPage()
	}
	w := src.w
	t.heading(w.t("sourcing_only_label"), 11)
	t.l.add(w.t("pdf.sourcing_note"), stLabel)
	t.paragraph()
	t.setHeader(sourcingCols, w.cols("key", "sourcing", "sources", "title_point_category"))
	for _, r := range rows {
		x := 0.0
		for i, text := range sourcingCells(r, src) {
			st := stSmall
			if i == 0 {
				st = stBold
			}
			t.l.add(text, st)
			t.cell(x, sourcingCols[i])
			x += sourcingCols[i]
		}
		t.band(nil, false)
		t.row(true)
	}
	t.endHeader()
}

// sourcingCells are a key's line: the key, from → to sourcing, from → to
// reference numbers, the other label changes.
func sourcingCells(r *report.ComparisonRow, src *Front) [4]string {
	var fromSourcing, toSourcing, fromRefs, toRefs string
	if r.From != nil {
		fromSourcing, fromRefs = src.w.vocab("sourcing", models.Sourcings, r.From.Sourcing), refRanges(src.numbers(r.From.Citations))
	}
	if r.To != nil {
		toSourcing, toRefs = src.w.vocab("sourcing", models.Sourcings, r.To.Sourcing), refRanges(src.numbers(r.To.Citations))
	}
	var labels []string
	for _, fc := range r.SourcingChanges {
		if fc.Field != "sources" && fc.Field != "sourcing" && fc.Field != "citation" {
			labels = append(labels, src.w.change(r, fc).Summary)
		}
	}
	return [4]string{r.Key, fromTo(fromSourcing, toSourcing), fromTo(fromRefs, toRefs), strings.Join(labels, "; ")}
}

// fromTo is "a → b", or a alone where nothing changed.
func fromTo(a, b string) string {
	switch {
	case a == b:
		return a
	case a == "":
		a = report.NotStated
	case b == "":
		b = report.NotStated
	}
	return a + " → " + b
}

// refRanges writes reference numbers short: "[1–4, 7]".
func refRanges(ns []int) string {
	if len(ns) == 0 {
		return ""
	}
	ns = slices.Clone(ns)
	slices.Sort(ns)
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ns[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ns[i]), strconv.Itoa(ns[j]))
		default:
			parts = append(parts, strconv.Itoa(ns[i])+"–"+strconv.Itoa(ns[j]))
		}
		i = j + 1
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
