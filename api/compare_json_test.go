package api

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"plantracker/models"
	"plantracker/models/report"
)

// TestComparisonJSONIsMarshalWrites: a comparison with its rows encoded
// in parts side by side is, byte for byte, what MarshalWrite writes of it,
// for any number of rows and of processors, with text that looks like the
// member the parts are laid into.
func TestComparisonJSONIsMarshalWrites(t *testing.T) {
	ts := newTestServer(t, sqlite)
	ctx := context.Background()
	full, err := ts.store.ComparisonIn(ctx, seeded.Draft28, seeded.Draft20, models.MainLanguage)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Rows) == 0 {
		t.Fatal("the seeded comparison has no rows")
	}
	// Rows enough for several parts, some of them with text that reads as
	// the rows' member, or as the end of a part.
	var many []report.ComparisonRow
	for i := 0; len(many) < 5*parallelJSONRows+3; i++ {
		row := full.Rows[i%len(full.Rows)]
		switch i % 7 {
		case 3:
			row.Title = `,"rows":null,` + row.Title
		case 5:
			row.Note = `"rows":[],<b>&</b> ` + row.Note
		}
		many = append(many, row)
	}
	opts := jsonv1.DefaultOptionsV1()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 3, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2*parallelJSONRows - 1, 2 * parallelJSONRows, 2*parallelJSONRows + 1, 3*parallelJSONRows + 7, len(many)} {
			for _, brief := range []bool{false, true} {
				c := full
				if brief {
					c = full.Brief()
				}
				c.Rows = many[:n]
				var want, got bytes.Buffer
				if err := jsonv2.MarshalWrite(&want, c, opts); err != nil {
					t.Fatal(err)
				}
				if err := writeComparisonJSON(&got, c, opts); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					i := 0
					for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
						i++
					}
					t.Errorf("%d processors, %d rows, brief %v: differs at byte %d of %d:\n got …%s\nwant …%s",
						procs, n, brief, i, want.Len(), excerpt(got.Bytes(), i), excerpt(want.Bytes(), i))
				}
			}
		}
	}
	if t.Failed() {
		return
	}
	// And the answer is the comparison: read back, it has every row.
	var back report.Comparison
	var got bytes.Buffer
	c := full
	c.Rows = many
	if err := writeComparisonJSON(&got, c, opts); err != nil {
		t.Fatal(err)
	}
	if err := jsonv2.Unmarshal(got.Bytes(), &back, opts); err != nil {
		t.Fatal(err)
	}
	if len(back.Rows) != len(many) || back.Rows[3].Title != many[3].Title || back.Counts != full.Counts {
		t.Errorf("read back: %d rows of %d, row 3 %q", len(back.Rows), len(many), back.Rows[3].Title)
	}
}
