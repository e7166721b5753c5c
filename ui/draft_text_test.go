package ui_test

import (
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"plantracker/api/web"
	"plantracker/models/parse"
	"plantracker/models/parse/parsetest"
)

// A new draft from its text, without a browser: the link on the plan, the
// paste form, the review page and the create step; the browser test drives
// the same pages in Chromium.

// draft28Text is a text of the 28-point draft written for the tests.
func draft28Text(t *testing.T) string {
	t.Helper()
	return parsetest.Text("us-28-points.txt")
}

// usPlan is the plan of the seeded 28-point draft.
func usPlan(t *testing.T, a *app) int64 {
	t.Helper()
	return mustDraft(t, a, seeded.draft28).PlanID
}

func TestDraftFromTextLinkIsForEditors(t *testing.T) {
	a := newApp(t)
	plan := usPlan(t, a)
	link := "/plans/" + id(plan) + "/drafts/new-from-text"
	if _, body := a.get("/"); !strings.Contains(body, link) {
		t.Error("the editor's home page has no link to a new draft from text")
	}
	a.signIn("vera")
	if _, body := a.get("/"); strings.Contains(body, link) {
		t.Error("the viewer's home page offers a new draft from text")
	}
	if res, _ := a.get(link); res.StatusCode != http.StatusForbidden {
		t.Errorf("a viewer opens the form: %d", res.StatusCode)
	}
}

func TestDraftFromTextReview(t *testing.T) {
	a := newApp(t)
	plan := usPlan(t, a)
	res, body := a.get("/plans/" + id(plan) + "/drafts/new-from-text")
	if res.StatusCode != 200 || !strings.Contains(body, `enctype="multipart/form-data"`) {
		t.Fatalf("the paste form: %d", res.StatusCode)
	}
	// The base defaults to the plan's newest draft.
	if !regexp.MustCompile(`<option value="\d+" selected>v3 `).MatchString(body) {
		t.Error("the base draft does not default to the plan's newest")
	}

	res, body = a.post("/plans/"+id(plan)+"/drafts/review", url.Values{"text": {draft28Text(t)}, "base_draft": {id(seeded.draft28)}})
	if res.StatusCode != 200 {
		t.Fatalf("review: %d\n%s", res.StatusCode, body)
	}
	checkContains(t, "the review page", body, "Review the draft read from its text", `name="p.5.kind"`, `value="troop-cap"`,
		"The Armed Forces of Ukraine shall be capped at 600,000 personnel.", "Read from “600,000 personnel”", `class="badge check"`,
		"Matches <a href=\"/provisions/"+id(seeded.troopCap28)+"\"><code>troop-cap</code></a>", `value="600000"`)

	for _, tc := range []struct {
		name string
		form url.Values
		want string
	}{
		{"no text", url.Values{"text": {"  "}}, "is required"},
		{"no numbered points", url.Values{"text": {"Nothing numbered."}}, "no numbered points found"},
		{"a missing base", url.Values{"text": {"1. A point."}, "base_draft": {"999999"}}, "no draft 999999"},
		{"a control character", url.Values{"text": {"1. A point.\x1b[31m"}}, "must not contain control characters (here U&#43;001B)"},
		{"more points than a text may have", url.Values{"text": {strings.Repeat("1.\n", parse.MaxPoints+1)}}, "has more than 2000 points"},
	} {
		res, body := a.post("/plans/"+id(plan)+"/drafts/review", tc.form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d, want 422 saying %q", tc.name, res.StatusCode, tc.want)
		}
	}
}

// An uploaded .txt or .md file is read instead of the text box; another
// file is refused.
func TestDraftFromTextUpload(t *testing.T) {
	a := newApp(t)
	plan := usPlan(t, a)
	for _, tc := range []struct {
		file, content string
		status        int
		want          string
	}{
		{"draft.md", "**1.** Ukraine holds elections within 100 days.", 200, `value="100"`},
		{"draft.txt", "\ufeff1. Ukraine holds elections within 100 days.", 200, `value="elections"`},
		{"draft.pdf", "%PDF-1.4", http.StatusUnprocessableEntity, "must be a .txt or .md file"},
		{"draft.txt", "1. \xff\xfe bad", http.StatusUnprocessableEntity, "is not UTF-8 text"},
		{"draft.txt", "1. A point.\f2. Another.", http.StatusUnprocessableEntity, "must not contain control characters (here U&#43;000C)"},
	} {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField(web.CSRFField, a.csrf)
		_ = mw.WriteField("text", "")
		fw, _ := mw.CreateFormFile("file", tc.file)
		_, _ = fw.Write([]byte(tc.content))
		mw.Close()
		req := httptest.NewRequest(http.MethodPost, "/plans/"+id(plan)+"/drafts/review", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		res, body := a.do(req)
		if res.StatusCode != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d, want %d with %q", tc.file, res.StatusCode, tc.status, tc.want)
		}
	}
}

