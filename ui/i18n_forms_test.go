package ui_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"plantracker/api/web"
	"plantracker/ui/i18n"
)

// TestFormsInUkrainian renders the translated forms in Ukrainian and fails
// on English in what the Go code gives them (labels, legends, options of a
// vocabulary, help, buttons, column heads): TestTemplatesHaveNoUntranslatedText
// reads the templates, where those strings are only {{text …}}.
func TestFormsInUkrainian(t *testing.T) {
	a := newApp(t)
	pages := []string{
		"/provisions/" + id(seeded.troopCap28) + "/edit",
		"/drafts/" + id(seeded.draft28) + "/provisions/new",
		"/drafts/" + id(seeded.draft28) + "/edit",
		"/plans/new",
		"/parties",
		"/parties/" + id(seeded.partyUA) + "/edit",
		"/sources/new",
		"/chronology/events/new",
		"/drafts/" + id(seeded.draft28) + "/stances/new",
		"/parties/" + id(seeded.partyUA) + "/delete",
	}
	for _, path := range pages {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: i18n.Ukrainian})
		res, body := a.do(req)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
			continue
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range formWords(doc) {
			if w := englishIn(s); w != "" {
				t.Errorf("%s: %q is English (%q)", path, s, w)
			}
		}
	}
}

// formWords are the texts of a page's form that are words, not data: the
// labels, legends, help, buttons and column heads in <main>, and the
// options of a select over a vocabulary (a select or the checkboxes of
// parties, drafts or sources list data).
func formWords(doc *html.Node) []string {
	var out []string
	var walk func(n *html.Node, inMain, inData bool)
	walk = func(n *html.Node, inMain, inData bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "main":
				inMain = true
			case "code":
				return
			case "select", "fieldset":
				name := attrOf(n, "name") + attrOf(n, "id")
				inData = strings.Contains(name, "part") || strings.Contains(name, "source") ||
					strings.Contains(name, "origin") || strings.Contains(name, "signator") || strings.Contains(name, "draft")
			case "label", "legend", "button", "th", "option", "h2":
				if inMain && !(inData && (n.Data == "option" || n.Data == "label")) {
					out = append(out, nodeText(n))
				}
			case "p":
				if inMain && strings.Contains(attrOf(n, "class"), "help") {
					out = append(out, nodeText(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inMain, inData)
		}
	}
	walk(doc, false, false)
	return out
}

var (
	latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'’-]*`)
	// quoted are examples in «…», which are data (“US peace framework”).
	quoted = regexp.MustCompile(`«[^»]*»`)
)

// englishIn is the first English word of s, or "": abbreviations (UA,
// URL, PA-X), identifiers (troop-cap, reuters-2025-11-23-e3), language
// tags (en, uk) and the allowed product words are not English prose.
func englishIn(s string) string {
	for _, w := range latinWord.FindAllString(quoted.ReplaceAllString(s, ""), -1) {
		switch {
		case untranslatedAllowed[w], len(w) <= 2, w == strings.ToUpper(w), strings.ContainsAny(w, "-0123456789"):
			continue
		}
		return w
	}
	return ""
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestFlashInUkrainian saves in Ukrainian and reads the next page's
// one-line message in Ukrainian, as long as its data makes it.
func TestFlashInUkrainian(t *testing.T) {
	a := newApp(t)
	name := strings.Repeat("Республіка ", 16) + "Тест" // 180 letters: the flash is over its 300 bytes
	form := url.Values{"short_name": {"TST"}, "name": {name}, "type": {"state"}, web.CSRFField: {a.csrf}}
	req := httptest.NewRequest(http.MethodPost, "/parties", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: i18n.Ukrainian})
	res, _ := a.do(req)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding a party: %d", res.StatusCode)
	}
	next := httptest.NewRequest(http.MethodGet, res.Header.Get("Location"), nil)
	next.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: i18n.Ukrainian})
	for _, c := range res.Cookies() {
		next.AddCookie(c)
	}
	_, body := a.do(next)
	if !strings.Contains(body, `<div class="flash" role="status">Додано TST (Республіка`) {
		t.Errorf("the page after adding a party in Ukrainian lacks its Ukrainian flash:\n%s", body)
	}
	if !utf8.ValidString(body) {
		t.Error("the page is not valid UTF-8 (a long flash cut mid-letter)")
	}
}

// TestTitlesInUkrainian: the <title> a handler sets (not only the page's
// heading) is in the reader's language.
func TestTitlesInUkrainian(t *testing.T) {
	a := newApp(t)
	for path, want := range map[string]string{
		"/parties": "<title>Сторони · Plantracker</title>",
		"/parties/" + id(seeded.partyUA) + "/edit":   "<title>Редагування: UA · Plantracker</title>",
		"/parties/" + id(seeded.partyUA) + "/delete": "<title>Видалити: ",
		"/gaps/troop-cap": "<title>Хто чого вимагав щодо troop-cap · Plantracker</title>",
		"/drafts/" + id(seeded.draft28) + "/stances": "<title>Хто де стоїть щодо ",
	} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: i18n.Ukrainian})
		res, body := a.do(req)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want %q in %.300s", path, res.StatusCode, want, body[max(strings.Index(body, "<title>"), 0):])
		}
	}
}

// TestFieldErrorsInUkrainian: a refused form read in Ukrainian says what is
// wrong in Ukrainian, beside the field and in the summary.
func TestFieldErrorsInUkrainian(t *testing.T) {
	a := newApp(t)
	form := url.Values{"short_name": {"not a party"}, "name": {""}, "type": {"state"}, web.CSRFField: {a.csrf}}
	req := httptest.NewRequest(http.MethodPost, "/parties", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: i18n.Ukrainian})
	res, body := a.do(req)
	if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad party: %d", res.StatusCode)
	}
	for _, want := range []string{"обов’язкове поле", "має бути коротка назва сторони"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused form lacks %q", want)
		}
	}
	for _, english := range []string{"is required", "must be a party short name"} {
		if strings.Contains(body, english) {
			t.Errorf("the refused form says %q in English", english)
		}
	}
}
