package export

import (
	"io"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// markdownSummary writes a draft's summary: a title block (plan, draft,
// date, status, signatories, sources), then each category's provisions with
// their terms, wording and parties, then the numbered sources.
func markdownSummary(w io.Writer, s report.Summary, src *Front) error {
	m := newMDWriter(w)
	lang := src.w

	m.title(s.Plan.Title + ": " + s.Draft.Name)
	m.WriteString(src.Kind + ".\n\n")
	m.item(lang.t("label.plan"), s.Plan.Title)
	if s.Plan.Origin != "" {
		m.item(lang.t("label.origin"), partyName(s.Plan.Origin, s.Plan.OriginName))
	}
	m.label(lang.t("label.draft"))
	m.text(s.Draft.Name)
	m.WriteString(", ")
	m.dateStatus(src.Drafts[0])
	m.WriteString("\n")
	m.item(lang.t("label.coverage"), coverageWords(lang, s.Draft))
	m.item(lang.t("label.lineage"), src.Drafts[0].Lineage())
	m.front(src)
	m.item(lang.t("label.signatories"), signatories(s, lang))
	m.label(lang.t("label.provisions"))
	m.WriteString(lang.number(s.Count))
	m.WriteByte('\n')
	if len(s.Draft.Sources) > 0 {
		m.WriteString("- **" + lang.t("label.sources") + ":**\n")
		m.sourceItems(s.Draft.Citations, src)
	}
	m.WriteByte('\n')
	if d := strings.TrimSpace(s.Description); d != "" {
		m.quote(d)
		m.WriteByte('\n')
	}

	for _, g := range s.Groups {
		m.WriteString("## ")
		m.text(lang.vocab("category", models.Categories, g.Category))
		m.WriteString("\n\n")
		for i := range g.Provisions {
			m.summaryProvision(&g.Provisions[i], src)
		}
	}
	m.footnotes(src)
	return m.Flush()
}

// summaryProvision writes one provision:
//
//	### 6. Cap on Ukraine's armed forces
//
//	Troop cap: **600,000 people** · `troop-cap` · Proposed · Reported[^2]
//
//	- Whose forces: UA
//	- Limit: 600,000 people
//
//	> wording
//
//	Parties: Ukraine (UA): obligor, opposes as of 2025-11-24[^3]; …
func (m *mdWriter) summaryProvision(p *report.SummaryProvision, src *Front) {
	m.WriteString("### ")
	m.heading(p.Point, p.Title)
	m.WriteString("\n\n")
	lang := src.w
	m.text(lang.kind(p.Kind))
	m.headline(lang.headline(p.Kind, p.Terms, p.Headline), p.Title)
	m.WriteString(" · ")
	m.code(p.Key)
	m.standing(lang.vocab("status", models.ProvisionStatuses, p.Status), lang.vocab("sourcing", models.Sourcings, p.Sourcing), p.Citations, src)
	parties := make([]mdParty, len(p.Parties))
	for i, pp := range p.Parties {
		parties[i] = mdParty{partyName(pp.ShortName, pp.Name), lang.stanceWords(pp.Role, pp.Stance, pp.StanceDate), pp.StanceSources}
	}
	m.provisionBody(p.Kind, p.Terms, p.WordingMismatches, p.Text, parties, src)
}

// heading writes "6. Title", or the title alone for an unnumbered point.
func (m *mdWriter) heading(point, title string) {
	if point != "" {
		m.text(point)
		m.WriteString(". ")
	}
	m.text(title)
}

// partyName is "Ukraine (UA)", or the short name alone when that is all
// that is known of the party.
func partyName(short, name string) string {
	if name == "" || name == short {
		return short
	}
	return name + " (" + short + ")"
}

// signatories is a summary's signatories by name, "Ukraine (UA), United
// States (US)", or "none listed".
func signatories(s report.Summary, w words) string {
	names := make([]string, len(s.Signatories))
	for i, p := range s.Signatories {
		names[i] = partyName(p.ShortName, p.Name)
	}
	return orText(strings.Join(names, ", "), w.t("none_listed"))
}
