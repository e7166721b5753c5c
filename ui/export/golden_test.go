package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"plantracker/store/storetest"
)

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
				storetest.Golden(t, filepath.Join("testdata", name+".golden"), buf.Bytes())
			})
		}
	}
}
