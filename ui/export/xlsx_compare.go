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
	s, err := newSheet(f, styles, "About", []string{"", ""})
	if err != nil {
		return err
	}
	s.widths[0] = 18
	rows := [][]any{{"Comparison", front.Title}}
	for i, d := range []report.DraftRef{c.From, c.To} {
		fd := front.Drafts[i]
		rows = append(rows,
			[]any{fd.Role, d.Name},
			[]any{fd.Role + ": date", optionalDate(d.Date)},
			[]any{fd.Role + ": status", d.StatusLabel},
			[]any{fd.Role + ": coverage", d.CoverageLabel},
			[]any{fd.Role + ": lineage", fd.Lineage()},
			[]any{fd.Role + ": sources", optional(front.refText(d.Citations))})
	}
	n := c.Counts
	rows = append(rows,
		[]any{"Keys", n.Total}, []any{"Added", n.Added}, []any{"Removed", n.Removed}, []any{"Withdrawn", n.Withdrawn},
		[]any{"Changed", n.Changed}, []any{"Not reported", n.NotReported}, []any{"Unchanged", n.Unchanged},
		[]any{"Sourcing only", n.SourcingOnly},
		[]any{"As of", timeOrText(front.AsOf, front.AsOfText())},
		[]any{"Exported", front.ExportedAt},
		[]any{"Exported by", orUnknown(front.ExportedBy)},
		[]any{"Reading it", "One row per changed field of a key; a key with no field changes (added, removed, not reported, unchanged) has one row with its field columns empty. " +
			"Before and After are the formatted values; Before value and After value the same typed, for terms. An empty cell is not stated."})
	rows = append(rows, front.recordRows()...)
	if c.To.Coverage == "partial" {
		rows = append(rows, []any{"Partial", c.To.Name + " is known only in part: a key it does not mention is not reported, not removed, and shows its last known value."})
	}
	for _, r := range rows {
		if err := s.add(r...); err != nil {
			return err
		}
	}
	return s.finish()
}

// changesHeader are the Changes sheet's columns.
var changesHeader = []string{"Status", "Withdrawn", "Category", "Point", "Key", "Title", "Aspect", "Field", "Label",
	"Before", "After", "Before value", "After value", "Delta", "Note",
	"From sourcing", "To sourcing", "From sources", "To sources"}

func changesSheet(f *excelize.File, styles *workbookStyles, c report.Comparison, front *Front) error {
	s, err := newSheet(f, styles, "Changes", changesHeader)
	if err != nil {
		return err
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		var fromSourcing, toSourcing, fromCite, toCite any
		if r.From != nil {
			fromSourcing, fromCite = r.From.SourcingLabel, optional(front.refText(r.From.Citations))
		}
		if r.To != nil {
			toSourcing, toCite = r.To.SourcingLabel, optional(front.refText(r.To.Citations))
		}
		row := func(aspect string, fc *report.FieldChange) []any {
			cells := []any{string(r.Status), r.Withdrawn, r.CategoryLabel, optional(r.Point), r.Key, r.Title}
			if fc == nil {
				cells = append(cells, nil, nil, nil, nil, nil, nil, nil, nil)
			} else {
				before, after := changeValues(r, *fc)
				cells = append(cells, aspect, fc.Field, fc.Label, fc.Before, fc.After, typedCell(before, fc.Type), typedCell(after, fc.Type), optional(fc.Delta))
				if strings.HasPrefix(fc.Field, "parties.") { // a stance cites its own sources
					return append(cells, optional(r.Note), fromSourcing, toSourcing,
						optional(front.refText(changeCites(r.From, fc.Field))), optional(front.refText(changeCites(r.To, fc.Field))))
				}
			}
			return append(cells, optional(r.Note), fromSourcing, toSourcing, fromCite, toCite)
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
