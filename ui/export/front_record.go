package export

import (
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// Where the record ends, and the parties' stances on each draft as a
// whole, in the front matter of every document: a reader of an export
// must know how far the record goes, and what the parties said of the
// texts themselves. Both are absent when the caller gives none, so a
// document of a store without them reads as before.

// FrontStance is a party's stance on a draft as a whole, its sources
// numbered among the document's references.
type FrontStance struct {
	Party  string
	Stance string // the label: "Rejects"
	Date   string // YYYY-MM-DD, or empty
	Quote  string
	Cites  []Cite
	w      words
}

// Text is the stance in one line: "RU rejects, 24 Nov 2025: “Not a
// basis.” [3]".
func (s FrontStance) Text() string {
	t := s.Words()
	if len(s.Cites) > 0 {
		t += " " + cites(s.Cites)
	}
	return t
}

// Words is the stance without its references: "RU rejects, 24 Nov 2025:
// “Not a basis.”".
func (s FrontStance) Words() string {
	t := s.Party + " " + strings.ToLower(s.Stance)
	if s.Date != "" {
		t += ", " + s.w.readable(s.Date)
	}
	if s.Quote != "" {
		t += ": “" + s.Quote + "”"
	}
	return t
}

// stances adds the stances on draft d to the document's front, numbering
// their sources after the draft's own.
func (f *Front) stances(d report.DraftRef, pv Provenance) []FrontStance {
	var out []FrontStance
	for _, ds := range pv.Stances[d.ID] {
		out = append(out, FrontStance{Party: ds.Party, Stance: f.w.vocab("draft_stance", models.DraftStances, ds.Stance),
			Date: ds.Date, Quote: ds.Quote, Cites: f.cite(ds.Sources), w: f.w})
	}
	return out
}

// StancesText is the draft's stances on one line, "; " between them.
func (d FrontDraft) StancesText() string {
	parts := make([]string, len(d.Stances))
	for i, s := range d.Stances {
		parts[i] = s.Text()
	}
	return strings.Join(parts, "; ")
}

// RecordText is where the record ends with, when it is stale, the
// warning: "Record to 4 Mar 2026. Nothing recorded in the last 40 days:
// …"; "" when the caller gave none.
func (f *Front) RecordText() string {
	s, note := f.w.record(f.Record)
	if s != "" && note != "" {
		s += ". " + note
	}
	return s
}

// recordRows are the front's record lines as label–value rows, for the
// workbook: where the record ends, and each draft's stances.
func (f *Front) recordRows() [][]any {
	var rows [][]any
	if t := f.RecordText(); t != "" {
		rows = append(rows, []any{f.w.t("record"), t})
	}
	for _, d := range f.Drafts {
		if t := d.StancesText(); t != "" {
			label := f.w.t("stances_on_draft")
			if len(f.Drafts) > 1 {
				label = f.w.t("role_stances_on_draft", "Role", d.Role)
			}
			rows = append(rows, []any{label, t})
		}
	}
	return rows
}
