package export

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// Markdown exports are CommonMark with the GitHub extensions analysts'
// tools render (tables, ~~strikethrough~~, [^n] footnotes). Every piece of
// user text goes through the escapers below, so a title with "*", "|" or a
// leading "1." cannot turn into markup.

// mdWriter writes Markdown through a buffer; bufio keeps the first write
// error and drops later writes, so callers check it once, at flush.
type mdWriter struct {
	*bufio.Writer
	scratch []byte
}

func newMDWriter(w io.Writer) *mdWriter {
	return &mdWriter{Writer: bufio.NewWriterSize(w, 64<<10)}
}

// mdSpecial marks the bytes that may start inline markup anywhere in a
// line: code, emphasis, strikethrough, links, HTML, table pipes, heading
// closers. Other ASCII punctuation only matters at a line start (mdLead).
var mdSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true,
	'<': true, '>': true, '|': true, '~': true, '#': true, '&': true}

// text writes s as inline text: escaped, its line breaks made spaces (a
// title or a cell has no line breaks to keep).
func (m *mdWriter) text(s string) {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; mdSpecial[c] || c == '\n' || c == '\r' {
			clean = false
			break
		}
	}
	if clean {
		m.WriteString(s)
		return
	}
	m.scratch = appendMDEscaped(m.scratch[:0], s)
	m.Write(m.scratch)
}

// title writes a document's one top-level heading, "# title", and the
// blank line after it.
func (m *mdWriter) title(s string) {
	m.WriteString("# ")
	m.text(s)
	m.WriteString("\n\n")
}

// lineStart writes s where it begins a line (a blockquote line, a list
// item): escaped as text, and a leading block marker ("- ", "+ ", "1. ",
// "#", "=") made literal.
func (m *mdWriter) lineStart(s string) {
	if n := mdLead(s); n >= 0 {
		m.WriteString(s[:n])
		m.WriteByte('\\')
		s = s[n:]
	}
	m.text(s)
}

// mdLead returns the index of the byte to escape when s begins with a
// block marker, or -1.
func mdLead(s string) int {
	if s == "" {
		return -1
	}
	switch s[0] { // "#", ">", "*", "_" are escaped wherever they stand
	case '-', '+', '=':
		return 0
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return -1
}

func appendMDEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\r':
		case c == '\n':
			b = append(b, ' ')
		case c == '&' && !looksLikeEntity(s[i+1:]):
			b = append(b, c)
		case mdSpecial[c]:
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}

// looksLikeEntity reports whether s (what follows a "&") could make an
// HTML entity ("amp;", "#39;"), which Markdown would decode.
func looksLikeEntity(s string) bool {
	for i := 0; i < len(s) && i < 32; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 0
		case c == '#' && i == 0, c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return false
}

// code writes s as inline code, fenced with one more backtick than its
// longest backtick run so that it cannot close early.
func (m *mdWriter) code(s string) {
	s = strings.ReplaceAll(s, "\n", " ")
	fence, run := 1, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			fence = max(fence, run+1)
		} else {
			run = 0
		}
	}
	ticks := strings.Repeat("`", fence)
	m.WriteString(ticks)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		m.WriteByte(' ')
		m.WriteString(s)
		m.WriteByte(' ')
	} else {
		m.WriteString(s)
	}
	m.WriteString(ticks)
}

// quote writes text as a blockquote, line by line: a blank line in the
// text starts a new quoted paragraph, and a single line break stays one
// (CommonMark's backslash hard break) rather than running lines together.
func (m *mdWriter) quote(text string) {
	lines := strings.Split(strings.ReplaceAll(strings.TrimSpace(text), "\r", ""), "\n")
	for i, line := range lines {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			m.WriteString(">\n")
			continue
		}
		m.WriteString("> ")
		m.lineStart(strings.TrimLeft(line, " \t"))
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			m.WriteByte('\\')
		}
		m.WriteByte('\n')
	}
}

// refs writes footnote references: "[^1][^3]"; 0 (no source) is skipped.
func (m *mdWriter) refs(ns []int) {
	for _, n := range ns {
		if n == 0 {
			continue
		}
		m.WriteString("[^")
		m.WriteString(strconv.Itoa(n))
		m.WriteByte(']')
	}
}

