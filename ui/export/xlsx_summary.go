package export

import (
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"plantracker/models"
	"plantracker/models/report"
)

// A draft's provisions as a workbook for analysts: an About sheet (the
// draft, its coverage, as of when, exported when and by whom); every
// provision with one typed column per term; one sheet per kind that has
// terms; the parties and their stances; the sources cited.

// WorkbookInput is what a draft's workbook is made from: the draft, its
// provisions in their order, and the provenance every export carries
// (Provenance.Sources: the sources the draft and its provisions cite).
type WorkbookInput struct {
	Plan       models.Plan
	Draft      models.Draft
	Provisions []models.Provision
	Provenance
}

// front is the workbook's front matter, built as every export's is: the
// draft, then each provision's citations and its stances' in the
// workbook's order.
func (in WorkbookInput) front() *Front {
	f := newFront("summary", in.Plan.Title+": "+in.Draft.Name(), in.Provenance)
	f.draft("draft", report.NewDraftRef(in.Draft), in.Plan.Title, in.Provenance)
	for _, p := range in.Provisions {
		f.numberAll(p.Sources)
		f.numberParties(p.Parties)
	}
	return f
}

// ContentTypeXLSX is the media type of a workbook.
const ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// SummaryWorkbook writes a draft's workbook.
func SummaryWorkbook(w io.Writer, in WorkbookInput) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newWorkbookStyles(f)
	if err != nil {
		return err
	}
	steps := []func(*excelize.File, *workbookStyles, WorkbookInput, *Front) error{
		aboutSheet, provisionsSheet, kindSheets, stancesSheet, sourcesSheet,
	}
	front := in.front()
	for _, step := range steps {
		if err := step(f, styles, in, front); err != nil {
			return err
		}
	}
	f.SetActiveSheet(1) // the provisions
	return writeWorkbook(f, w)
}

func aboutSheet(f *excelize.File, styles *workbookStyles, in WorkbookInput, front *Front) error {
	w := front.w
	s, err := newSheet(f, styles, w.t("sheet.about"), []string{"", ""})
	if err != nil {
		return err
	}
	s.widths[0] = 18
	rows := [][]any{
		{w.t("label.plan"), in.Plan.Title},
		{w.t("label.draft"), in.Draft.Name()},
		{w.t("label.date"), date(in.Draft.Date)},
		{w.t("label.status"), w.vocab("draft_status", models.DraftStatuses, in.Draft.Status)},
		{w.t("label.coverage"), w.vocab("coverage", models.Coverages, in.Draft.Coverage)},
		{w.t("label.stage"), optional(w.vocab("stage", models.Stages, in.Draft.Stage))},
		{w.t("label.lineage"), front.Drafts[0].Lineage()},
		{w.t("label.provisions"), len(in.Provisions)},
		{w.t("label.as_of"), timeOrText(front.AsOf, front.AsOfText())},
		{w.t("label.exported"), front.ExportedAt},
		{w.t("label.exported_by"), front.orUnknown(front.ExportedBy)},
		{w.t("label.sources"), optional(front.refText(in.Draft.Sources))},
		{w.t("label.reading"), w.t("workbook.reading") + " " + partialNote(w, in.Draft)},
	}
	rows = append(rows, front.recordRows()...)
	for _, r := range rows {
		if err := s.add(r...); err != nil {
			return err
		}
	}
	return s.finish()
}

// timeOrText is t as a date-time cell, or text saying why there is none.
func timeOrText(t time.Time, text string) any {
	if t.IsZero() {
		return text
	}
	return t
}

func partialNote(w words, d models.Draft) string {
	if d.Partial() {
		return w.t("workbook.partial")
	}
	return w.t("workbook.whole")
}

// optional leaves a cell empty rather than writing an empty string.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// presentColumns are the term columns of the kinds the provisions have.
func presentColumns(ps []models.Provision, kind string) []models.TermColumn {
	present := map[string]bool{}
	for _, p := range ps {
		present[p.Kind] = true
	}
	var out []models.TermColumn
	for _, c := range models.TermColumns() {
		if present[c.Kind.Name] && (kind == "" || c.Kind.Name == kind) {
			out = append(out, c)
		}
	}
	return out
}

func columnHeader(w words, c models.TermColumn, withKind bool) string {
	h := w.field(c.Kind.Name, c.Field)
	if withKind {
		h = w.kind(c.Kind.Name) + ": " + h
	}
	if c.Field.Unit != "" {
		h += " (" + w.unit(c.Field.Unit) + ")"
	}
	return h
}

