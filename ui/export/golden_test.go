package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares the Markdown and CSV exports of the fixture with
// testdata/*.golden. After a deliberate change, rewrite them with
//
//	go test -tags sqlite_fts5 ./ui/export/ -run TestGolden -update
//
// and read the diff before committing it.
func TestGolden(t *testing.T) {
	s, sTo, c := testSummary(t), testSummaryTo(t), testComparison(t)
	cases := []struct {
		name  string
		write func(*bytes.Buffer, string) error
	}{
		{"summary", func(b *bytes.Buffer, f string) error { return Summary(b, s, testProvenance, f) }},
		{"summary-to", func(b *bytes.Buffer, f string) error { return Summary(b, sTo, testProvenance, f) }},
		{"comparison", func(b *bytes.Buffer, f string) error { return Comparison(b, c, testProvenance, f) }},
		{"stances", stanceMapIn(testStanceMap())},
		{"stances-empty", stanceMapIn(emptyStanceMap())},
	}
	for _, tc := range cases {
		for _, format := range []string{"md", "csv"} {
			name := tc.name + "." + format
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := tc.write(&buf, format); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", name+".golden")
				if *update {
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(buf.Bytes(), want) {
					t.Errorf("%s differs from %s (run with -update to accept):\n%s", name, path, firstDiff(buf.Bytes(), want))
				}
			})
		}
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + string(gl) + "\nwant: " + string(wl)
		}
	}
	return "(same lines, different bytes)"
}
