package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CSV exports are RFC 4180 (encoding/csv, CRLF line ends), UTF-8, with a
// header row.
//
// They start with no byte order mark: the first byte is the "#" of the
// front matter's first comment line. pandas (read_csv(comment="#")) and
// R (comment.char = "#") skip comment lines only where the "#" is the
// line's first character, and a BOM before it made the first comment a
// data row. Excel opens a BOM-less file in the local ANSI code page, so
// "Запорізька АЕС" opened there by double-click shows mojibake: import it
// as UTF-8 (Data > From Text/CSV) or take the workbook (.xlsx), which is
// made for Excel.
// csvWriter writes records through a buffer, neutralising formulas.
type csvWriter struct {
	buf *bufio.Writer
	w   *csv.Writer
	rec []string
	// raw marks number columns: a cell that is a number is written as it
	// is ("-5" is the number, not a formula), anything else defused.
	raw []bool
}

func newCSVWriter(w io.Writer, f *Front, header ...string) *csvWriter {
	var lang words // without front matter, English
	if f != nil {
		lang = f.w
	}
	return newCSVWriterIn(w, f, lang, header...)
}

// newCSVWriterIn is newCSVWriter in the language lang, which names the
// columns (columns) also in a file without front matter, as the stance
// map's is.
func newCSVWriterIn(w io.Writer, f *Front, lang words, header ...string) *csvWriter {
	buf := bufio.NewWriterSize(w, 64<<10)
	cw := &csvWriter{buf: buf, w: csv.NewWriter(buf), rec: make([]string, len(header))}
	cw.w.UseCRLF = true
	if f != nil {
		cw.front(f)
	}
	cw.columns(lang, header)
	cw.w.Write(header)
	return cw
}

// front writes the front matter as comment lines before the header row,
// each a record of a "#"-led label and its value: "# As of", "2025-…".
// encoding/csv (Comment: '#'), R (comment.char = "#") and a spreadsheet's
// eye skip them; the table below starts at its header row.
func (c *csvWriter) front(f *Front) {
	line := func(label, value string) {
		// A comment ends at the line's end, quoted or not: one line each.
		c.w.Write([]string{"# " + label, safeCell(strings.Join(strings.Fields(value), " "))})
	}
	line(f.Kind, f.Title)
	for _, d := range f.Drafts {
		line(d.Role, d.Line())
	}
	line(f.w.t("label.as_of"), f.AsOfText())
	line(f.w.t("label.exported"), f.ExportedText())
	for _, r := range f.recordRows() {
		line(r[0].(string), r[1].(string))
	}
	lines := f.refLines()
	for _, r := range f.References {
		line(f.w.t("source_n", "N", ref(r.N)), lines[r.N-1])
	}
}

// columns names each column in the reader's language, as comment lines
// ("# Стовпець status", "Статус") above the header row, when that
// language is not English. The header row itself stays the dataset's
// English machine names (store/dataset's codebook): scripts select
// columns by those names, and one script should read the file in every
// language. The English file, whose names are its words, has no such
// lines.
func (c *csvWriter) columns(w words, header []string) {
	if w.english() {
		return
	}
	for _, name := range header {
		c.w.Write([]string{"# " + w.t("csv.column", "Name", name), w.column(name)})
	}
}

// write writes one record of len(header) fields.
func (c *csvWriter) write(fields ...string) {
	for i, f := range fields {
		if i < len(c.raw) && c.raw[i] && isNumber(f) {
			c.rec[i] = f
			continue
		}
		c.rec[i] = safeCell(f)
	}
	c.w.Write(c.rec)
}

// flush reports the first error of any write.
func (c *csvWriter) flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.buf.Flush()
}

// safeCell defuses a cell that a spreadsheet would run as a formula (CSV
// injection, OWASP): one whose first character, after any leading spaces,
// is =, +, -, @ (or their full-width forms ＝ ＋ － ＠, which some
// spreadsheets fold into them), and one starting with a tab, a carriage
// return or a line feed, gets a leading apostrophe. Titles and citations
// are typed by editors, and even honest values trip it: Excel reads the
// delta "+FR −PL" as a formula and shows #NAME?. The apostrophe is visible
// in the cell, which is the price of the file being safe to open.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '\t', '\r', '\n':
		return "'" + s
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " \u00a0\u3000"))
	switch first {
	case '=', '+', '-', '@', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// joinLines joins parts with "; ", the separator of list-valued cells.
func joinLines(parts []string) string { return strings.Join(parts, "; ") }

// isNumber reports whether s is a plain decimal number: "600000", "-5",
// "0.25"; not "1e3", "Inf" or "NaN", which a spreadsheet reads otherwise.
func isNumber(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return false
	}
	return strings.Trim(s, "-0123456789.") == ""
}
