package api

import (
	"archive/zip"
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models/report"
	"plantracker/store"
)

func TestReports(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "summary", method: "GET", url: url("/api/v1/drafts/%d/summary", seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"title":"US peace framework"`, `"signatories":[]`, `"category":"security"`, `"headline":"600,000 people"`},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				s := decode[report.Summary](t, w)
				if s.Count < 20 || len(s.Sources) == 0 || s.Groups[0].Category != "security" {
					t.Fatalf("summary: %d provisions, %d sources, first group %s", s.Count, len(s.Sources), s.Groups[0].Category)
				}
			}},
		{name: "summary of a missing draft", method: "GET", url: "/api/v1/drafts/999/summary", wantStatus: 404},
		{name: "compare 28-point with E3", method: "GET", url: url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, seeded.E3), wantStatus: 200,
			wantContain: []string{"Limit: 600,000 people → 800,000 people (+33.3%)"},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				c := decode[report.Comparison](t, w)
				status := map[string]report.DiffStatus{}
				for _, r := range c.Rows {
					status[r.Key] = r.Status
				}
				// The troop cap and the territorial provisions changed; the
				// amnesty is withdrawn (unconfirmed), so removed; the DMZ is
				// not in the reporting of the partial E3 text.
				for key, want := range map[string]report.DiffStatus{"troop-cap": "changed", "donbas": "changed",
					"kherson-zaporizhzhia": "changed", "crimea": "changed", "amnesty": "removed", "donetsk-dmz": "not_reported"} {
					if status[key] != want {
						t.Errorf("%s: %s, want %s", key, status[key], want)
					}
				}
				if c.Counts.Changed == 0 || c.Counts.Total != len(c.Rows) {
					t.Errorf("counts %+v for %d rows", c.Counts, len(c.Rows))
				}
			}},
		{name: "compare across a missing draft", method: "GET", url: url("/api/v1/compare?from=%d&to=999", seeded.Draft28), wantStatus: 404},
		{name: "compare without parameters", method: "GET", url: "/api/v1/compare?from=x", wantStatus: 400, wantFields: []string{"from", "to"}},
		{name: "compare with a status that is none", method: "GET", url: url("/api/v1/compare?from=%d&to=%d&status=changed,moved", seeded.Draft28, seeded.E3),
			wantStatus: 400, wantFields: []string{"status"}},
		{name: "matrix of the US drafts", method: "GET", url: url("/api/v1/matrix?drafts=%d,%d,%d", seeded.Draft28, seeded.Geneva, seeded.Draft20), wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				m := decode[report.Matrix](t, w)
				if len(m.Drafts) != 3 {
					t.Fatalf("%d columns", len(m.Drafts))
				}
				for _, r := range m.Rows {
					if r.Key == "troop-cap" {
						if !strings.Contains(r.Cells[0].Headline, "600,000") || !r.Cells[1].Changed || r.Cells[2].Headline == "" {
							t.Fatalf("troop-cap row: %+v", r.Cells)
						}
						return
					}
				}
				t.Fatal("no troop-cap row")
			}},
		{name: "matrix with bad ids", method: "GET", url: "/api/v1/matrix?drafts=1,x", wantStatus: 400, wantFields: []string{"drafts"}},
		{name: "matrix with no ids", method: "GET", url: "/api/v1/matrix", wantStatus: 400, wantFields: []string{"drafts"}},
		{name: "matrix with too many ids", method: "GET", url: "/api/v1/matrix?drafts=" + strings.Repeat("1,", 21), wantStatus: 400, wantFields: []string{"drafts"}},
		{name: "a viewer downloads the dataset", method: "GET", url: "/api/v1/dataset.zip", as: "vera", wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				if ct := w.Header().Get("Content-Type"); ct != "application/zip" {
					t.Errorf("Content-Type %q", ct)
				}
				if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="plantracker-dataset-`) {
					t.Errorf("Content-Disposition %q", cd)
				}
				zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, f := range zr.File {
					names = append(names, f.Name)
				}
				if got := strings.Join(names, " "); !strings.Contains(got, "provisions.csv") || !strings.Contains(got, "codebook.md") {
					t.Errorf("the zip holds %s", got)
				}
			}},
		{name: "not without signing in", method: "GET", url: "/api/v1/dataset.zip", as: "anonymous", wantStatus: 401},
	})
}
