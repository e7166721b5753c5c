package storetest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// PDFText is the text of the PDF as poppler-utils' pdftotext reads it,
// with its options before the file ("-layout" keeps a table's columns
// apart, "-bbox" gives each word's box): a third party's reading of the
// PDFs the exports write. A reading error fails the test; without
// pdftotext the test fails in CI and is skipped elsewhere (RequireTool).
func PDFText(t testing.TB, pdf []byte, options ...string) string {
	t.Helper()
	bin := RequireTool(t, Command("pdftotext"), "pdftotext", "apt-get install poppler-utils")
	path := filepath.Join(t.TempDir(), "read.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append(append([]string(nil), options...), "-enc", "UTF-8", path, "-")
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext %v: %v\n%s", options, err, stderr.Bytes())
	}
	return string(out)
}
