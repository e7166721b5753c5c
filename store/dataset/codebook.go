package dataset

import (
	"fmt"
	"io"
	"strings"

	"plantracker/models"
)

// Codebook describes every file and column of the dataset. It is written
// as codebook.json for programs and codebook.md for people.
type Codebook struct {
	Title       string   `json:"title"`
	GeneratedAt string   `json:"generated_at"`
	Notes       []string `json:"notes"`
	Files       []File   `json:"files"`
}

// File is one CSV file of the dataset.
type File struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Columns     []Column `json:"columns"`
}

// Column is one column of a file: its type (integer, number, boolean,
// text, date, enum, party, parties, id), unit, allowed values with their
// labels, and, for a term column, the kind it belongs to and the PA-X
// category that kind falls under.
type Column struct {
	Name          string        `json:"name"`
	Type          string        `json:"type"`
	Unit          string        `json:"unit,omitempty"`
	Description   string        `json:"description"`
	Values        []models.Term `json:"values,omitempty"`
	Kind          string        `json:"kind,omitempty"`
	Category      string        `json:"category,omitempty"`
	CategoryLabel string        `json:"category_label,omitempty"`
}

// notes are what holds for every file.
var notes = []string{
	"Every file is CSV as RFC 4180 describes it: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a header row.",
	"Cells hold the values as stored, with no spreadsheet escaping: open the files in a program, or use the workbook export for a spreadsheet.",
	"An empty cell means not stated: a draft that says nothing about a term is not a draft that says no.",
	"Numbers have no grouping and a point for decimals; dates are YYYY-MM-DD; booleans are true or false; lists of parties are short names joined by ';'.",
	"Ids link the files: drafts.plan_id → plans.id, provisions.draft_id → drafts.id, provision_parties.provision_id and translations.provision_id → provisions.id, citations.source → sources.key.",
	"Reported drafts are often partial (drafts.coverage): a key a partial draft lacks is not reported, which is not the same as removed.",
}

// Markdown writes the codebook for people.
func (cb Codebook) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: codebook\n\nGenerated %s.\n\n", cb.Title, cb.GeneratedAt)
	for _, n := range cb.Notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	for _, f := range cb.Files {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n| column | type | unit | description | values |\n|---|---|---|---|---|\n", f.Name, f.Description)
		for _, c := range f.Columns {
			desc := c.Description
			if c.Kind != "" {
				desc += fmt.Sprintf(" PA-X category: %s.", c.CategoryLabel)
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", c.Name, c.Type, c.Unit, cellText(desc), valuesText(c.Values))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func valuesText(values []models.Term) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = "`" + v.Value + "` " + cellText(v.Label)
	}
	return strings.Join(parts, "; ")
}

// cellText keeps a Markdown table cell on one line and its pipes literal.
func cellText(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
}
