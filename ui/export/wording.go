package export

import (
	"strings"

	"plantracker/models"
)

// The wording check in the summary exports: a provision whose wording
// contradicts its terms (models.WordingMismatches) carries its flags, as on
// the draft page: "wording still says 600,000 (Limit: 650,000 people)".

// wordingFlags lists a provision's flags as one line each.
func (w words) wordingFlags(ms []models.Mismatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = w.mismatch(m)
	}
	return out
}

// mismatch is a flag (models.Mismatch.String) in the language: "у
// формулюванні досі 600 000 (Межа: 650 000 осіб)".
func (w words) mismatch(m models.Mismatch) string {
	if w.english() {
		return m.String()
	}
	id := "wording.says"
	if strings.HasPrefix(m.Message, "wording still names ") {
		id = "wording.names"
	}
	terms := w.value(m.Terms)
	if m.Terms == "" {
		terms = w.l.T("value.not_stated")
	}
	return w.t(id, "Wording", w.value(m.Wording)) + " (" + w.term(models.Field{Name: m.Field, Label: m.Label}) + ": " + terms + ")"
}

// wordingCheck is the Markdown line under a flagged provision's terms.
func (m *mdWriter) wordingCheck(w words, ms []models.Mismatch) {
	if len(ms) == 0 {
		return
	}
	m.WriteString("**⚠ " + w.t("col.wording_check") + ":** ")
	m.text(strings.Join(w.wordingFlags(ms), "; "))
	m.WriteString("\n\n")
}

// stWarning is how the PDF sets a flag: bold, in the amber of the page's.
var stWarning = textStyle{font: fontBold, size: 7.5, color: rgb{125, 78, 0}}

// pdfWordingCheck adds a flagged provision's flags to its terms cell. The
// fonts (Liberation Sans) lack ⚠, so the line starts with "!".
func pdfWordingCheck(w words, l *layout, ms []models.Mismatch, width float64) {
	for _, f := range w.wordingFlags(ms) {
		l.add("! "+f, stWarning)
		l.para(width)
	}
}
