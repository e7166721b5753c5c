package ui_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"plantracker/ui/i18n"
)

// The search results give a hit's title in the reader's language, with
// the other language's title on a line below it, and the wording in the
// language the search found the words in: a Ukrainian reader searching a
// Ukrainian word reads the Ukrainian title, an English reader the English
// one with the Ukrainian words found beside it.
func TestSearchShowsHitsInTheReadersLanguage(t *testing.T) {
	a := newApp(t)
	p := translate(t, a.store, seeded.troopCap28, "en")
	row := func(body string) string {
		i := strings.Index(body, `id="r-`+id(p.ID)+`"`)
		if i < 0 {
			t.Fatalf("the translated provision is not among the hits:\n%s", excerpt(body))
		}
		return body[i : i+strings.Index(body[i:], "</tr>")]
	}
	ukTitle := `lang="uk"><mark>Суверенітет</mark> України підтверджено`
	enTitle := `lang="en">` + html.EscapeString(p.Title)
	search := "/search?q=" + url.QueryEscape("суверенітет")

	uk := row(a.getIn(t, i18n.Ukrainian, search))
	if !strings.Contains(uk, `<a class="title" href="/provisions/`+id(p.ID)+`" `+ukTitle) {
		t.Errorf("a Ukrainian reader does not read the Ukrainian title first:\n%s", uk)
	}
	if i := strings.Index(uk, `class="other-language"`); i < 0 || !strings.Contains(uk[i:], enTitle) ||
		!strings.Contains(uk[i:], "Оригінал") {
		t.Errorf("the English original is not below the Ukrainian title, marked:\n%s", uk)
	}
	if !strings.Contains(uk, `class="wording" lang="uk"><mark>Суверенітет</mark> України буде підтверджено.`) {
		t.Errorf("the Ukrainian reader does not read the Ukrainian words found:\n%s", uk)
	}

	en := row(a.getIn(t, i18n.English, search))
	if !strings.Contains(en, `<a class="title" href="/provisions/`+id(p.ID)+`" `+enTitle) {
		t.Errorf("an English reader does not read the English title first:\n%s", en)
	}
	if i := strings.Index(en, `class="other-language"`); i < 0 || !strings.Contains(en[i:], ukTitle) {
		t.Errorf("the Ukrainian title the search found is not below the English one:\n%s", en)
	}
	if !strings.Contains(en, `class="wording" lang="uk"`) {
		t.Errorf("the English reader does not read the Ukrainian words the search found:\n%s", en)
	}

	// An English word: the Ukrainian reader still reads the Ukrainian
	// title, and the English wording that holds the word.
	uk = row(a.getIn(t, i18n.Ukrainian, "/search?q=capped"))
	if !strings.Contains(uk, `lang="uk">Суверенітет України підтверджено`) || !strings.Contains(uk, `class="wording" lang="en">`) {
		t.Errorf("a Ukrainian reader searching an English word:\n%s", uk)
	}
}
