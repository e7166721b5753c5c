package dataset

import (
	"encoding/csv"
	"io"

	"plantracker/models"
)

// A table is one CSV file of the dataset: its columns, each with what the
// codebook says of it and how a row gives its cell. Writing a file and
// documenting it read the same declaration, so they cannot drift apart.
type table[T any] struct {
	file        string
	description string
	columns     []column[T]
}

type column[T any] struct {
	doc  Column
	cell func(T) string
}

// col declares a plain column.
func col[T any](name, typ, description string, cell func(T) string) column[T] {
	return column[T]{doc: Column{Name: name, Type: typ, Description: description}, cell: cell}
}

// enum declares a column of a closed vocabulary.
func enum[T any](name, description string, values []models.Term, cell func(T) string) column[T] {
	return column[T]{doc: Column{Name: name, Type: "enum", Description: description, Values: values}, cell: cell}
}

func (t table[T]) doc() File {
	f := File{Name: t.file, Description: t.description}
	for _, c := range t.columns {
		f.Columns = append(f.Columns, c.doc)
	}
	return f
}

// write writes the header and one record per row (RFC 4180, CRLF line
// ends). Cells are the values as stored: no spreadsheet escaping, which
// would change the data a program reads.
func (t table[T]) write(w io.Writer, rows []T) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.doc.Name
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	record := make([]string, len(t.columns))
	for _, r := range rows {
		for i, c := range t.columns {
			record[i] = c.cell(r)
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
