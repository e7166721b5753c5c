package export

import (
	"io"
	"strconv"
	"strings"

	"plantracker/models"
)

// A draft's stance map as a document: one row per provision and party
// with a part in it, in CSV (for a spreadsheet to pivot) and as a Markdown
// table (provisions by parties, as on the page).

// StanceMapFilename is the download's name: "stances-<plan>-v<n>.<ext>".
func StanceMapFilename(m models.StanceMap, format string) string {
	return "stances-" + slug(m.Draft.Plan) + "-v" + strconv.Itoa(m.Draft.Number) + "." + format
}

// stanceText is a cell as read: "obligor, opposes (2025-11-21)", or the
// roles with "not recorded".
func stanceText(cell models.StanceCell) string {
	if len(cell.Roles) == 0 {
		return ""
	}
	roles := make([]string, len(cell.Roles))
	for i, r := range cell.Roles {
		roles[i] = strings.ToLower(models.Roles.Label(r))
	}
	s := strings.Join(roles, ", ") + ": "
	if !cell.Recorded {
		return s + "not recorded"
	}
	s += strings.ToLower(models.Stances.Label(cell.Stance))
	if cell.StanceDate != "" {
		s += " (" + cell.StanceDate + ")"
	}
	return s
}

// StanceMapCSV writes the map in long form: draft, point, key, title,
// category, party, roles, stance (empty where not recorded), date, sources.
func StanceMapCSV(w io.Writer, m models.StanceMap) error {
	cw := newCSVWriter(w, nil, "draft", "point", "key", "title", "category", "party", "roles", "stance", "stance_date", "sources")
	for _, row := range m.Rows {
		for _, cell := range row.Cells {
			if len(cell.Roles) == 0 {
				continue
			}
			stance := ""
			if cell.Recorded {
				stance = cell.Stance
			}
			cw.write(m.Draft.Name(), row.Provision.Point, row.Provision.Key, row.Provision.Title, row.Provision.Category,
				cell.Party, strings.Join(cell.Roles, "; "), stance, cell.StanceDate, models.CitationText(cell.Sources))
		}
	}
	return cw.flush()
}

// StanceMapMarkdown writes the map as a table: provisions by parties.
func StanceMapMarkdown(w io.Writer, m models.StanceMap) error {
	md := newMDWriter(w)
	md.WriteString("# Stances: ")
	md.text(m.Draft.Name())
	md.WriteString("\n\n")
	if m.Category != "" || m.Party != "" {
		md.WriteString("Filtered:")
		if m.Category != "" {
			md.WriteString(" category ")
			md.text(models.Categories.Label(m.Category))
		}
		if m.Party != "" {
			md.WriteString(" party ")
			md.text(m.Party)
		}
		md.WriteString("\n\n")
	}
	if len(m.Rows) == 0 {
		md.WriteString("No provision.\n")
		return md.Flush()
	}
	md.WriteString("| Point | Provision |")
	for _, p := range m.Parties {
		md.WriteString(" ")
		md.text(p)
		md.WriteString(" |")
	}
	md.WriteString("\n|---|---|")
	for range m.Parties {
		md.WriteString("---|")
	}
	md.WriteString("\n")
	for _, row := range m.Rows {
		md.WriteString("| ")
		md.text(row.Provision.Point)
		md.WriteString(" | ")
		md.text(row.Provision.Title)
		md.WriteString(" |")
		for _, cell := range row.Cells {
			md.WriteString(" ")
			md.text(stanceText(cell))
			if cell.Recorded && len(cell.Sources) > 0 {
				md.WriteString(" — ")
				md.text(models.CitationText(cell.Sources))
			}
			md.WriteString(" |")
		}
		md.WriteString("\n")
	}
	return md.Flush()
}
