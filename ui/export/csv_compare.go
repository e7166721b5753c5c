package export

import (
	"io"

	"plantracker/models"
)

// comparisonHeader are the columns of a comparison CSV: one row per changed
// field of a changed key, and one row, its field columns empty, for each
// added, removed or unchanged key. status is the word alone (filterable);
// from_citation and to_citation cite each side, empty where a draft does
// not have the key.
var comparisonHeader = []string{"from_draft", "to_draft", "category", "point", "key", "title", "status",
	"field", "label", "before", "after", "delta", "summary", "from_citation", "to_citation"}

func csvComparison(w io.Writer, cmp models.Comparison) error {
	c := newCSVWriter(w, comparisonHeader...)
	from, to := cmp.From.Name, cmp.To.Name
	for i := range cmp.Rows {
		r := &cmp.Rows[i]
		var fromCite, toCite string
		if r.From != nil {
			fromCite = r.From.Citation
		}
		if r.To != nil {
			toCite = r.To.Citation
		}
		changes := allChanges(r)
		if len(changes) == 0 {
			c.write(from, to, r.CategoryLabel, r.Point, r.Key, r.Title, string(r.Status),
				"", "", "", "", "", "", fromCite, toCite)
			continue
		}
		for _, fc := range changes {
			c.write(from, to, r.CategoryLabel, r.Point, r.Key, r.Title, string(r.Status),
				fc.Field, fc.Label, fc.Before, fc.After, fc.Delta, fc.Summary, fromCite, toCite)
		}
	}
	return c.flush()
}
