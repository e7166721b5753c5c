package export

import (
	"strings"

	"plantracker/models/report"
)

// statusMark is how every format marks a comparison row's status: a symbol
// that survives black-and-white printing and plain text, and the words, so
// that neither colour nor the symbol alone carries the meaning: "+ added",
// "… not reported".
func (w words) statusMark(s report.DiffStatus) string {
	if s.Symbol() == "" {
		return string(s)
	}
	return s.Symbol() + " " + strings.ToLower(w.status(s))
}

// status is a comparison status's label in the language: "Added",
// "Додано".
func (w words) status(s report.DiffStatus) string {
	if w.english() {
		return s.Label()
	}
	return w.l.Or("diff."+string(s), s.Label())
}

// countMark is "+ 3 added": the status's symbol, the count, the words.
func (w words) countMark(n int, s report.DiffStatus) string {
	return s.Symbol() + " " + w.number(n) + " " + strings.ToLower(w.status(s))
}

// countOf is " (2 withdrawn)" (the catalog's export.count_of.<what>), or
// "" for none.
func (w words) countOf(n int, what string) string {
	if n == 0 {
		return ""
	}
	return " (" + w.t("count_of."+what, "N", w.number(n)) + ")"
}
