package ui_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/store/storetest"
)

// pythonReaders reads an exported workbook with openpyxl (whole and in its
// streaming read-only mode) and a CSV with pandas, as researchers do; it
// prints what the test checks. Debian's python3 has both (make test-deps).
const pythonReaders = `
import datetime, sys
import openpyxl, pandas
xlsx, csv = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(xlsx)
about = wb["About"]
dates = [c.coordinate for row in about.iter_rows() for c in row if isinstance(c.value, datetime.datetime)]
print("about-dates", ",".join(dates))
ro = openpyxl.load_workbook(xlsx, read_only=True)
for ws in wb.worksheets:
    print("rows", ws.title, ws.max_row, sum(1 for _ in ro[ws.title].iter_rows()))
df = pandas.read_csv(csv, comment="#")
print("csv", len(df), ",".join(df.columns[:3]))
`

// The exports open in the researchers' own tools with no option but
// comment="#": openpyxl reads the About sheet's dates as dates and, read
// only, every row of every sheet (a true dimension); pandas reads the CSV.
func TestExportsReadByPandasAndOpenpyxl(t *testing.T) {
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import openpyxl, pandas").Run(); err != nil {
		if storetest.InCI() {
			t.Fatalf("openpyxl and pandas are missing (make test-deps installs them): %v", err)
		}
		t.Skip("openpyxl and pandas are missing; make test-deps installs them")
	}
	a := newApp(t)
	dir := t.TempDir()
	for _, p := range []struct{ xlsx, csv string }{
		{"/drafts/" + id(seeded.draft28) + "/summary.xlsx", "/drafts/" + id(seeded.draft28) + "/summary.csv"},
		{"/compare.xlsx?from=" + id(seeded.draft28) + "&to=" + id(seeded.draft20), "/compare.csv?from=" + id(seeded.draft28) + "&to=" + id(seeded.draft20)},
	} {
		files := []string{filepath.Join(dir, "export.xlsx"), filepath.Join(dir, "export.csv")}
		for i, path := range []string{p.xlsx, p.csv} {
			res, body := a.get(path)
			if res.StatusCode != 200 {
				t.Fatalf("GET %s: %d", path, res.StatusCode)
			}
			if err := os.WriteFile(files[i], []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out, err := exec.Command(python, "-c", pythonReaders, files[0], files[1]).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", p.xlsx, err, out)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			switch {
			case f[0] == "about-dates" && len(f) < 2:
				t.Errorf("%s: openpyxl reads no date on the About sheet", p.xlsx)
			case f[0] == "rows" && f[len(f)-2] != f[len(f)-1]:
				t.Errorf("%s: sheet %s has %s rows, read only %s", p.xlsx, strings.Join(f[1:len(f)-2], " "), f[len(f)-2], f[len(f)-1])
			case f[0] == "csv" && (f[1] == "0" || len(f) < 3 || strings.HasPrefix(f[2], "#")):
				t.Errorf("%s: pandas reads %q", p.csv, line)
			}
		}
		t.Logf("%s\n%s", p.xlsx, out)
	}
}
