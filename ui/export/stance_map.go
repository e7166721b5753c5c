package export

import (
	"io"
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// A draft's stance map as a document: one row per provision and party
// with a part in it, in CSV (for a spreadsheet to pivot) and as a Markdown
// table (provisions by parties, as on the page). Both are written in the
// reader's language (lang; nil is English), as the summary is: the
// Markdown's headings, roles, stances, dates and sourcing levels, and the
// CSV's comment lines naming its columns. The CSV's category, roles and
// stance columns stay codes in every language, as the dataset's
// provision_parties.csv has them, and as a comparison CSV's status does.

// StanceMapFilename is the download's name: "stances-<plan>-v<n>.<ext>".
func StanceMapFilename(m models.StanceMap, format string) string {
	return "stances-" + slug(m.Draft.Plan) + "-v" + strconv.Itoa(m.Draft.Number) + "." + format
}

// stanceMapHeader are the stance map CSV's columns, the dataset's names.
var stanceMapHeader = []string{"draft", "point", "key", "title", "category", "party", "roles", "stance", "stance_date", "sources"}

// StanceMapCSV writes the map in long form: draft, point, key, title,
// category, party, roles, stance (empty where not recorded), date, sources.
func StanceMapCSV(w io.Writer, m models.StanceMap, lang *i18n.Localizer) error {
	lw := wordsFor(lang)
	cw := newCSVWriterIn(w, nil, lw, stanceMapHeader...)
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
				cell.Party, strings.Join(cell.Roles, "; "), stance, cell.StanceDate, lw.citations(cell.Sources))
		}
	}
	return cw.flush()
}

// StanceMapMarkdown writes the map as a table: provisions by parties.
func StanceMapMarkdown(w io.Writer, m models.StanceMap, lang *i18n.Localizer) error {
	lw := wordsFor(lang)
	md := newMDWriter(w)
	md.WriteString("# ")
	md.text(lw.t("stance_map.title", "Draft", m.Draft.Name()))
	md.WriteString("\n\n")
	if filter := lw.stanceFilter(m); filter != "" {
		md.text(filter)
		md.WriteString("\n\n")
	}
	if len(m.Rows) == 0 {
		md.WriteString(lw.t("stance_map.none") + "\n")
		return md.Flush()
	}
	md.WriteString("|")
	for _, col := range append(lw.cols("point", "provision"), m.Parties...) {
		md.WriteString(" ")
		md.text(col)
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
			md.text(lw.stanceCell(cell))
			if cell.Recorded && len(cell.Sources) > 0 {
				md.WriteString(" — ")
				md.text(lw.citations(cell.Sources))
			}
			md.WriteString(" |")
		}
		md.WriteString("\n")
	}
	return md.Flush()
}
