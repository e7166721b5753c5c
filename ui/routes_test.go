package ui_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestRoutes requests every page the UI serves and checks its status, its
// content type and what it must show.
func TestRoutes(t *testing.T) {
	a := newApp(t)
	d28, e3 := id(seeded.draft28), id(seeded.e3)
	tc := id(seeded.troopCap28)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		want       []string // substrings the body must hold
		wantNot    []string // substrings it must not
	}{
		{"home lists plans, drafts and changes", "/", 200,
			[]string{"US peace framework", "European counter-proposal", `href="/drafts/` + d28 + `"`, "28-point draft", "20 Nov 2025", "Superseded", "Recent changes",
				// E3, in another plan, is linked to the draft it was forked from.
				"Compare with its parent", `href="/compare?from=` + d28 + `&amp;to=` + e3 + `"`, "forked from", "of US peace framework",
				`title="Partial: only the points reported">partial</span>`, `title="Complete text">complete</span>`}, []string{"Compare with v"}},
		{"draft groups provisions by category", "/drafts/" + d28, 200,
			[]string{"v1 28-point draft", "US peace framework", `<h2 id="cat-security">Security`, `data-key="troop-cap"`, "600,000 people", "Obligor", "Reported",
				`href="/provisions/` + tc + `/edit"`, `href="/provisions/` + tc + `/history"`, `href="/drafts/` + d28 + `/fork"`, `href="/drafts/` + d28 + `/edit"`, `href="/drafts/` + d28 + `/delete"`,
				`href="/drafts/` + d28 + `/summary.pdf"`, `action="/compare"`, "36 provisions"}, nil},
		{"draft filtered by kind", "/drafts/" + d28 + "?kind=troop_cap", 200,
			[]string{`data-key="troop-cap"`, "1 of 36 provisions match the filter", `<option value="troop_cap" selected>`}, []string{`data-key="security-guarantee"`}},
		{"draft searched", "/drafts/" + d28 + "?q=petersburg", 200,
			[]string{`data-key="security-guarantee"`, `value="petersburg"`}, []string{`data-key="troop-cap"`}},
		{"draft filtered by party and category", "/drafts/" + d28 + "?party=UA&category=security", 200,
			[]string{`data-key="troop-cap"`, `<option value="UA" selected>`}, []string{`id="cat-territory"`}},
		{"draft filter that matches nothing", "/drafts/" + d28 + "?q=zzzzqqq", 200, []string{"No provision matches"}, []string{`data-key=`}},
		{"draft ignores unknown filter values", "/drafts/" + d28 + "?kind=bogus", 200, []string{`data-key="troop-cap"`, `data-key="security-guarantee"`}, nil},
		{"unknown draft", "/drafts/9999", 404, []string{"Not found", "no draft 9999"}, nil},
		{"malformed draft id", "/drafts/abc", 404, []string{"Page not found"}, nil},

		{"new provision asks for the kind", "/drafts/" + d28 + "/provisions/new", 200,
			[]string{"New provision in v1 28-point draft", "Choose a kind…", `id="change-kind"`, `name="key"`}, []string{`name="terms.`, `name="version"`}},
		{"new provision of a kind has its terms", "/drafts/" + d28 + "/provisions/new?kind=troop_cap", 200,
			[]string{`type="text" inputmode="numeric" id="terms-limit" name="terms.limit"`, `<label for="terms-peacetime_only">Peacetime only`, `<option value="" selected>Not stated</option>`, `name="parties.0.party"`}, nil},
		{"new provision in an unknown draft", "/drafts/9999/provisions/new", 404, nil, nil},
		{"provision page", "/provisions/" + tc, 200, []string{"Cap on the Armed Forces of Ukraine", "600,000 people", "Axios", "version 1"}, nil},
		{"edit form is filled in", "/provisions/" + tc + "/edit", 200,
			[]string{`name="version" value="1"`, `name="terms.limit" value="600000"`, `<option value="troop_cap" selected>`, `value="Cap on the Armed Forces of Ukraine"`,
				`<select id="parties-0-party" name="parties.0.party"`, `<option value="UA" selected>UA — Ukraine</option>`, `action="/provisions/` + tc + `"`}, nil},
		{"edit an unknown provision", "/provisions/9999/edit", 404, nil, nil},
		{"history of a provision", "/provisions/" + tc + "/history", 200, []string{"History of “Cap on the Armed Forces of Ukraine”", "Created", "seed", "version 1"}, nil},
		{"history of an unknown provision", "/provisions/9999/history", 404, nil, nil},

		{"parties", "/parties", 200, []string{"Ukraine", "NATO", "Add a party", `name="short_name"`, `href="/parties/` + id(seeded.partyUA) + `/edit"`}, nil},
		{"edit a party", "/parties/" + id(seeded.partyUA) + "/edit", 200, []string{"Edit UA", `value="Ukraine"`, `name="version" value="1"`}, nil},
		{"edit an unknown party", "/parties/9999/edit", 404, nil, nil},

		{"a fork's page compares with its parent, earlier → later", "/drafts/" + e3, 200,
			[]string{`id="compare-parent" href="/compare?from=` + d28 + `&amp;to=` + e3 + `"`, `<input type="hidden" name="drafts" value="` + e3 + `">`,
				`<select id="compare-with" name="drafts">`, "v1 28-point draft (earlier)", "Partial: only the points reported"}, nil},
		{"compare without drafts shows the pickers", "/compare", 200, []string{"Choose two drafts", `<select id="from" name="from">`, `<optgroup label="European counter-proposal">`}, []string{"comparison-table"}},
		{"compare two drafts", "/compare?from=" + d28 + "&to=" + e3, 200,
			[]string{`id="comparison-table"`, `id="key-troop-cap"`, "600,000 people", "800,000 people", "33.3%)", "<ins>", "<del>",
				`class="sym" aria-hidden="true">~</span> Changed`, "unchanged", `href="/compare.csv?from=` + d28 + `&amp;to=` + e3 + `"`, "Hide unchanged and not reported rows", `<span role="img" aria-label="compared with">→</span>`},
			// No aria-label on a span without a role: the arrows are images named in words.
			[]string{`<span class="arrow" aria-label="to">`, `<span aria-label="compared with">`}},
		{"compare with unchanged rows hidden", "/compare?from=" + d28 + "&to=" + e3 + "&unchanged=hide", 200,
			[]string{"comparison-table hide-unchanged", "Show unchanged and not reported rows", `<input type="hidden" name="unchanged" value="hide">`}, nil},
		{"compare with an unknown draft", "/compare?from=" + d28 + "&to=9999", 404, []string{"no draft 9999"}, nil},

		{"matrix without drafts shows the picker", "/matrix", 200, []string{`type="checkbox" id="draft-` + d28 + `" name="drafts"`, "Show matrix"}, []string{"<table"}},
		{"matrix of comma-separated drafts", "/matrix?drafts=" + d28 + "," + id(seeded.geneva) + "," + id(seeded.draft20), 200,
			[]string{`id="key-troop-cap"`, "Geneva revision", "20-point framework", "diff-changed", "changed: Limit"}, nil},
		{"matrix of the four drafts carries what partial drafts do not mention", "/matrix?drafts=" + id(seeded.draft20) + "," + e3 + "," + id(seeded.geneva) + "," + d28, 200,
			[]string{`class="cell not-reported diff-not_reported"`, "carried over from v1 28-point draft", `title="Partial: only the points reported">partial</span>`,
				"cells not reported"}, nil},
		{"matrix of repeated parameters", "/matrix?drafts=" + d28 + "&drafts=" + e3, 200, []string{"E3 counter-proposal", "checked"}, nil},
		{"matrix with a malformed id", "/matrix?drafts=x", 400, []string{"must be draft ids"}, nil},

		{"stylesheet", "/static/app.css", 200, []string{"@media print", ".diff-added"}, nil},
		{"script", "/static/app.js", 200, []string{"DOMContentLoaded"}, nil},
		{"licences of the fonts the binary carries", "/licenses", 200, []string{"SIL OPEN FONT LICENSE Version 1.1", "Reserved Font Name Liberation"}, nil},
		{"unknown static file", "/static/nope.css", 404, []string{"Page not found"}, nil},
		{"unknown page", "/no/such/page", 404, []string{"Page not found", `<html lang="en">`}, nil},
		{"unknown API path stays a problem", "/api/v1/nope", 404, []string{`"status":404`}, []string{"<html"}},
		{"the API still answers", "/api/v1/drafts/" + d28, 200, []string{`"label":"28-point draft"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := a.get(tt.path)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("GET %s: status %d, want %d\n%s", tt.path, res.StatusCode, tt.wantStatus, excerpt(body))
			}
			checkContains(t, "GET "+tt.path+": body", body, tt.want...)
			for _, w := range tt.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("GET %s: body holds %q", tt.path, w)
				}
			}
			if strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				checkPage(t, tt.path, body)
			}
		})
	}
}

// TestWrongMethodIsAnHTMLPage: a GET on a form's target is a 405 page.
func TestWrongMethodIsAnHTMLPage(t *testing.T) {
	a := newApp(t)
	// The fork and the restore have pages of their own now (GET, the
	// question); undoing a deletion is a post only.
	res, body := a.get("/changes/1/undo")
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("status %d, want 405", res.StatusCode)
	}
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(body, "Not allowed here") {
		t.Errorf("want an HTML page saying so, got %s\n%s", res.Header.Get("Content-Type"), excerpt(body))
	}
	checkPage(t, "GET undo", body)
}

// TestStaticFilesAreCachedByVersion: pages link assets with a content hash,
// which may be cached for a year.
func TestStaticFilesAreCachedByVersion(t *testing.T) {
	a := newApp(t)
	_, body := a.get("/")
	m := regexp.MustCompile(`href="(/static/app\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the page does not link a versioned stylesheet")
	}
	res, _ := a.get(m[1])
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("GET %s: status %d, Cache-Control %q", m[1], res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("content type %q", ct)
	}
	res, _ = a.get("/static/app.css?v=stale")
	if strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("a stale version must not be cached for long")
	}
}

