package api

import (
	"archive/zip"
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/store"
)

func TestDataset(t *testing.T) {
	runScenarios(t, []scenario{
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
