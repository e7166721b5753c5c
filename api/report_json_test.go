package api

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"plantracker/models"
	"plantracker/models/report"
)

// TestReportJSONIsEncodingJSONs: the reports, streamed by JSON v2 with the
// v1 options, are byte for byte what encoding/json's Encoder writes of the
// same values (HTML-safe escaping, null and omitempty as before, a final
// newline), for a comparison in each language, a summary and a matrix.
func TestReportJSONIsEncodingJSONs(t *testing.T) {
	ts := newTestServer(t, sqlite)
	ctx := context.Background()
	ids := []int64{seeded.Draft28, seeded.E3, seeded.Geneva, seeded.Draft20}
	reports := []struct {
		url  string
		load func() (any, error)
	}{
		{url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, seeded.Draft20), func() (any, error) {
			cmp, err := ts.store.ComparisonIn(ctx, seeded.Draft28, seeded.Draft20, models.MainLanguage)
			return cmp.Brief(), err
		}},
		{url("/api/v1/compare?from=%d&to=%d&lang=uk", seeded.Geneva, seeded.Draft20), func() (any, error) {
			cmp, err := ts.store.ComparisonIn(ctx, seeded.Geneva, seeded.Draft20, "uk")
			return cmp.Brief(), err
		}},
		{url("/api/v1/compare?from=%d&to=%d&status=unchanged,changed", seeded.Draft28, seeded.E3), func() (any, error) {
			cmp, err := ts.store.ComparisonIn(ctx, seeded.Draft28, seeded.E3, models.MainLanguage)
			return cmp.Only(report.StatusUnchanged, report.StatusChanged), err
		}},
		{url("/api/v1/drafts/%d/summary", seeded.Draft20), func() (any, error) { return ts.store.Summary(ctx, seeded.Draft20) }},
		{url("/api/v1/matrix?drafts=%d,%d,%d,%d", ids[0], ids[1], ids[2], ids[3]), func() (any, error) { return ts.store.Matrix(ctx, ids) }},
	}
	for _, r := range reports {
		w := ts.do("GET", r.url, "")
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", r.url, w.Code, w.Body)
		}
		v, err := r.load()
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(v); err != nil {
			t.Fatal(err)
		}
		if got := w.Body.Bytes(); !bytes.Equal(got, want.Bytes()) {
			i := 0
			for i < min(len(got), len(want.Bytes())) && got[i] == want.Bytes()[i] {
				i++
			}
			t.Errorf("%s: the answer differs from encoding/json's at byte %d of %d:\n got …%s\nwant …%s", r.url, i, want.Len(),
				excerpt(got, i), excerpt(want.Bytes(), i))
		}
	}
}

func excerpt(b []byte, i int) []byte { return b[max(0, i-80):min(len(b), i+80)] }
