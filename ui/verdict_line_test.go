package ui_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"plantracker/ui/i18n"
)

// markup is a tag or a script or style element: what a reader does not read.
var markup = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// The line under a verdict is in the reader's language (issue 26): the
// 20-point troop cap meets UA's stated position, said in Ukrainian with
// its numbers as Ukrainian writes them, and in English as the API's line
// says it; the party's page and the key's gaps have no English verdict
// prose in Ukrainian either.
func TestVerdictLineInTheReadersLanguage(t *testing.T) {
	a := newApp(t)
	get := func(path, lang string) string {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: lang})
		res, body := a.do(req)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s in %s: status %d", path, lang, res.StatusCode)
		}
		return html.UnescapeString(body)
	}
	english := []string{"stated position", "asked", "silent on", "in words only", "the draft", "the provision", "one of", "none of"}
	noEnglish := func(t *testing.T, body string) {
		t.Helper()
		text := markup.ReplaceAllString(body, " ") // a class or id may be English
		for _, w := range english {
			if strings.Contains(text, w) {
				t.Errorf("the Ukrainian page has %q", w)
			}
		}
	}
	provision := "/provisions/" + id(seeded.troopCap20)
	t.Run("the provision in Ukrainian", func(t *testing.T) {
		body := get(provision, i18n.Ukrainian)
		checkContains(t, "body", body, "відповідає заявленій позиції UA: межа — 800\u00a0000 осіб, вимога: ≥ 800\u00a0000")
		noEnglish(t, body)
	})
	t.Run("the provision in English", func(t *testing.T) {
		checkContains(t, "body", get(provision, i18n.English), "meets UA's stated position: limit 800,000 people, asked ≥ 800,000")
	})
	for _, path := range []string{"/parties/UA", "/gaps/troop-cap"} {
		t.Run(path+" in Ukrainian", func(t *testing.T) {
			body := get(path, i18n.Ukrainian)
			checkContains(t, "body", body, "заявлен", "800\u00a0000")
			noEnglish(t, body)
		})
	}
}
