package export

import (
	"io"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// comparisonHeader are the columns of a comparison CSV: one row per changed
// field of a key, and one row, its field columns empty, for a key with no
// field changes (added, removed, not reported, unchanged). status is the
// word alone (filterable); aspect says whether a field change is
// "substance" or "sourcing" (sourcing and labels only: citation, sourcing
// level, point, title, category); note is the row's note ("carried over
// from …, not reported in …", "withdrawn in …"); withdrawn is "yes" for a
// key removed by withdrawal. from_citation and to_citation cite each side,
// empty where a draft does not have the key; from_coverage and to_coverage
// say whether each draft is complete or partial. before_value and
// after_value are a term's values typed as the dataset writes them (a
// number plain, 600000; a boolean true or false; parties joined by ";"),
// empty for other fields; from_sourcing and to_sourcing are each side's
// sourcing level.
var comparisonHeader = []string{"from_draft", "to_draft", "category", "point", "key", "title", "status",
	"field", "label", "before", "after", "delta", "summary", "from_citation", "to_citation",
	"aspect", "note", "withdrawn", "from_coverage", "to_coverage",
	"before_value", "after_value", "from_sourcing", "to_sourcing"}

func csvComparison(w io.Writer, cmp report.Comparison, src *Front) error {
	c := newCSVWriter(w, src, comparisonHeader...)
	c.raw = make([]bool, len(comparisonHeader))
	c.raw[20], c.raw[21] = true, true // before_value, after_value
	from, to, category := cmp.From.Name, cmp.To.Name, ""
	for i := range cmp.Rows {
		r := &cmp.Rows[i]
		category = src.w.vocab("category", models.Categories, r.Category)
		var fromCite, toCite, withdrawn, fromSourcing, toSourcing string
		if r.From != nil {
			fromCite, fromSourcing = src.refText(r.From.Citations), src.w.vocab("sourcing", models.Sourcings, r.From.Sourcing)
		}
		if r.To != nil {
			toCite, toSourcing = src.refText(r.To.Citations), src.w.vocab("sourcing", models.Sourcings, r.To.Sourcing)
		}
		if r.Withdrawn {
			withdrawn = "yes"
		}
		if len(r.Changes)+len(r.SourcingChanges) == 0 {
			c.write(from, to, category, r.Point, r.Key, r.Title, string(r.Status),
				"", "", "", "", "", "", fromCite, toCite, "", src.w.note(r.Note), withdrawn, cmp.From.Coverage, cmp.To.Coverage,
				"", "", fromSourcing, toSourcing)
			continue
		}
		// Substance first, then sourcing and labels, as the page shows them.
		for _, part := range []struct {
			aspect  string
			changes []report.FieldChange
		}{{"substance", r.Changes}, {"sourcing", r.SourcingChanges}} {
			for _, fc := range part.changes {
				before, after := changeValues(r, fc)
				fromCite, toCite := fromCite, toCite
				if strings.HasPrefix(fc.Field, "parties.") { // a stance cites its own sources
					fromCite, toCite = src.refText(changeCites(r.From, fc.Field)), src.refText(changeCites(r.To, fc.Field))
				}
				ch := src.w.change(r, fc)
				c.write(from, to, category, r.Point, r.Key, r.Title, string(r.Status),
					fc.Field, ch.Label, ch.Before, ch.After, fc.Delta, ch.Summary, fromCite, toCite,
					changeAspect(part.aspect, fc), src.w.note(r.Note), withdrawn, cmp.From.Coverage, cmp.To.Coverage,
					models.ValueCell(before), models.ValueCell(after), fromSourcing, toSourcing)
			}
		}
	}
	return c.flush()
}

// changeAspect is a change's aspect column: "substance" or "sourcing", or,
// for a change that does not count as substance, "not_recorded" (the later
// draft does not record the term, party or stance: its last known value is
// before_value) or "form_only" (the wording changed in case, punctuation or
// order only).
func changeAspect(aspect string, fc report.FieldChange) string {
	switch {
	case fc.NotRecorded:
		return "not_recorded"
	case fc.FormOnly:
		return "form_only"
	}
	return aspect
}
