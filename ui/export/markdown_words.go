package export

import (
	"strings"
	"unicode"

	"plantracker/models/worddiff"
)

// wordDiff writes a word diff as a blockquote: deleted runs ~~struck
// through~~, inserted runs **bold**. A marker must touch the words it
// marks (CommonMark's flanking rule), so a run's outer whitespace is
// written outside its markers; a line break closes the markers and the next
// line reopens them; and a deletion directly followed by an insertion gets
// a space between the two, which the texts themselves do not have.
func (m *mdWriter) wordDiff(runs []worddiff.Run) {
	m.WriteString("> ")
	lineStart, afterDelete := true, false
	for _, r := range runs {
		marker := ""
		switch r.Op {
		case worddiff.Delete:
			marker = "~~"
		case worddiff.Insert:
			marker = "**"
		}
		for i, part := range strings.Split(strings.ReplaceAll(r.Text, "\r", ""), "\n") {
			if i > 0 {
				m.WriteString("\n>")
				lineStart, afterDelete = true, false
			}
			core := strings.TrimLeftFunc(part, unicode.IsSpace)
			lead := part[:len(part)-len(core)]
			core = strings.TrimRightFunc(core, unicode.IsSpace)
			trail := part[len(lead)+len(core):]
			if lineStart {
				if part == "" {
					continue
				}
				if i > 0 {
					m.WriteByte(' ')
				}
				lead = "" // leading blanks would make an indented code block
			}
			m.WriteString(lead)
			if core != "" {
				switch {
				case marker == "":
					if lead == "" && lineStart {
						m.lineStart(core)
					} else {
						m.text(core)
					}
				default:
					if afterDelete && r.Op == worddiff.Insert && lead == "" {
						m.WriteByte(' ')
					}
					m.WriteString(marker)
					m.text(core)
					m.WriteString(marker)
				}
				lineStart = false
			}
			m.WriteString(trail)
			afterDelete = r.Op == worddiff.Delete && core != "" && trail == ""
		}
	}
	m.WriteByte('\n')
}
