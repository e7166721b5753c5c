package ui

import "testing"

// Pages are parsed on first use (templates.go); this parses every one in
// every language, so that a broken template fails the tests even when no
// other test shows its page.
func TestEveryPageParses(t *testing.T) {
	for lang, set := range pageSets {
		for name, parse := range set {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("page %s in %s: %v", name, lang, r)
					}
				}()
				if parse().Lookup("content") == nil {
					t.Errorf("page %s in %s defines no content", name, lang)
				}
			}()
		}
	}
}
