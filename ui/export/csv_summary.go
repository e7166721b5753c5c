package export

import (
	"encoding/json"
	"io"
	"slices"

	"plantracker/models"
	"plantracker/models/report"
)

// summaryHeader are the fixed columns of a summary CSV: one row per
// provision. Vocabulary columns hold the human labels ("Troop cap",
// "Reported"), as the other formats do; key is the stable machine name to
// join drafts on. After them come the terms, one typed column each
// (summaryTermColumns), then the wording check.
var summaryHeader = []string{"plan", "draft", "category", "point", "key", "title", "kind",
	"headline", "wording", "parties", "status", "sourcing", "citation"}

// summaryTermColumns are the term columns of the kinds the summary has, as
// the dataset names them ("troop_cap__limit", models.TermColumns): numbers
// plain (600000), booleans true or false, lists of parties joined by ";",
// choices by their value; empty where a provision is of another kind or
// does not state the term.
func summaryTermColumns(s report.Summary) []models.TermColumn {
	present := map[string]bool{}
	for _, g := range s.Groups {
		for i := range g.Provisions {
			present[g.Provisions[i].Kind] = true
		}
	}
	var out []models.TermColumn
	for _, c := range models.TermColumns() {
		if present[c.Kind.Name] {
			out = append(out, c)
		}
	}
	return out
}

func csvSummary(w io.Writer, s report.Summary, src *Front) error {
	terms := summaryTermColumns(s)
	header := slices.Clone(summaryHeader)
	raw := make([]bool, len(header), len(header)+len(terms)+1)
	for _, c := range terms {
		header = append(header, c.Name)
		raw = append(raw, c.Field.Type == models.FieldNumber || c.Field.Type == models.FieldInteger)
	}
	header = append(header, "wording_check")
	c := newCSVWriter(w, src, header...)
	c.raw = append(raw, false)
	var parties []string
	rec := make([]string, 0, len(header))
	for _, g := range s.Groups {
		for i := range g.Provisions {
			p := &g.Provisions[i]
			parties = parties[:0]
			for _, pp := range p.Parties {
				parties = append(parties, pp.ShortName+" ("+src.stanceText(pp.Role, pp.Stance, pp.StanceDate, pp.StanceSources)+")")
			}
			rec = append(rec[:0], s.Plan.Title, s.Draft.Name, src.w.vocab("category", models.Categories, g.Category), p.Point, p.Key, p.Title,
				src.w.kind(p.Kind), src.w.headline(p.Kind, p.Terms, p.Headline), p.Text, joinLines(parties), src.w.vocab("status", models.ProvisionStatuses, p.Status),
				src.w.vocab("sourcing", models.Sourcings, p.Sourcing), src.refText(p.Citations))
			var values map[string]json.RawMessage // split once, when a column is of the provision's kind
			for _, tc := range terms {
				if tc.Kind.Name != p.Kind {
					rec = append(rec, "")
					continue
				}
				if values == nil {
					values = models.TermValues(p.Values)
				}
				v, _ := tc.ValueIn(values)
				rec = append(rec, models.ValueCell(v))
			}
			rec = append(rec, joinLines(src.w.wordingFlags(p.WordingMismatches)))
			c.write(rec...)
		}
	}
	return c.flush()
}
