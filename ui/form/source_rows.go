package form

import (
	"net/url"
	"strconv"
	"strings"

	"plantracker/models"
)

// The source rows every form with citations has (a draft, a provision, an
// event, a stance): read from the post, filled from the stored citations,
// and turned back into citations, the same way for each.

// parseSourceRows reads the source rows of a form; rows without a source
// are dropped (the form offers empty ones to fill in).
func parseSourceRows(v url.Values) []SourceRow {
	rows := 0
	for name := range v {
		rows = max(rows, rowCount(name, SourcesPrefix))
	}
	var out []SourceRow
	for i := range rows {
		p := SourcesPrefix + strconv.Itoa(i) + "."
		row := SourceRow{Source: v.Get(p + "source"), Sourcing: v.Get(p + "sourcing"), Locator: strings.TrimSpace(v.Get(p + "locator"))}
		if row.Source != "" {
			out = append(out, row)
		}
	}
	return out
}

// sourceRowsOf are the stored citations as the form's rows.
func sourceRowsOf(cs []models.Citation) []SourceRow {
	var out []SourceRow
	for _, c := range cs {
		out = append(out, SourceRow{Source: c.Source, Sourcing: c.Sourcing, Locator: c.Locator})
	}
	return out
}

// citations are the form's rows as the domain's citations.
func citations(rows []SourceRow) []models.Citation {
	out := make([]models.Citation, len(rows))
	for i, r := range rows {
		out[i] = models.Citation{Source: r.Source, Sourcing: r.Sourcing, Locator: r.Locator}
	}
	return out
}
