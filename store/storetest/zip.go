package storetest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Unzip reads a zip archive held in memory (a dataset download, a
// workbook): each file's content by name. An archive or a file it cannot
// read fails the test.
func Unzip(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], err = io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
