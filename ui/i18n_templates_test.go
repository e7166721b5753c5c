package ui_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// translatedTemplates are the templates converted to the catalog
// (ui/i18n): no English may be written into them outside {{t …}}. A page
// joins the list when it is converted.
var translatedTemplates = []string{
	"layout.html",
	"pages/home.html",
	"pages/draft.html",
	"partials/provision.html",
	"pages/compare.html",
	"partials/diff.html",
	"pages/timeline.html",
	"pages/timeline_index.html",
	"pages/login.html",
	"pages/error.html",
	"pages/provision.html",
	"pages/search.html",
	"pages/changes.html",
	"pages/history.html",
	"pages/matrix.html",
	"pages/sources.html",
	"pages/tokens.html",
	"pages/restore.html",
	"pages/chronology.html",
	"partials/record.html",
	"partials/form.html",
	"pages/provision_form.html",
	"pages/draft_form.html",
	"pages/plan_form.html",
	"pages/party_edit.html",
	"pages/source_form.html",
	"pages/parties.html",
	"pages/delete.html",
	"partials/agree.html",
	"pages/party.html",
	"pages/stances.html",
	"pages/gaps.html",
	"pages/event_form.html",
	"pages/draft_stance_form.html",
	"pages/users.html",
	"pages/draft_text.html",
	"pages/draft_review.html",
	"partials/wording.html",
}

// untranslatedAllowed are the words a converted template may show as
// they are: the product's name, abbreviations and formats, and the "v"
// of a version number (v3).
var untranslatedAllowed = map[string]bool{
	"Plantracker": true, "API": true, "PDF": true, "CSV": true, "XLSX": true, "Markdown": true,
	"UTC": true, "v": true, "ID": true, "PNG": true, "SVG": true, "troop-cap": true, "JSON": true, "GET": true,
}

// translatedAttributes are the attributes people read (or hear).
var translatedAttributes = map[string]bool{"title": true, "aria-label": true, "placeholder": true, "alt": true}

var (
	action      = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	englishWord = regexp.MustCompile(`[A-Za-z][A-Za-z'’-]*`)
	// literalCalls are template functions that write English given in
	// the template itself, which a converted page must not use.
	literalCalls = regexp.MustCompile(`\{\{-?\s*[^}]*\bplural\b`)
	// attributeDefines are one-line templates that write attributes into
	// the tag that calls them (the form partial's "describedby"): markup,
	// not text, which the tokenizer would read as text outside any tag.
	attributeDefines = regexp.MustCompile(`(?m)^\{\{define "describedby"\}\}.*$`)
)

// TestTemplatesHaveNoUntranslatedText parses each converted template, with
// its actions taken out, as HTML and fails on a text node or a read
// attribute (title, aria-label, placeholder, alt) holding a word that is
// not in the catalog: every string a reader sees comes from {{t …}}, the
// vocabulary's functions or the data. <code>, <script> and <style> are not
// prose; an attribute value built from an action alone is data.
func TestTemplatesHaveNoUntranslatedText(t *testing.T) {
	for _, name := range translatedTemplates {
		src, err := os.ReadFile("templates/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literalCalls.FindAllString(string(src), -1) {
			t.Errorf("%s: %q writes English from the template; use tn and the catalog", name, m)
		}
		// An action becomes a private-use rune: neither a letter nor markup.
		text := action.ReplaceAllString(attributeDefines.ReplaceAllString(string(src), ""), "\uE000")
		z := html.NewTokenizer(strings.NewReader(text))
		skip := 0
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.StartTagToken, html.SelfClosingTagToken:
				if tok.Data == "code" || tok.Data == "script" || tok.Data == "style" {
					if tt == html.StartTagToken {
						skip++
					}
				}
				for _, a := range tok.Attr {
					if translatedAttributes[a.Key] {
						flagEnglish(t, name, "attribute "+a.Key+" of <"+tok.Data+">", a.Val)
					}
				}
			case html.EndTagToken:
				if (tok.Data == "code" || tok.Data == "script" || tok.Data == "style") && skip > 0 {
					skip--
				}
			case html.TextToken:
				if skip == 0 {
					flagEnglish(t, name, "text", tok.Data)
				}
			}
		}
	}
}

func flagEnglish(t *testing.T, name, where, s string) {
	t.Helper()
	for _, w := range englishWord.FindAllString(s, -1) {
		if untranslatedAllowed[w] {
			continue
		}
		if !strings.ContainsFunc(w, unicode.IsLetter) {
			continue
		}
		t.Errorf("%s: %s %q holds %q outside the catalog", name, where, strings.TrimSpace(s), w)
		return
	}
}
