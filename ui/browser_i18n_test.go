package ui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserUkrainian signs in, switches the header to Українська and
// walks the pages a reader of Ukrainian starts from (home, a draft, a
// comparison, a timeline, the keys, the chronology): every one says
// lang="uk", has its Ukrainian heading, writes numbers and dates the
// Ukrainian way, and passes axe with no serious violation. Switching back
// gives English again.
func TestBrowserUkrainian(t *testing.T) {
	// Six pages through axe and three at phone width: more than one tab
	// timeout when the machine's cores are shared. The waits are the
	// harness's shown and clickInPage: with chromedp's WaitVisible this
	// walk hung under make test (see shown).
	ctx := tabFor(t, 2*tabTimeout)
	start := time.Now()
	base, _ := liveServer(t, ctx)
	d28, e3 := id(seeded.draft28), id(seeded.e3)
	do(t, ctx,
		chromedp.Navigate(base+"/drafts/"+d28),
		shown("#lang-uk"),
		clickInPage("#lang-uk"),
		shown(`html[lang="uk"] #lang-uk[aria-pressed="true"]`),
	)
	// The switch returns to the page it was used on.
	if url := run(t, ctx, chromedp.Evaluate[string](`location.pathname`)); url != "/drafts/"+d28 {
		t.Errorf("after switching: at %s, want /drafts/%s", url, d28)
	}
	pages := []struct {
		path string
		want []string // in the page's text
	}{
		{"/", []string{"Плани та проєкти", "Останні зміни", "Версія", "Вийти"}},
		{"/drafts/" + d28, []string{"Безпека", "положень, за категоріями.", "Сортувати за", "Експорт зведення", "Обмеження чисельності військ"}},
		{"/compare?from=" + d28 + "&to=" + e3, []string{"Порівняння проєктів", "Сховати рядки без змін і не повідомлені", "Що змінилося", "600\u00a0000"}},
		{"/timeline/troop-cap", []string{"у всіх проєктах", "Значення", "20 листопада 2025", "600\u00a0000 осіб"}},
		{"/timeline", []string{"Хронологія", "Показати"}},
		{"/chronology", []string{"Хроніка", "Проєкти й події разом, за датою", "Подія", "Записи до"}},
	}
	for _, p := range pages {
		t.Logf("walking %s (%s in)", p.path, time.Since(start).Round(time.Second))
		do(t, ctx, chromedp.Navigate(base+p.path), shown("h1"))
		if lang := run(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "uk" {
			t.Errorf("%s: lang=%q, want uk", p.path, lang)
		}
		text := run(t, ctx, chromedp.Evaluate[string](`document.body.innerText`))
		for _, w := range p.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the page lacks %q", p.path, w)
			}
		}
		checkAxe(t, ctx, p.path+" in Ukrainian")
	}
	// On a phone the longer Ukrainian header still fits: no sideways scroll.
	do(t, ctx, chromedp.EmulateViewport(412, 900))
	for _, p := range []string{"/", "/drafts/" + d28, "/compare?from=" + d28 + "&to=" + e3} {
		do(t, ctx, chromedp.Navigate(base+p), shown("h1"))
		if !run(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)) {
			t.Errorf("%s at 412 px in Ukrainian: the page scrolls sideways", p)
		}
	}
	do(t, ctx, chromedp.EmulateViewport(1280, 900))
	do(t, ctx,
		chromedp.Navigate(base+"/"),
		shown("#lang-en"),
		clickInPage("#lang-en"),
		shown(`html[lang="en"] #lang-en[aria-pressed="true"]`),
	)
	if h1 := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("h1").innerText`)); h1 != "Plans and drafts" {
		t.Errorf("back in English, the home page's heading is %q", h1)
	}
}
