package export

import (
	"strings"
	"sync"

	"plantracker/models"
	"plantracker/models/report"
)

// Typed term values for the formats that keep types (CSV columns, the
// workbook): what a comparison's field change was and became, as values
// rather than formatted text.

var (
	termColumnsOnce sync.Once
	termColumnsBy   map[string]models.TermColumn // by name, "troop_cap__limit"
)

// termColumn is the column of kind's term, if the kind has it.
func termColumn(kind, term string) (models.TermColumn, bool) {
	termColumnsOnce.Do(func() {
		termColumnsBy = map[string]models.TermColumn{}
		for _, c := range models.TermColumns() {
			termColumnsBy[c.Name] = c
		}
	})
	c, ok := termColumnsBy[kind+"__"+term]
	return c, ok
}

// changeValues are a term change's earlier and later values, typed
// (float64, bool, []string, string) as models.TermColumn.Value gives them;
// nil where a side does not state the term or the change is not of a term.
func changeValues(r *report.ComparisonRow, fc report.FieldChange) (before, after any) {
	term, ok := strings.CutPrefix(fc.Field, "terms.")
	if !ok {
		return nil, nil
	}
	side := func(b *report.ProvisionBrief) any {
		if b == nil {
			return nil
		}
		c, ok := termColumn(b.Kind, term)
		if !ok {
			return nil
		}
		v, _ := c.Value(models.Provision{Kind: b.Kind, Terms: b.Values})
		return v
	}
	return side(r.From), side(r.To)
}
