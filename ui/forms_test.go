package ui_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plantracker/models"
)

// provisionValues is the edit form of p as a browser would post it
// unchanged: every field, the terms by name, the party rows, the version.
func provisionValues(p models.Provision) url.Values {
	v := url.Values{
		"action": {"save"}, "version": {strconv.Itoa(p.Version)},
		"key": {p.Key}, "point": {p.Point}, "category": {p.Category}, "kind": {p.Kind}, "title": {p.Title},
		"text": {p.Text}, "status": {p.Status}, "sourcing": {p.Sourcing},
	}
	for i, c := range p.Sources {
		prefix := "sources." + strconv.Itoa(i) + "."
		v.Set(prefix+"source", c.Source)
		v.Set(prefix+"sourcing", c.Sourcing)
		v.Set(prefix+"locator", c.Locator)
	}
	v.Set("original_language", p.OriginalLanguage)
	for _, tr := range p.Translations {
		if tr.Language != "uk" {
			continue
		}
		v.Set("translation.title", tr.Title)
		v.Set("translation.text", tr.Text)
		if len(tr.Sources) > 0 {
			v.Set("translation.source", tr.Sources[0].Source)
			v.Set("translation.sourcing", tr.Sources[0].Sourcing)
			v.Set("translation.locator", tr.Sources[0].Locator)
		}
		if len(tr.Sources) > 1 {
			more, _ := json.Marshal(tr.Sources[1:])
			v.Set("translation.more", string(more))
		}
	}
	for name, raw := range models.TermValues(p.Terms) {
		var s string
		var list []string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			v.Set("terms."+name, s)
		case json.Unmarshal(raw, &list) == nil:
			v["terms."+name] = list
		default:
			v.Set("terms."+name, string(raw))
		}
	}
	for i, pp := range p.Parties {
		prefix := "parties." + strconv.Itoa(i) + "."
		v.Set(prefix+"party", pp.Party)
		v.Set(prefix+"role", pp.Role)
		v.Set(prefix+"stance", pp.Stance)
		v.Set(prefix+"stance_date", pp.StanceDate)
		if len(pp.StanceSources) > 0 {
			v.Set(prefix+"stance_source", pp.StanceSources[0].Source)
			v.Set(prefix+"stance_sourcing", pp.StanceSources[0].Sourcing)
			v.Set(prefix+"stance_locator", pp.StanceSources[0].Locator)
		}
		if len(pp.StanceSources) > 1 {
			more, _ := json.Marshal(pp.StanceSources[1:])
			v.Set(prefix+"stance_more", string(more))
		}
	}
	// The blank rows the form offers, left blank.
	n := strconv.Itoa(len(p.Parties))
	v.Set("parties."+n+".party", "")
	v.Set("parties."+n+".stance", "unknown")
	return v
}

func (a *app) provision(id int64) models.Provision {
	a.t.Helper()
	p, err := a.store.Provision(context.Background(), id)
	if err != nil {
		a.t.Fatal(err)
	}
	return p
}

