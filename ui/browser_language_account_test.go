package ui_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLanguageFollowsTheAccount: vera, a viewer, signs in, switches
// to Українська and signs out; in a new browser (another browser context:
// no cookies of the first) she signs in again and the pages are in
// Ukrainian without her choosing again.
func TestBrowserLanguageFollowsTheAccount(t *testing.T) {
	t.Parallel()
	first := tab(t)
	base, _ := liveServer(t, first) // signed in as ed
	do(t, first,
		clickInPage("#sign-out"),
		shown("#sign-in"),
	)
	signInBrowser(t, first, base, "vera")
	do(t, first,
		shown("#lang-uk"),
		clickInPage("#lang-uk"),
		shown(`html[lang="uk"] #lang-uk[aria-pressed="true"]`),
		clickInPage("#sign-out"),
		shown("#sign-in"),
	)

	second := tab(t)
	if lang := run(t, second, chromedp.Evaluate[string](`navigator.language`)); lang == "uk" || lang == "uk-UA" {
		t.Fatalf("the new browser asks for %s itself: the test would prove nothing", lang)
	}
	signInBrowser(t, second, base, "vera")
	do(t, second, chromedp.Navigate(base+"/"), shown("h1"))
	if lang := run(t, second, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "uk" {
		t.Errorf("vera in a new browser: lang=%q, want uk (her account's)", lang)
	}
	if h1 := run(t, second, chromedp.Evaluate[string](`document.querySelector("h1").innerText`)); h1 != "Плани та проєкти" {
		t.Errorf("vera in a new browser: the home page's heading is %q, want Плани та проєкти", h1)
	}
}
