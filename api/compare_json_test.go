package api

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"plantracker/models"
	"plantracker/models/report"
)

// TestComparisonJSONIsMarshalWrites: a comparison with its rows encoded
// in chunks side by side is, byte for byte, what MarshalWrite writes of
// it, for any number of rows and of processors (more chunks than are
// encoded ahead, a last chunk short or full), with text that looks like
// the member the chunks are laid into.
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
	for i := 0; len(many) < 12*jsonChunkRows+5; i++ {
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
		for _, n := range []int{0, 1, 2*jsonChunkRows - 1, 2 * jsonChunkRows, 2*jsonChunkRows + 1, 5*jsonChunkRows + 7, len(many)} {
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

// TestComparisonJSONStopsWithItsWriter: a client gone mid-answer ends the
// encoding: the write's error is returned, and no goroutine is left
// encoding or waiting for its turn.
func TestComparisonJSONStopsWithItsWriter(t *testing.T) {
	ts := newTestServer(t, sqlite)
	full, err := ts.store.ComparisonIn(context.Background(), seeded.Draft28, seeded.Draft20, models.MainLanguage)
	if err != nil {
		t.Fatal(err)
	}
	c := full
	c.Rows = nil
	for len(c.Rows) < 40*jsonChunkRows {
		c.Rows = append(c.Rows, full.Rows...)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	before := runtime.NumGoroutine()
	for _, after := range []int{0, 10, 5000, 200000} {
		w := &cutOff{left: after}
		if err := writeComparisonJSON(w, c, jsonv1.DefaultOptionsV1()); err != errCutOff {
			t.Errorf("cut off after %d bytes: %v", after, err)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind", n-before)
	}
}

var errCutOff = errors.New("the client is gone")

// cutOff takes left bytes, then fails.
type cutOff struct{ left int }

func (w *cutOff) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errCutOff
	}
	w.left -= len(p)
	return len(p), nil
}