// TestEditProvisionForm posts the edit form: a good save redirects (303) to
// the draft and is recorded; a bad one comes back with each error beside
// its field, what was typed kept, and nothing written.
func TestEditProvisionForm(t *testing.T) {
	tc := seeded.troopCap28
	path := "/provisions/" + id(tc)
	// Two ways of saving the new limit end the same: one new version.
	savedAt650000 := func(t *testing.T, p models.Provision) {
		if !strings.Contains(string(p.Terms), `"limit":650000`) || p.Version != 2 {
			t.Errorf("terms %s, version %d", p.Terms, p.Version)
		}
	}
	tests := []struct {
		name       string
		edit       func(v url.Values)
		wantStatus int
		want       []string
		check      func(t *testing.T, p models.Provision)
	}{
		{"unchanged form saves nothing", func(v url.Values) {}, http.StatusSeeOther, nil,
			func(t *testing.T, p models.Provision) {
				if p.Version != 1 {
					t.Errorf("a save that changes nothing made version %d", p.Version)
				}
			}},
		{"new limit", func(v url.Values) {
			v.Set("terms.limit", "650000")
			v.Set("text", "The Armed Forces of Ukraine are capped at 650,000.")
		}, http.StatusSeeOther, nil, savedAt650000},
		{"new limit, the wording left saying 600,000: asks first", func(v url.Values) { v.Set("terms.limit", "650000") }, http.StatusOK,
			[]string{`id="wording-warning"`, "wording still says 600,000", "Limit is 650,000 people", `id="save-anyway"`, `form="provision-form"`,
				`value="save-anyway"`, `name="terms.limit" value="650000"`, `name="version" value="1"`}, nil},
		{"new limit, the wording left saying 600,000, saved anyway", func(v url.Values) {
			v.Set("terms.limit", "650000")
			v.Set("action", "save-anyway")
		}, http.StatusSeeOther, nil, savedAt650000},
		{"tri-state boolean set, then a party added", func(v url.Values) {
			v.Set("terms.peacetime_only", "true")
			v.Set("parties.1.party", "RU")
			v.Set("parties.1.role", "beneficiary")
		}, http.StatusSeeOther, nil,
			func(t *testing.T, p models.Provision) {
				if !strings.Contains(string(p.Terms), `"peacetime_only":true`) || len(p.Parties) != 2 || p.Parties[1].Stance != "unknown" {
					t.Errorf("terms %s, parties %+v", p.Terms, p.Parties)
				}
			}},
		{"term left blank is not stated", func(v url.Values) { v.Set("terms.force", "") }, http.StatusSeeOther, nil,
			func(t *testing.T, p models.Provision) {
				if strings.Contains(string(p.Terms), "force") {
					t.Errorf("a blank term was stored: %s", p.Terms)
				}
			}},
		{"limit below its minimum", func(v url.Values) { v.Set("terms.limit", "-5") }, http.StatusUnprocessableEntity,
			[]string{`<p class="field-error" id="terms-limit-error">`, "must be at least 1", `name="terms.limit" value="-5"`, `aria-invalid="true"`, `<a href="#terms-limit">Limit</a>`}, nil},
		{"limit not a number", func(v url.Values) { v.Set("terms.limit", "lots") }, http.StatusUnprocessableEntity,
			[]string{"must be a whole number", `value="lots"`}, nil},
		{"several errors at once", func(v url.Values) {
			v.Set("title", "")
			v.Set("key", "Troop Cap")
			v.Set("parties.0.role", "bystander")
		}, http.StatusUnprocessableEntity,
			[]string{`id="title-error"`, "is required", `id="key-error"`, "lower-case slug", `value="Troop Cap"`, `id="parties-0-role-error"`, "There are 3 problems"}, nil},
		{"a party listed twice in one role", func(v url.Values) {
			v.Set("parties.1.party", "UA")
			v.Set("parties.1.role", "obligor")
		}, http.StatusUnprocessableEntity, []string{`id="parties-1-party-error"`, "UA is already listed as obligor"}, nil},
		{"a key another provision has", func(v url.Values) { v.Set("key", "security-guarantee") }, http.StatusUnprocessableEntity,
			[]string{`id="key-error"`, "another provision of this draft already has this key", `value="security-guarantee"`}, nil},
		{"no version", func(v url.Values) { v.Del("version") }, http.StatusUnprocessableEntity, []string{"does not say which version it edits"}, nil},
		{"change kind re-renders without saving", func(v url.Values) {
			v.Set("action", "kind")
			v.Set("kind", "security_guarantee")
			v.Set("title", "Typed title")
		}, http.StatusOK, []string{`name="terms.model"`, `value="Typed title"`, `<option value="security_guarantee" selected>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApp(t)
			v := provisionValues(a.provision(tc))
			tt.edit(v)
			res, body := a.post(path, v)
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, tt.wantStatus, excerpt(body))
			}
			if tt.wantStatus == http.StatusSeeOther {
				want := "/drafts/" + id(seeded.draft28) + "#p-" + id(tc)
				if loc := res.Header.Get("Location"); loc != want {
					t.Errorf("redirect to %q, want %q", loc, want)
				}
			} else {
				checkPage(t, tt.name, body)
				if p := a.provision(tc); p.Version != 1 {
					t.Errorf("a save that was not done changed the provision to version %d", p.Version)
				}
			}
			checkContains(t, "body", body, tt.want...)
			if tt.check != nil {
				tt.check(t, a.provision(tc))
			}
		})
	}
}

// TestStaleEditIsRefused: a save on a version someone else has moved past
// writes nothing, keeps what was typed and shows their change; the form
// then carries the new version, so saving again is a deliberate choice.
func TestStaleEditIsRefused(t *testing.T) {
	a := newApp(t)
	tc := seeded.troopCap28
	v := provisionValues(a.provision(tc))
	terms := json.RawMessage(`{"party":"UA","force":"Armed Forces of Ukraine","limit":700000}`)
	if _, err := a.store.UpdateProvision(context.Background(), "someone-else", tc, 1, models.ProvisionPatch{Terms: &terms}); err != nil {
		t.Fatal(err)
	}
	v.Set("terms.limit", "650000")
	res, body := a.post("/provisions/"+id(tc), v)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", res.StatusCode)
	}
	checkContains(t, "body", body, "Someone else changed this provision since you opened it", "someone-else", "700,000 people",
		`name="terms.limit" value="650000"`, `name="version" value="2"`, "Save my version over theirs")
	checkPage(t, "conflict", body)
	if p := a.provision(tc); !strings.Contains(string(p.Terms), "700000") || p.Version != 2 {
		t.Errorf("the stale save changed the provision: %s, version %d", p.Terms, p.Version)
	}
	v.Set("version", "2")
	if res, _ := a.post("/provisions/"+id(tc), v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving again: status %d", res.StatusCode)
	}
	if p := a.provision(tc); !strings.Contains(string(p.Terms), "650000") {
		t.Errorf("saving again did not save: %s", p.Terms)
	}
}

// TestCreateProvisionForm: a new provision redirects to its place on the
// draft, with a message shown once; a bad one comes back with its errors.
func TestCreateProvisionForm(t *testing.T) {
	a := newApp(t)
	path := "/drafts/" + id(seeded.draft28) + "/provisions"
	good := url.Values{"action": {"save"}, "kind": {"troop_cap"}, "key": {"troop-cap-navy"}, "title": {"Navy cap"},
		"terms.party": {"UA"}, "terms.limit": {"40000"}, "terms.peacetime_only": {""}, "sourcing": {"unconfirmed"}, "sources.0.source": {"test-source"}, "sources.0.sourcing": {"unconfirmed"},
		"parties.0.party": {"UA"}, "parties.0.role": {"obligor"}, "parties.0.stance": {"unknown"}, "parties.1.party": {""}}

	bad := url.Values{}
	for k, v := range good {
		bad[k] = v
	}
	bad.Set("terms.limit", "")
	bad.Set("sourcing", "")
	res, body := a.post(path, bad)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad: status %d", res.StatusCode)
	}
	checkContains(t, "bad: body", body, `id="terms-limit-error"`, `id="sourcing-error"`, `value="troop-cap-navy"`, `value="Navy cap"`)
	checkPage(t, "new with errors", body)

	res, _ = a.post(path, good)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("good: status %d", res.StatusCode)
	}
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, "/drafts/"+id(seeded.draft28)+"#p-") {
		t.Fatalf("good: redirect to %q", loc)
	}
	newID, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/drafts/"+id(seeded.draft28)+"#p-"), 10, 64)
	p := a.provision(newID)
	if p.Key != "troop-cap-navy" || string(p.Terms) != `{"party":"UA","limit":40000}` || p.Category != "security" || p.Status != "proposed" {
		t.Errorf("stored %+v", p)
	}

	// The page after the redirect shows the message once.
	cookies := res.Cookies()
	if len(cookies) == 0 {
		t.Fatal("no flash cookie")
	}
	req := newGet("/drafts/" + id(seeded.draft28))
	req.AddCookie(cookies[0])
	res, body = a.do(req)
	if !strings.Contains(body, `class="flash"`) || !strings.Contains(body, "Added “Navy cap”") {
		t.Errorf("the draft page does not show the message")
	}
	cleared := false
	for _, c := range res.Cookies() {
		cleared = cleared || c.Name == cookies[0].Name && c.MaxAge < 0
	}
	if !cleared {
		t.Errorf("the message is not cleared after showing")
	}
}

// TestPartyForms: add a party, refuse a duplicate and a malformed one,
// edit one, and refuse an edit on a stale version.
func TestPartyForms(t *testing.T) {
	a := newApp(t)
	res, body := a.post("/parties", url.Values{"short_name": {"TR"}, "name": {"Türkiye"}, "type": {"state"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/parties#party-") {
		t.Fatalf("add: status %d, location %q\n%s", res.StatusCode, res.Header.Get("Location"), excerpt(body))
	}
	res, body = a.post("/parties", url.Values{"short_name": {"UA"}, "name": {"Ukraine again"}, "type": {"state"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="short_name-error"`) || !strings.Contains(body, "another party already has this short name") {
		t.Errorf("duplicate: status %d\n%s", res.StatusCode, excerpt(body))
	}
	res, body = a.post("/parties", url.Values{"short_name": {"tr_lower"}, "name": {""}, "type": {"planet"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("malformed: status %d", res.StatusCode)
	}
	checkContains(t, "malformed: body", body, `id="short_name-error"`, `id="name-error"`, `id="type-error"`, `value="tr_lower"`)
	checkPage(t, "parties with errors", body)

	ua := id(seeded.partyUA)
	res, _ = a.post("/parties/"+ua, url.Values{"version": {"1"}, "short_name": {"UA"}, "name": {"Ukraine (edited)"}, "type": {"state"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	res, body = a.post("/parties/"+ua, url.Values{"version": {"1"}, "short_name": {"UA"}, "name": {"Stale"}, "type": {"state"}})
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Someone else changed this party") || !strings.Contains(body, "Ukraine (edited)") {
		t.Errorf("stale edit: status %d\n%s", res.StatusCode, excerpt(body))
	}
	p, err := a.store.Party(context.Background(), seeded.partyUA)
	if err != nil || p.Name != "Ukraine (edited)" {
		t.Errorf("after a stale edit the party is %+v (%v)", p, err)
	}
}

// TestForkDraft: forking redirects to the new draft, which has a copy of
// every provision.
func TestForkDraft(t *testing.T) {
	a := newApp(t)
	res, _ := a.post("/drafts/"+id(seeded.draft28)+"/fork", url.Values{"label": {"Working copy"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d", res.StatusCode)
	}
	loc := res.Header.Get("Location")
	res, body := a.get(loc)
	if res.StatusCode != 200 || !strings.Contains(body, "v4 Working copy") || !strings.Contains(body, `data-key="troop-cap"`) || !strings.Contains(body, "forked from") {
		t.Errorf("GET %s: status %d\n%s", loc, res.StatusCode, excerpt(body))
	}
	if res, _ := a.post("/drafts/9999/fork", url.Values{}); res.StatusCode != http.StatusNotFound {
		t.Errorf("forking an unknown draft: status %d", res.StatusCode)
	}
}

// TestMarkupInDataIsEscaped: what people typed is shown as text on every
// page that shows it.
func TestMarkupInDataIsEscaped(t *testing.T) {
	a := newApp(t)
	p, err := a.store.CreateProvision(context.Background(), "<b>someone</b>", models.Provision{DraftID: seeded.draft28, Key: "xss",
		Kind: "other", Title: `"><img src=x onerror=alert(1)>`, Text: `<script>alert(1)</script>`, Sourcing: "unconfirmed", Sources: testCites})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/drafts/" + id(seeded.draft28), "/provisions/" + id(p.ID), "/provisions/" + id(p.ID) + "/edit", "/provisions/" + id(p.ID) + "/history"} {
		_, body := a.get(path)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>someone"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: raw %q in the page", path, bad)
			}
		}
	}
	_, body := a.get("/drafts/" + id(seeded.draft28))
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the wording is not shown as text")
	}
}

func newGet(path string) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, path, nil)
	return req
}

// TestUnchangedFormKeepsListOrder: the edit form of a provision with a
// party list, posted as the browser would post it, changes nothing: the
// chosen parties come first among the checkboxes, in their stored order.
func TestUnchangedFormKeepsListOrder(t *testing.T) {
	a := newApp(t)
	g := a.provision(seeded.guarantee28)
	_, body := a.get("/provisions/" + id(g.ID) + "/edit")
	// What a browser posts for the checkboxes: the checked ones, in
	// document order.
	var posted []string
	for _, m := range regexp.MustCompile(`name="terms.guarantors" value="([^"]+)" checked>`).FindAllStringSubmatch(body, -1) {
		posted = append(posted, m[1])
	}
	v := provisionValues(g)
	v["terms.guarantors"] = posted
	if res, _ := a.post("/provisions/"+id(g.ID), v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d", res.StatusCode)
	}
	if after := a.provision(g.ID); after.Version != g.Version || string(after.Terms) != string(g.Terms) {
		t.Errorf("an unchanged form changed the provision: %s (version %d) → %s (version %d)", g.Terms, g.Version, after.Terms, after.Version)
	}
}

// TestLettersInANumberField: letters typed in a number field (a text
// input, so the browser sends them) are refused as not a number, beside
// the field, not as "is required".
func TestLettersInANumberField(t *testing.T) {
	a := newApp(t)
	p := a.provision(seeded.troopCap28)
	v := provisionValues(p)
	v.Set("terms.limit", "six hundred thousand")
	res, body := a.post("/provisions/"+id(p.ID), v)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="terms-limit-error"`) || !strings.Contains(body, "must be a whole number") ||
		strings.Contains(body, "is required") || !strings.Contains(body, `value="six hundred thousand"`) {
		t.Errorf("status %d\n%s", res.StatusCode, excerpt(body))
	}
}

// TestRecentChangesAreDataChanges: the home page's recent changes leave
// out accounts and tokens; the history shows them to admins only.
func TestRecentChangesAreDataChanges(t *testing.T) {
	a := newApp(t)
	a.addUser("newcomer", models.RoleViewer)
	a.addUser("root", models.RoleAdmin)
	for _, path := range []string{"/", "/history"} {
		if _, body := a.get(path); strings.Contains(body, "newcomer") {
			t.Errorf("%s shows an editor the new account", path)
		}
	}
	a.signIn("root")
	if _, body := a.get("/"); strings.Contains(body, "newcomer") {
		t.Errorf("home shows the new account")
	}
	if _, body := a.get("/history"); !strings.Contains(body, "newcomer") {
		t.Errorf("history hides the new account from an admin\n%s", excerpt(body))
	}
}