// sourceItems writes sources as nested list items, each in full with its
// footnote reference: "  - Axios, 20 Nov 2025[^2]".
func (m *mdWriter) sourceItems(cs []models.Citation, src *Front) {
	lines := src.refLines()
	for _, c := range src.cite(cs) {
		m.WriteString("  - ")
		m.lineStart(lines[c.N-1])
		if c.Locator != "" {
			m.WriteString(", ")
			m.text(c.Locator)
		}
		m.refs([]int{c.N})
		m.WriteByte('\n')
	}
}

// cites writes a provision's citations as footnote references with the
// place in each source and a sourcing level other than plain reporting:
// "[^1] §A,[^2] (unconfirmed)".
func (m *mdWriter) cites(f *Front, cs []models.Citation) {
	for i, c := range cs {
		if i > 0 {
			m.WriteString(",")
		}
		m.WriteString("[^")
		m.WriteString(strconv.Itoa(f.number(c)))
		m.WriteByte(']')
		if c.Locator != "" || c.Sourcing != "reported" && c.Sourcing != "" {
			m.text(Cite{Locator: c.Locator, Sourcing: c.Sourcing, w: f.w}.rest())
		}
	}
}

// front writes the lines every document carries: as of, exported.
func (m *mdWriter) front(f *Front) {
	m.label(f.w.t("label.as_of"))
	m.text(f.AsOfText())
	m.WriteString(" " + f.w.t("as_of_note") + "\n")
	m.item(f.w.t("label.exported"), f.ExportedText())
	if t := f.RecordText(); t != "" {
		m.item(f.w.t("record"), t)
	}
	for _, d := range f.Drafts {
		if len(d.Stances) == 0 {
			continue
		}
		// The name is the user's, escaped; the words around it the catalog's.
		m.WriteString("- **" + f.w.t("stances_on_named", "Draft", string(appendMDEscaped(nil, d.Name))) + ":**")
		for _, s := range d.Stances {
			m.WriteString("\n  - ")
			m.text(s.Words())
			for _, c := range s.Cites { // footnote references, as the sources' are
				m.WriteString("[^" + strconv.Itoa(c.N) + "]")
				if r := c.rest(); r != "" {
					m.text(r)
				}
			}
		}
		m.WriteByte('\n')
	}
}

// footnotes writes the numbered sources under a "Sources" heading.
// Renderers with footnotes move them to the foot and link the references;
// in plain text they read as a numbered list.
func (m *mdWriter) footnotes(src *Front) {
	if len(src.References) == 0 {
		return
	}
	m.WriteString("## " + src.w.t("label.sources") + "\n\n")
	for i, c := range src.refLines() {
		m.WriteString("[^")
		m.WriteString(strconv.Itoa(i + 1))
		m.WriteString("]: ")
		m.text(c)
		m.WriteByte('\n')
	}
}

// terms writes a provision of kind's term lines as a list: "- Limit:
// 600,000 people".
func (m *mdWriter) terms(w words, kind string, terms []report.FormattedTerm) {
	for _, t := range terms {
		m.WriteString("- ")
		m.lineStart(w.field(kind, models.Field{Name: t.Name, Label: t.Label}))
		m.WriteString(": ")
		m.text(w.value(t.Value))
		m.WriteByte('\n')
	}
}

// label writes a list item's bold label: "- **Plan:** ".
func (m *mdWriter) label(s string) {
	m.WriteString("- **" + s + ":** ")
}

// item writes a list item of a label and its text, a line: "- **Plan:**
// US peace framework".
func (m *mdWriter) item(label, text string) {
	m.label(label)
	m.text(text)
	m.WriteByte('\n')
}

// dateStatus writes "2025-11-20, superseded" (the date where known).
func (m *mdWriter) dateStatus(d FrontDraft) {
	if d.Date != "" {
		m.text(d.w.date(d.Date))
		m.WriteString(", ")
	}
	m.text(strings.ToLower(d.Status))
}
