package export

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A sheet of a workbook, written row by row: a bold header row that stays
// in view (frozen) with filters on, typed cells (numbers as numbers, dates
// as dates, booleans as booleans, never text that looks like a formula),
// and columns as wide as their widest value, within bounds. excelize
// writes the file; this only says what goes where.

const (
	minColumnWidth = 6
	maxColumnWidth = 60
)

type sheet struct {
	f      *excelize.File
	name   string
	row    int
	widths []float64
	styles *workbookStyles
	// dated are the date and date-time cells with their styles, kept when
	// a long column's wrap style is laid over them (finish).
	dated map[string]int
}

// workbookStyles are the cell styles a workbook's sheets share.
type workbookStyles struct {
	header, date, datetime, wrap int
}

func newWorkbookStyles(f *excelize.File) (*workbookStyles, error) {
	var s workbookStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8ECF1"}}}); err != nil {
		return nil, err
	}
	dateFormat, datetimeFormat := "yyyy-mm-dd", "yyyy-mm-dd hh:mm \"UTC\""
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat}); err != nil {
		return nil, err
	}
	if s.datetime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &datetimeFormat}); err != nil {
		return nil, err
	}
	if s.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	return &s, nil
}

// newSheet adds a sheet (or renames the workbook's first, empty one) and
// writes its header.
func newSheet(f *excelize.File, styles *workbookStyles, name string, header []string) (*sheet, error) {
	if f.SheetCount == 1 && f.GetSheetName(0) == "Sheet1" {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	s := &sheet{f: f, name: name, styles: styles, widths: make([]float64, len(header))}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := s.add(cells...); err != nil {
		return nil, err
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := f.SetCellStyle(name, "A1", last, styles.header); err != nil {
		return nil, err
	}
	return s, nil
}

// date marks a value to be written as a date cell.
type date string

// add writes the next row. A cell is a float64 or int (a number), a bool,
// a date ("2025-11-23"; text if it does not parse), a time.Time, a string,
// or nil (left empty: not stated).
func (s *sheet) add(cells ...any) error {
	s.row++
	for i, v := range cells {
		ref, err := excelize.CoordinatesToCellName(i+1, s.row)
		if err != nil {
			return err
		}
		width := 0
		switch v := v.(type) {
		case nil:
			continue
		case date:
			t, err := time.Parse("2006-01-02", string(v))
			if err != nil {
				if err := s.f.SetCellStr(s.name, ref, string(v)); err != nil {
					return err
				}
				width = utf8.RuneCountInString(string(v))
				break
			}
			if err := s.f.SetCellValue(s.name, ref, t); err != nil {
				return err
			}
			if err := s.dateStyle(ref, s.styles.date); err != nil {
				return err
			}
			width = 11
		case time.Time:
			if err := s.f.SetCellValue(s.name, ref, v.UTC()); err != nil {
				return err
			}
			if err := s.dateStyle(ref, s.styles.datetime); err != nil {
				return err
			}
			width = 21
		case string:
			// SetCellStr stores text as text: a leading "=" is never a formula.
			if err := s.f.SetCellStr(s.name, ref, v); err != nil {
				return err
			}
			width = utf8.RuneCountInString(v)
		default:
			if err := s.f.SetCellValue(s.name, ref, v); err != nil {
				return err
			}
			width = 12
		}
		if i < len(s.widths) {
			s.widths[i] = max(s.widths[i], float64(width)+2)
		}
	}
	return nil
}

// dateStyle gives a cell a date format and remembers it.
func (s *sheet) dateStyle(ref string, style int) error {
	if s.dated == nil {
		s.dated = map[string]int{}
	}
	s.dated[ref] = style
	return s.f.SetCellStyle(s.name, ref, ref, style)
}

// finish freezes the header, turns the filters on, records the range
// written (the sheet's dimension, which a streaming reader trusts) and
// sizes the columns; long text wraps, and a date in a wrapped column
// keeps its date format.
func (s *sheet) finish() error {
	if err := s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(s.widths), max(s.row, 1))
	if err != nil {
		return err
	}
	if err := s.f.AutoFilter(s.name, "A1:"+last, nil); err != nil {
		return err
	}
	if err := s.f.SetSheetDimension(s.name, "A1:"+last); err != nil {
		return err
	}
	for i, w := range s.widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		width := min(max(w, minColumnWidth), maxColumnWidth)
		if err := s.f.SetColWidth(s.name, col, col, width); err != nil {
			return err
		}
		if w > maxColumnWidth && s.row > 1 {
			top, _ := excelize.CoordinatesToCellName(i+1, 2)
			bottom, _ := excelize.CoordinatesToCellName(i+1, s.row)
			if err := s.f.SetCellStyle(s.name, top, bottom, s.styles.wrap); err != nil {
				return err
			}
		}
	}
	for ref, style := range s.dated {
		if err := s.f.SetCellStyle(s.name, ref, ref, style); err != nil {
			return err
		}
	}
	return nil
}

// writeWorkbook writes the file without the filterMode="true" excelize's
// AutoFilter puts on every sheet: it tells a reader that rows are hidden
// by a filter, and none is; the filter buttons (autoFilter) stay.
func writeWorkbook(f *excelize.File, w io.Writer) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, file := range zr.File {
		r, err := file.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return err
		}
		if strings.HasPrefix(file.Name, "xl/worksheets/sheet") && strings.HasSuffix(file.Name, ".xml") {
			data = bytes.Replace(data, []byte(`<sheetPr filterMode="true"></sheetPr>`), nil, 1)
			data = bytes.Replace(data, []byte(` filterMode="true"`), nil, 1)
		}
		out, err := zw.CreateHeader(&zip.FileHeader{Name: file.Name, Method: zip.Deflate, Modified: file.Modified})
		if err != nil {
			return err
		}
		if _, err := out.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
