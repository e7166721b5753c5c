package export

import (
	"strings"

	"plantracker/models"
)

// The wording check in the summary exports: a provision whose wording
// contradicts its terms (models.WordingMismatches) carries its flags, as on
// the draft page: "wording still says 600,000 (Limit: 650,000 people)".

// wordingFlags lists a provision's flags as one line each.
func wordingFlags(ms []models.Mismatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

// wordingCheck is the Markdown line under a flagged provision's terms.
func (m *mdWriter) wordingCheck(ms []models.Mismatch) {
	if len(ms) == 0 {
		return
	}
	m.WriteString("**⚠ Wording check:** ")
	m.text(strings.Join(wordingFlags(ms), "; "))
	m.WriteString("\n\n")
}

// stWarning is how the PDF sets a flag: bold, in the amber of the page's.
var stWarning = textStyle{font: fontBold, size: 7.5, color: rgb{125, 78, 0}}

// pdfWordingCheck adds a flagged provision's flags to its terms cell. The
// fonts (Liberation Sans) lack ⚠, so the line starts with "!".
func pdfWordingCheck(l *layout, ms []models.Mismatch, width float64) {
	for _, f := range wordingFlags(ms) {
		l.add("! "+f, stWarning)
		l.para(width)
	}
}
