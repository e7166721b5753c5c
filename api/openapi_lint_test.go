package api

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"plantracker/store/storetest"
)

// redoclyVersion is the Redocly CLI .ci/install-test-deps installs, under
// tmp/tools/redocly at the top of the repository.
const redoclyVersion = "2.77.0"

// TestOpenAPILintsUnderRedoclyRecommended runs Redocly's linter, with its
// recommended rules, over the document the server serves: a third party's
// reading of it, not ours. Errors fail; warnings are logged.
func TestOpenAPILintsUnderRedoclyRecommended(t *testing.T) {
	bin := storetest.RequireNodeTool(t, "PLANTRACKER_REDOCLY", "redocly", "@redocly/cli@"+redoclyVersion)
	ts := newTestServer(t, sqlite)
	w := ts.do("GET", "/api/v1/openapi.json", "")
	if w.Code != 200 {
		t.Fatalf("openapi.json: %d", w.Code)
	}
	doc := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(doc, w.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "lint", "--extends=recommended", "--format=json", doc).Output()
	var report struct {
		Totals   struct{ Errors, Warnings int }
		Problems []struct {
			RuleID   string `json:"ruleId"`
			Severity string
			Message  string
			Location []struct{ Pointer string }
		}
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("redocly lint: %v; its output: %s", err, out)
	}
	for _, p := range report.Problems {
		where := ""
		if len(p.Location) > 0 {
			where = p.Location[0].Pointer
		}
		if p.Severity == "error" {
			t.Errorf("%s at %s: %s", p.RuleID, where, p.Message)
		} else {
			t.Logf("%s (%s) at %s: %s", p.RuleID, p.Severity, where, p.Message)
		}
	}
	if report.Totals.Errors != 0 && !t.Failed() {
		t.Errorf("redocly counts %d errors", report.Totals.Errors)
	}
}
