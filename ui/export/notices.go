package export

import (
	_ "embed"
	"strings"
)

// The PDF fonts are compiled into the binary, so every copy of the binary
// is a copy of the fonts: the SIL Open Font License asks that each carry
// the fonts' copyright notice and the licence, readable by its user. The
// texts below are the go-fonts/liberation module's own (LICENSE-SIL for
// the fonts, LICENSE for the Go packaging); TestNoticesMatchTheModule
// holds the copies to the module in go.mod. The binary prints them
// ("plantracker licenses") and the UI serves them at /licenses. A PDF
// carries only a subset of the glyphs, which the licence allows without
// notice: a document is not a copy of the font software.

//go:embed fonts/LICENSE-SIL.txt
var fontLicense string

//go:embed fonts/LICENSE-go-fonts.txt
var fontPackagingLicense string

// Notices is what the binary owes the third-party works it carries whole:
// the Liberation Sans fonts the PDFs are set in.
func Notices() string {
	var b strings.Builder
	b.WriteString("Plantracker carries the following third-party works inside its binary.\n\n")
	b.WriteString("== Liberation Sans (Regular, Bold, Italic), the typeface of the PDF exports ==\n\n")
	b.WriteString(fontLicense)
	b.WriteString("\n== github.com/go-fonts/liberation, the Go packaging of those fonts ==\n\n")
	b.WriteString(fontPackagingLicense)
	return b.String()
}
