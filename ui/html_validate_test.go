package ui_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store/storetest"
)

// htmlValidateVersion is the html-validate CLI .ci/install-test-deps
// installs under tmp/tools/html-validate (the 8.x line runs on Debian's
// Node 18 and 20).
const htmlValidateVersion = "8.29.0"

// TestPagesValidateAsHTML renders every kind of page, as an admin sees it
// (the most controls), and has html-validate check them against the HTML
// standard (its "standard" preset: content models, attributes, ids,
// nesting, as the Nu HTML Checker reads them). A third party's reading of
// our markup, not ours; any error fails.
func TestPagesValidateAsHTML(t *testing.T) {
	bin := storetest.RequireNodeTool(t, "PLANTRACKER_HTML_VALIDATE", "html-validate", "html-validate@"+htmlValidateVersion)
	a := newApp(t)
	ctx := context.Background()
	if _, err := a.store.CreateUser(ctx, "test", models.User{Username: "ada", Role: models.RoleAdmin}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	a.signIn("ada")
	translate(t, a.store, seeded.guarantee28, "uk")                           // its page, and its search hit, show the English and the Ukrainian original beside it
	quoted, err := a.store.CreateSource(ctx, "test", ukrainianOriginalSource) // the sources page shows its quote in English and the original
	if err != nil {
		t.Fatal(err)
	}
	d28, e3, tc := id(seeded.draft28), id(seeded.e3), id(seeded.troopCap28)
	pages := []string{
		"/", "/drafts/" + d28, "/drafts/" + e3, "/drafts/" + d28 + "?kind=troop_cap&sort=point",
		"/drafts/" + d28 + "/edit", "/drafts/" + d28 + "/fork", "/drafts/" + d28 + "/delete",
		"/drafts/" + d28 + "/provisions/new", "/drafts/" + d28 + "/provisions/new?kind=troop_cap",
		"/provisions/" + tc, "/provisions/" + id(seeded.guarantee28), "/provisions/" + id(seeded.guarantee28) + "/edit", "/provisions/" + tc + "/edit", "/provisions/" + tc + "/history", "/provisions/" + tc + "/delete",
		"/compare", "/compare?from=" + d28 + "&to=" + e3, "/matrix", "/matrix?drafts=" + d28 + "," + id(seeded.geneva) + "," + id(seeded.draft20) + "," + e3,
		"/timeline/troop-cap", "/timeline?kind=troop_cap",
		"/parties/UA", "/drafts/" + d28 + "/stances", "/gaps/troop-cap", "/gaps/guarantee-term",
		"/parties", "/parties/" + id(seeded.partyUA) + "/edit", "/sources", "/sources/new", "/sources/" + id(quoted.ID) + "/edit",
		"/plans/new", "/search?q=troop", "/search?q=" + url.QueryEscape("суверенітет"), "/history", "/deleted", "/users", "/tokens",
		"/chronology", "/chronology?include=scenarios&kind=meeting", "/chronology/events/new", "/drafts/" + d28 + "/stances/new",
		"/no/such/page",
	}
	dir := t.TempDir()
	var files []string
	for i, p := range pages {
		res, body := a.get(p)
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s: %d %s", p, res.StatusCode, res.Header.Get("Content-Type"))
		}
		f := filepath.Join(dir, strconv.Itoa(i)+".html")
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	config := filepath.Join(dir, "htmlvalidate.json")
	if err := os.WriteFile(config, []byte(`{"extends": ["html-validate:standard"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// The report goes to a file: Node cuts a large report short when it
	// writes to a pipe and exits.
	report := filepath.Join(dir, "report.json")
	out, err := exec.Command(bin, append([]string{"--config", config, "--formatter", "json=" + report}, files...)...).CombinedOutput()
	raw, rerr := os.ReadFile(report)
	var results []struct {
		FilePath string `json:"filePath"`
		Messages []struct {
			RuleID  string `json:"ruleId"`
			Message string `json:"message"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
		} `json:"messages"`
	}
	if rerr != nil || json.Unmarshal(raw, &results) != nil {
		t.Fatalf("html-validate: %v; it said: %s", err, out)
	}
	for _, r := range results {
		i, _ := strconv.Atoi(strings.TrimSuffix(filepath.Base(r.FilePath), ".html"))
		for _, m := range r.Messages {
			t.Errorf("%s:%d:%d: %s (%s)", pages[i], m.Line, m.Column, m.Message, m.RuleID)
		}
	}
}