var (
	tagPattern      = regexp.MustCompile(`<(input|select|textarea)\b[^>]*>`)
	attrID          = regexp.MustCompile(`\sid="([^"]+)"`)
	attrType        = regexp.MustCompile(`\stype="([^"]+)"`)
	scriptPattern   = regexp.MustCompile(`<script\b[^>]*>`)
	inlineStyle     = regexp.MustCompile(`\sstyle=|<style\b`)
	inlineHandler   = regexp.MustCompile(`\son[a-z]+=`)
	titlePattern    = regexp.MustCompile(`<title>[^<]+ · Plantracker</title>`)
	duplicateIDs    = regexp.MustCompile(`\sid="([^"]+)"`)
	javascriptHrefs = regexp.MustCompile(`href="javascript:`)
)

// checkPage checks what every page must have: a language, a title, a label
// for every input, unique ids, and nothing the Content-Security-Policy would
// block (inline scripts, styles or handlers).
func checkPage(t *testing.T, name, body string) {
	t.Helper()
	if !strings.Contains(body, `<html lang="en">`) {
		t.Errorf("%s: no lang on <html>", name)
	}
	if !titlePattern.MatchString(body) {
		t.Errorf("%s: no title", name)
	}
	for _, tag := range scriptPattern.FindAllString(body, -1) {
		if !strings.Contains(tag, ` src="/static/`) {
			t.Errorf("%s: inline or foreign script %s", name, tag)
		}
	}
	if inlineStyle.MatchString(body) || inlineHandler.MatchString(body) || javascriptHrefs.MatchString(body) {
		t.Errorf("%s: inline style, handler or javascript: URL, which the CSP blocks", name)
	}
	for _, tag := range tagPattern.FindAllString(body, -1) {
		if m := attrType.FindStringSubmatch(tag); m != nil && (m[1] == "hidden" || m[1] == "submit") {
			continue
		}
		m := attrID.FindStringSubmatch(tag)
		if m == nil {
			t.Errorf("%s: input without an id to label it: %s", name, tag)
			continue
		}
		if !strings.Contains(body, `for="`+m[1]+`"`) {
			t.Errorf("%s: no <label for=%q>", name, m[1])
		}
	}
	seen := map[string]bool{}
	for _, m := range duplicateIDs.FindAllStringSubmatch(body, -1) {
		if seen[m[1]] {
			t.Errorf("%s: id %q used twice", name, m[1])
		}
		seen[m[1]] = true
	}
}

// checkContains reports each of wants that body lacks, naming where the
// body comes from.
func checkContains(t *testing.T, where, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q\n%s", where, w, excerpt(body))
		}
	}
}

// excerpt shortens a body for a failure message.
func excerpt(body string) string {
	if len(body) > 1500 {
		return body[:1500] + "…"
	}
	return body
}
