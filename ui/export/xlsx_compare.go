package export

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"plantracker/models"
	"plantracker/models/report"
)

// A comparison as a workbook for analysts: an About sheet (the two drafts
// with their dates, coverage and lineage, as of, exported when and by
// whom, the counts), a Changes sheet (one row per changed field, and one
// per key with none: added, removed, not reported, unchanged), its from
// and to values in typed columns (numbers as numbers, booleans as
// booleans, beside the formatted text), and the numbered Sources its
// citation columns point into. Every sheet has a frozen header row,
// filters and fitted widths (xlsx_sheet.go).

// ComparisonWorkbook writes a comparison's workbook.
func ComparisonWorkbook(w io.Writer, c report.Comparison, pv Provenance) error {
	front := ComparisonFront(c, pv)
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newWorkbookStyles(f)
	if err != nil {
		return err
	}
	for _, step := range []func(*excelize.File, *workbookStyles, report.Comparison, *Front) error{
		comparisonAbout, changesSheet, comparisonSources,
	} {
		if err := step(f, styles, c, front); err != nil {
			return err
		}
	}
	f.SetActiveSheet(1) // the changes
	return writeWorkbook(f, w)
}

func comparisonAbout(f *excelize.File, styles *workbookStyles, c report.Comparison, front *Front) error {
	w := front.w
	s, err := newSheet(f, styles, w.t("sheet.about"), []string{"", ""})
	if err != nil {
		return err
	}
	s.widths[0] = 18
	rows := [][]any{{w.t("comparison"), front.Title}}
	for i, d := range []report.DraftRef{c.From, c.To} {
		fd := front.Drafts[i]
		role := func(what string) string { return w.t("role_label", "Role", fd.Role, "Label", w.t(what)) }
		rows = append(rows,
			[]any{fd.Role, d.Name},
			[]any{role("about.date"), optionalDate(d.Date)},
			[]any{role("about.status"), fd.Status},
			[]any{role("about.coverage"), w.vocab("coverage", models.Coverages, d.Coverage)},
			[]any{role("about.lineage"), fd.Lineage()},
			[]any{role("about.sources"), optional(front.refText(d.Citations))})
	}
	n := c.Counts
	rows = append(rows,
		[]any{w.t("label.keys"), n.Total}, []any{w.t("label.added"), n.Added}, []any{w.t("label.removed"), n.Removed},
		[]any{w.t("label.withdrawn"), n.Withdrawn}, []any{w.t("label.changed"), n.Changed},
		[]any{w.t("label.not_reported"), n.NotReported}, []any{w.t("label.unchanged"), n.Unchanged},
		[]any{w.t("label.sourcing_only"), n.SourcingOnly},
		[]any{w.t("label.as_of"), timeOrText(front.AsOf, front.AsOfText())},
		[]any{w.t("label.exported"), front.ExportedAt},
		[]any{w.t("label.exported_by"), front.orUnknown(front.ExportedBy)},
		[]any{w.t("label.reading"), w.t("workbook.reading_changes")})
	rows = append(rows, front.recordRows()...)
	if c.To.Coverage == "partial" {
		rows = append(rows, []any{w.t("label.partial"), w.t("workbook.partial_to", "Draft", c.To.Name)})
	}
	for _, r := range rows {
		if err := s.add(r...); err != nil {
			return err
		}
	}
	return s.finish()
}

// changesColumns are the Changes sheet's columns, by catalog id.
var changesColumns = []string{"status", "withdrawn", "category", "point", "key", "title", "aspect", "field", "label",
	"before", "after", "before_value", "after_value", "delta", "note",
	"from_sourcing", "to_sourcing", "from_sources", "to_sources"}

func changesSheet(f *excelize.File, styles *workbookStyles, c report.Comparison, front *Front) error {
	w := front.w
	s, err := newSheet(f, styles, w.t("sheet.changes"), w.cols(changesColumns...))
	if err != nil {
		return err
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		var fromSourcing, toSourcing, fromCite, toCite any
		if r.From != nil {
			fromSourcing, fromCite = w.vocab("sourcing", models.Sourcings, r.From.Sourcing), optional(front.refText(r.From.Citations))
		}
		if r.To != nil {
			toSourcing, toCite = w.vocab("sourcing", models.Sourcings, r.To.Sourcing), optional(front.refText(r.To.Citations))
		}
		row := func(aspect string, fc *report.FieldChange) []any {
			cells := []any{string(r.Status), r.Withdrawn, w.vocab("category", models.Categories, r.Category), optional(r.Point), r.Key, r.Title}
			if fc == nil {
				cells = append(cells, nil, nil, nil, nil, nil, nil, nil, nil)
			} else {
				before, after := changeValues(r, *fc)
				ch := w.change(r, *fc)
				cells = append(cells, aspect, fc.Field, ch.Label, ch.Before, ch.After, typedCell(before, fc.Type), typedCell(after, fc.Type), optional(fc.Delta))
				if strings.HasPrefix(fc.Field, "parties.") { // a stance cites its own sources
					return append(cells, optional(w.note(r.Note)), fromSourcing, toSourcing,
						optional(front.refText(changeCites(r.From, fc.Field))), optional(front.refText(changeCites(r.To, fc.Field))))
				}
			}
			return append(cells, optional(w.note(r.Note)), fromSourcing, toSourcing, fromCite, toCite)
		}
		if len(r.Changes)+len(r.SourcingChanges) == 0 {
			if err := s.add(row("", nil)...); err != nil {
				return err
			}
			continue
		}
		for _, part := range []struct {
			aspect  string
			changes []report.FieldChange
		}{{"substance", r.Changes}, {"sourcing", r.SourcingChanges}} {
			for j := range part.changes {
				if err := s.add(row(changeAspect(part.aspect, part.changes[j]), &part.changes[j])...); err != nil {
					return err
				}
			}
		}
	}
	return s.finish()
}

// typedCell is a typed term value as a cell: a number, a boolean, text (a
// choice by its label); parties joined by ", "; nil (empty) where not
// stated.
func typedCell(v any, fieldType string) any {
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ", ")
	case string:
		if fieldType == string(models.FieldEnum) {
			return models.OptionLabel(v)
		}
	}
	return v
}

func optionalDate(s string) any {
	if s == "" {
		return nil
	}
	return date(s)
}

// comparisonSources is the numbered reference list the sources columns
// point into.
func comparisonSources(f *excelize.File, styles *workbookStyles, _ report.Comparison, front *Front) error {
	return sourcesSheet(f, styles, WorkbookInput{}, front)
}
