package export

import (
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// A summary's provision and a comparison's added or removed key show a
// provision the same way after their own heading and first words; the
// pieces they share are written here, once, so the two cannot drift apart.

// mdParty is one party on a provision's "Parties:" line.
type mdParty struct {
	name    string            // "Ukraine (UA)", or the short name as the document has it
	stance  string            // stanceWords: "obligor, opposes as of 2025-11-24"
	sources []models.Citation // the stance's sources, as footnote references
}

// headline writes ": **600,000 people**", where the headline says more
// than the title.
func (m *mdWriter) headline(headline, title string) {
	if headline != "" && headline != title {
		m.WriteString(": **")
		m.text(headline)
		m.WriteString("**")
	}
}

// standing ends a provision's first line: " · Proposed · Reported[^2]".
func (m *mdWriter) standing(status, sourcing string, cs []models.Citation, src *Front) {
	m.WriteString(" · ")
	m.text(status)
	m.WriteString(" · ")
	m.text(sourcing)
	m.cites(src, cs)
	m.WriteString("\n\n")
}

// provisionBody writes the rest: the terms as a list, the wording check
// (none for a comparison, whose changes say it), the wording quoted, then
// the parties with their stances. kind is the provision's, naming its
// terms.
func (m *mdWriter) provisionBody(kind string, terms []report.FormattedTerm, mismatches []models.Mismatch, text string, parties []mdParty, src *Front) {
	if len(terms) > 0 {
		m.terms(src.w, kind, terms)
		m.WriteByte('\n')
	}
	m.wordingCheck(src.w, mismatches)
	if strings.TrimSpace(text) != "" {
		m.quote(text)
		m.WriteByte('\n')
	}
	if len(parties) == 0 {
		return
	}
	m.WriteString(src.w.t("parties") + ": ")
	for i, p := range parties {
		if i > 0 {
			m.WriteString("; ")
		}
		m.text(p.name)
		m.WriteString(": ")
		m.text(p.stance)
		m.cites(src, p.sources)
	}
	m.WriteString("\n\n")
}
