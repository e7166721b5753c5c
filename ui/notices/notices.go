// Package notices holds the licences of what the binary carries: the Go
// standard library and every module linked into it, whose licences ask
// that a binary distribution reproduce their notices. Among them are the
// Liberation fonts the PDFs are set in (github.com/go-fonts/liberation's
// LICENSE-SIL): the SIL Open Font License asks that each copy of the fonts
// carry it, and the binary is one.
// The binary prints them ("plantracker licenses") and the UI serves them
// at /licenses.
//
// modules.txt is generated from the module cache by the package's test
// (go test ./ui/notices -update) and checked by it on every run, so that a
// module added or upgraded cannot leave its notice behind.
package notices

import (
	_ "embed"
	"strings"
)

//go:embed modules.txt
var moduleNotices string

// Text is every notice the binary owes, as plain text.
func Text() string {
	var b strings.Builder
	b.WriteString("Plantracker's binary carries the Go standard library and the Go modules\n")
	b.WriteString("below, compiled in; among them the Liberation Sans fonts of the PDF\n")
	b.WriteString("exports (github.com/go-fonts/liberation, LICENSE-SIL). Their notices:\n\n")
	b.WriteString(moduleNotices)
	return b.String()
}
