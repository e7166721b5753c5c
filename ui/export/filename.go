package export

import (
	"strconv"
	"strings"

	"plantracker/models"
	"plantracker/models/report"
)

// maxSlug caps each slugged part of a file name: labels may run to 200
// characters, and file systems refuse names over 255 bytes.
const maxSlug = 60

// Every export of a draft is named by one pattern, whatever its format
// (md, csv, pdf, xlsx): "<plan>-v<number>-summary.<format>"; every export
// of a comparison by one: "compare-<from draft>-to-<to draft>.<format>".

// SummaryFilename names a summary file: "us-peace-framework-v1-summary.pdf".
// It is "" for an unknown format, as ContentType is.
func SummaryFilename(s report.Summary, format string) string {
	return summaryFilename(s.Plan.Title, s.Draft.Number, format)
}

// Filename names a draft's workbook as SummaryFilename names its other
// exports: "us-peace-framework-v1-summary.xlsx".
func (in WorkbookInput) Filename() string {
	return summaryFilename(in.Plan.Title, in.Draft.Number, "xlsx")
}

func summaryFilename(planTitle string, number int, format string) string {
	if ContentType(format) == "" {
		return ""
	}
	return slug(planTitle) + "-v" + strconv.Itoa(number) + "-summary." + format
}

// ComparisonFilename names a comparison file by the two drafts it holds:
// "compare-v1-28-point-draft-to-v1-e3-counter-proposal.csv". It is "" for an
// unknown format.
func ComparisonFilename(c report.Comparison, format string) string {
	if ContentType(format) == "" {
		return ""
	}
	return "compare-" + slug(draftName(c.From)) + "-to-" + slug(draftName(c.To)) + "." + format
}

// draftName is the draft's "v2 Geneva revision", built from its number and
// label where a hand-made DraftRef left Name empty.
func draftName(d report.DraftRef) string {
	if d.Name != "" {
		return d.Name
	}
	return strings.TrimSpace("v" + strconv.Itoa(d.Number) + " " + d.Label)
}

// slug is models.Slugify cut at a hyphen to at most maxSlug bytes.
func slug(s string) string {
	out := models.Slugify(s)
	if len(out) <= maxSlug {
		return out
	}
	out = out[:maxSlug]
	if i := strings.LastIndexByte(out, '-'); i > 0 {
		out = out[:i]
	}
	return out
}