// termCell is a term's value as a typed cell.
func termCell(c models.TermColumn, p models.Provision) any {
	v, ok := c.Value(p)
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case []string:
		return strings.Join(v, ", ")
	case string:
		if c.Field.Type == models.FieldEnum {
			return models.OptionLabel(v)
		}
		return v
	}
	return v // float64 or bool
}

func provisionsSheet(f *excelize.File, styles *workbookStyles, in WorkbookInput, front *Front) error {
	w := front.w
	columns := presentColumns(in.Provisions, "")
	header := w.cols("point", "key", "category", "kind", "title", "status", "sourcing", "sources", "wording")
	for _, c := range columns {
		header = append(header, columnHeader(w, c, true))
	}
	s, err := newSheet(f, styles, w.t("sheet.provisions"), header)
	if err != nil {
		return err
	}
	for _, p := range in.Provisions {
		row := []any{optional(p.Point), p.Key, w.vocab("category", models.Categories, p.Category), w.kind(p.Kind), p.Title,
			w.vocab("status", models.ProvisionStatuses, p.Status), w.vocab("sourcing", models.Sourcings, p.Sourcing),
			optional(front.refText(p.Sources)), optional(p.Text)}
		for _, c := range columns {
			row = append(row, termCell(c, p))
		}
		if err := s.add(row...); err != nil {
			return err
		}
	}
	return s.finish()
}

// kindSheets writes one sheet per kind with terms: its provisions with
// only its columns, which reads better than the wide Provisions sheet.
func kindSheets(f *excelize.File, styles *workbookStyles, in WorkbookInput, front *Front) error {
	w := front.w
	for _, k := range models.Kinds() {
		columns := presentColumns(in.Provisions, k.Name)
		if len(columns) == 0 {
			continue
		}
		header := w.cols("point", "key", "title", "status", "sourcing")
		for _, c := range columns {
			header = append(header, columnHeader(w, c, false))
		}
		s, err := newSheet(f, styles, sheetName(w.kind(k.Name)), header)
		if err != nil {
			return err
		}
		for _, p := range in.Provisions {
			if p.Kind != k.Name {
				continue
			}
			row := []any{optional(p.Point), p.Key, p.Title, w.vocab("status", models.ProvisionStatuses, p.Status),
				w.vocab("sourcing", models.Sourcings, p.Sourcing)}
			for _, c := range columns {
				row = append(row, termCell(c, p))
			}
			if err := s.add(row...); err != nil {
				return err
			}
		}
		if err := s.finish(); err != nil {
			return err
		}
	}
	return nil
}

func stancesSheet(f *excelize.File, styles *workbookStyles, in WorkbookInput, front *Front) error {
	w := front.w
	s, err := newSheet(f, styles, w.t("sheet.stances"), w.cols("point", "key", "title", "party", "role", "stance", "stance_as_of", "stance_reported_by"))
	if err != nil {
		return err
	}
	for _, p := range in.Provisions {
		for _, pp := range p.Parties {
			var asOf any
			if pp.StanceDate != "" {
				asOf = date(pp.StanceDate)
			}
			if err := s.add(optional(p.Point), p.Key, p.Title, pp.Party, w.vocab("role", models.Roles, pp.Role),
				w.vocab("stance", models.Stances, pp.Stance), asOf, optional(front.refText(pp.StanceSources))); err != nil {
				return err
			}
		}
	}
	return s.finish()
}

// sourcesSheet is the numbered reference list the Sources columns point
// into, with each source record's fields.
func sourcesSheet(f *excelize.File, styles *workbookStyles, _ WorkbookInput, front *Front) error {
	s, err := newSheet(f, styles, front.w.t("sheet.sources"),
		front.w.cols("no", "key", "publisher", "title", "date", "language", "url", "quote", "note"))
	if err != nil {
		return err
	}
	for _, r := range front.References {
		src := front.records[r.Key]
		var d any
		if r.Date != "" {
			d = date(r.Date)
		}
		if err := s.add(r.N, r.Key, r.Publisher, optional(r.Title), d, optional(src.Language), optional(r.URL),
			optional(src.Quote), optional(src.Note)); err != nil {
			return err
		}
	}
	return s.finish()
}

// sheetName makes a kind's label a valid sheet name: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(label string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, label)
	if r := []rune(name); len(r) > 31 {
		name = strings.TrimSpace(string(r[:30])) + "…"
	}
	return name
}

func kindLabelOf(name string) string {
	if k, ok := models.KindByName(name); ok {
		return k.Label
	}
	return name
}
