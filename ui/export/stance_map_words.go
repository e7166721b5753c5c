package export

import (
	"strings"

	"plantracker/models"
)

// The stance map's words in the reader's language (words.go): its filter,
// its cells and its citations.

// stanceFilter says what the map was filtered to, "Filtered: category
// Security party UA", or "" when it was not.
func (w words) stanceFilter(m models.StanceMap) string {
	if m.Category == "" && m.Party == "" {
		return ""
	}
	s := w.t("stance_map.filtered")
	if m.Category != "" {
		s += " " + w.t("stance_map.category", "Category", w.vocab("category", models.Categories, m.Category))
	}
	if m.Party != "" {
		s += " " + w.t("stance_map.party", "Party", m.Party)
	}
	return s
}

// stanceCell is a cell as read: "obligor: opposes (2025-11-21)", or the
// roles with "not recorded"; "" for a party with no part.
func (w words) stanceCell(cell models.StanceCell) string {
	if len(cell.Roles) == 0 {
		return ""
	}
	roles := make([]string, len(cell.Roles))
	for i, r := range cell.Roles {
		roles[i] = strings.ToLower(w.vocab("role", models.Roles, r))
	}
	s := strings.Join(roles, ", ") + ": "
	if !cell.Recorded {
		return s + w.t("stance_map.not_recorded")
	}
	s += strings.ToLower(w.vocab("stance", models.Stances, cell.Stance))
	if cell.StanceDate != "" {
		s += " (" + w.date(cell.StanceDate) + ")"
	}
	return s
}

// citations is models.CitationText in the language: each reference (else
// its source) and locator as written, a sourcing level other than plain
// reporting in the language: "FT, para. 4 (unconfirmed)".
func (w words) citations(cs []models.Citation) string {
	if w.english() {
		return models.CitationText(cs)
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		sourcing := c.Sourcing
		c.Sourcing = "" // written below, in the language
		parts[i] = c.String() + Cite{Sourcing: sourcing, w: w}.rest()
	}
	return strings.Join(parts, "; ")
}