// The review page's own form: another kind lays the row out again; a term
// the text does not state is asked for beside its row; unticked rows are
// left out; the draft is created with its provisions and the comparison
// with the base opens.
func TestDraftFromTextCreate(t *testing.T) {
	a := newApp(t)
	body, action := reviewText(t, a, "Draft\n1. The Armed Forces of Ukraine are capped at 600,000 personnel.\n2. The parties meet in spring.\n3. The army is capped.")
	v := reviewForm(t, body, action)
	if v.Get("p.0.kind") != "troop_cap" || v.Get("p.0.terms.limit") != "600000" || v.Get("p.0.accept") != "on" || v.Get("label") != "Draft" {
		t.Fatalf("the review form: %v", v)
	}

	// Another kind for row 2: its terms are the new kind's.
	v.Set("p.1.kind", "elections")
	v.Set("action", "update")
	res, body := a.post(action, v)
	if res.StatusCode != 200 || !strings.Contains(body, `name="p.1.terms.within_days"`) {
		t.Fatalf("update: %d", res.StatusCode)
	}

	// Without a source, or with a required term missing, nothing is saved
	// and the error stands beside its input.
	v = reviewForm(t, body, action)
	v.Set("action", "create")
	res, body = a.post(action, v)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "choose the source the text comes from") {
		t.Fatalf("create without a source: %d", res.StatusCode)
	}
	v.Set("source", "test-source")
	res, body = a.post(action, v)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="p-2-terms-limit-error"`) || !strings.Contains(body, `id="p-1-terms-country-error"`) {
		t.Fatalf("create with missing terms: %d\n%s", res.StatusCode, errorSummary(body))
	}

	v.Del("p.1.accept")
	v.Set("p.2.terms.limit", "250000")
	v.Set("p.2.terms.party", "UA")
	res, body = a.post(action, v)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", res.StatusCode, errorSummary(body))
	}
	loc := res.Header.Get("Location")
	m := regexp.MustCompile(`^/compare\?from=` + id(seeded.draft28) + `&to=(\d+)$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("created, then sent to %s; want the comparison with the base", loc)
	}
	ps, err := a.store.DraftProvisions(context.Background(), atoi(t, m[1]))
	if err != nil || len(ps) != 2 || ps[0].Key != "troop-cap" || ps[1].Key != "troop-cap-2" {
		t.Fatalf("saved %+v (%v)", ps, err)
	}
	if c := ps[0].Sources; len(c) != 1 || c[0].Source != "test-source" || c[0].Locator != "point 1" || ps[0].Sourcing != "reported" {
		t.Errorf("the provision cites %+v", c)
	}
}

// reviewText posts text for review as a new draft of the US plan, based
// on the 28-point draft, and returns the review page and the address its
// form posts to.
func reviewText(t *testing.T, a *app, text string) (body, action string) {
	t.Helper()
	plan := id(usPlan(t, a))
	_, body = a.post("/plans/"+plan+"/drafts/review", url.Values{"text": {text}, "base_draft": {id(seeded.draft28)}})
	return body, "/plans/" + plan + "/drafts/from-text"
}

// reviewForm reads the values of the review page's form, as a browser
// would post them.
func reviewForm(t *testing.T, body, action string) url.Values {
	t.Helper()
	start := strings.Index(body, `action="`+action+`"`)
	if start < 0 {
		t.Fatalf("no form posting to %s", action)
	}
	end := strings.Index(body[start:], "</form>")
	f := body[start : start+end]
	v := url.Values{}
	attr := func(tag, name string) (string, bool) {
		m := regexp.MustCompile(`\b` + name + `="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			return "", regexp.MustCompile(`\s` + name + `[\s>]`).MatchString(tag)
		}
		return html.UnescapeString(m[1]), true
	}
	for _, tag := range regexp.MustCompile(`<input\b[^>]*>`).FindAllString(f, -1) {
		name, _ := attr(tag, "name")
		typ, _ := attr(tag, "type")
		value, _ := attr(tag, "value")
		if name == "" {
			continue
		}
		if typ == "checkbox" {
			if _, checked := attr(tag, "checked"); checked {
				v.Add(name, "on")
			}
			continue
		}
		v.Add(name, value)
	}
	for _, m := range regexp.MustCompile(`(?s)<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>`).FindAllStringSubmatch(f, -1) {
		for _, o := range regexp.MustCompile(`<option value="([^"]*)" selected>`).FindAllStringSubmatch(m[2], -1) {
			v.Add(m[1], html.UnescapeString(o[1]))
		}
	}
	for _, m := range regexp.MustCompile(`(?s)<textarea\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</textarea>`).FindAllStringSubmatch(f, -1) {
		v.Add(m[1], html.UnescapeString(m[2]))
	}
	return v
}

func errorSummary(body string) string {
	if i := strings.Index(body, `id="error-summary"`); i >= 0 {
		end := min(len(body), i+1500)
		return body[i:end]
	}
	return "(no error summary)"
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}

var _ = parse.Input{}
