// Package export writes the documents people take away: a draft's provision
// summary and a comparison of two drafts, as Markdown, CSV and PDF.
//
// Exports are pure: they take the models the store built (report.Summary,
// report.Comparison) and write bytes, so the web UI only picks the format,
// sets ContentType and a Content-Disposition filename, and streams.
//
// They are written in the reader's language (Provenance.Lang, words.go):
// English, as they always read, or Ukrainian, with the UI's catalog
// (ui/i18n, keys "export.*" and the vocabularies') and the language's
// dates, numbers and plurals. A CSV's header row stays the dataset's
// English machine names in every language; comment lines above it name
// each column in the reader's language.
//
// What every format shares: a comparison row's status is a symbol and a
// word ("~ changed"), never colour alone; every document carries the same
// front matter (front.go: title, drafts with dates, coverage and lineage,
// as of, exported when and by whom) and numbers the source records it
// cites as one reference list that each provision's citations point into
// (Markdown footnotes, PDF references, CSV "# Source [n]" lines and
// citation columns, the workbook's Sources sheet).
//
//   - Markdown (markdown*.go): CommonMark with GitHub's tables,
//     strikethrough and footnotes; user text is escaped so that it cannot
//     become markup. Word diffs read ~~deleted~~ **inserted**.
//   - CSV (csv*.go): RFC 4180, UTF-8 without a BOM (its "#" front matter
//     must be the first byte for pandas and R), one row per
//     provision or per changed field; cells that a spreadsheet would run
//     as formulas are defused with a leading apostrophe.
//   - PDF (pdf*.go): A4 through codeberg.org/go-pdf/fpdf, as released,
//     with Liberation Sans embedded (Latin, Cyrillic, "→"; a hyphen drawn
//     as a hyphen); this package lays the text out itself, to mix styles
//     in a cell and break rows across pages. fpdf alone writes the file: its own page
//     compression, font subsetting and page-count alias. A PDF is made for
//     at most MaxPDFProvisions provisions.
package export

import (
	"errors"
	"fmt"
	"io"

	"plantracker/models/report"
)

// ErrUnknownFormat is returned (wrapped) for a format other than those in
// Formats; nothing is written then.
var ErrUnknownFormat = errors.New("export: unknown format")

// Formats are the file extensions exports come in.
var Formats = []string{"md", "csv", "pdf"}

// ContentType is the media type of a format: text/markdown; charset=utf-8,
// text/csv; charset=utf-8, application/pdf; "" for an unknown format.
func ContentType(format string) string {
	switch format {
	case "md":
		return "text/markdown; charset=utf-8"
	case "csv":
		return "text/csv; charset=utf-8"
	case "pdf":
		return "application/pdf"
	case "xlsx":
		return ContentTypeXLSX
	}
	return ""
}

// Summary writes a draft's summary in a format ("md", "csv", "pdf"),
// headed by its front matter (SummaryFront).
func Summary(w io.Writer, s report.Summary, pv Provenance, format string) error {
	return write(w, s, SummaryFront(s, pv), format, summaryWriters)
}

// Comparison writes a comparison in a format ("md", "csv", "pdf"),
// headed by its front matter (ComparisonFront).
func Comparison(w io.Writer, c report.Comparison, pv Provenance, format string) error {
	return write(w, c, ComparisonFront(c, pv), format, comparisonWriters)
}

// docWriter writes one kind of document (a summary, a comparison) in one
// format.
type docWriter[T any] func(io.Writer, T, *Front) error

var summaryWriters = map[string]docWriter[report.Summary]{
	"md": markdownSummary, "csv": csvSummary, "pdf": pdfSummary}

var comparisonWriters = map[string]docWriter[report.Comparison]{
	"md": markdownComparison, "csv": csvComparison, "pdf": pdfComparison}

// write writes doc with the writer of its format, or nothing and
// ErrUnknownFormat for a format without one.
func write[T any](w io.Writer, doc T, f *Front, format string, writers map[string]docWriter[T]) error {
	if writeDoc, ok := writers[format]; ok {
		return writeDoc(w, doc, f)
	}
	return fmt.Errorf("%w %q: want md, csv or pdf", ErrUnknownFormat, format)
}

// MaxPDFProvisions bounds a PDF: a summary of more provisions, or a
// comparison of more keys, is refused in the UI with a pointer to the
// workbook. A 2,000-provision PDF is some 250 pages; 10,000 is not a
// document anyone reads, and would cost seconds and hundreds of megabytes.
const MaxPDFProvisions = 2000

// TooLongForPDF reports whether n provisions (or keys) are too many for a
// PDF.
func TooLongForPDF(n int) bool { return n > MaxPDFProvisions }
