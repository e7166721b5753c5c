package export

import (
	"strings"

	"plantracker/models/report"
)

// statusMark is how every format marks a comparison row's status: a symbol
// that survives black-and-white printing and plain text, and the words, so
// that neither colour nor the symbol alone carries the meaning: "+ added",
// "… not reported".
func statusMark(s report.DiffStatus) string {
	if s.Symbol() == "" {
		return string(s)
	}
	return s.Symbol() + " " + strings.ToLower(s.Label())
}
