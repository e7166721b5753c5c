package export

import (
	"io"
	"strings"

	"plantracker/models"
)

// summaryHeader are the columns of a summary CSV: one row per provision.
// Vocabulary columns hold the human labels ("Troop cap", "Reported"), as
// the other formats do; key is the stable machine name to join drafts on.
var summaryHeader = []string{"plan", "draft", "category", "point", "key", "title", "kind",
	"headline", "terms", "wording", "parties", "status", "sourcing", "citation", "wording_check"}

func csvSummary(w io.Writer, s models.Summary, src *Front) error {
	c := newCSVWriter(w, src, summaryHeader...)
	var terms, parties []string
	for _, g := range s.Groups {
		for i := range g.Provisions {
			p := &g.Provisions[i]
			terms = termStrings(terms[:0], p.Terms)
			parties = parties[:0]
			for _, pp := range p.Parties {
				parties = append(parties, pp.ShortName+" ("+strings.ToLower(pp.RoleLabel)+", "+strings.ToLower(pp.StanceLabel)+")")
			}
			c.write(s.Plan.Title, s.Draft.Name, g.Label, p.Point, p.Key, p.Title, p.KindLabel,
				p.Headline, joinLines(terms), p.Text, joinLines(parties), p.StatusLabel, p.SourcingLabel, src.refText(p.Citations),
				joinLines(wordingFlags(p.WordingMismatches)))
		}
	}
	return c.flush()
}

// termStrings appends "Limit: 600,000 people" for each term.
func termStrings(dst []string, terms []models.FormattedTerm) []string {
	for _, t := range terms {
		dst = append(dst, t.Label+": "+t.Value)
	}
	return dst
}
