package ui

import (
	"testing"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// TestTermOptionsInBothLanguages: every option of every kind's terms (a
// territory's disposition, a sanctions mode…) has its catalog message, the
// English one reading as models labels it, and a Ukrainian reader sees the
// Ukrainian words where a term's value is shown and in the edit form's
// select, never the English label.
func TestTermOptionsInBothLanguages(t *testing.T) {
	en, uk := i18n.For(i18n.English), i18n.For(i18n.Ukrainian)
	options := 0
	for _, k := range models.Kinds() {
		for _, f := range k.Fields {
			for _, o := range f.Options {
				options++
				if got := en.Or("option."+o.Value, ""); got != o.Label {
					t.Errorf("%s.%s: option.%s reads %q in English, models labels it %q", k.Name, f.Name, o.Value, got, o.Label)
				}
				if got := termValue(uk, f, o.Label); got == o.Label || got != uk.Or("option."+o.Value, "") {
					t.Errorf("%s.%s: %s is shown to a Ukrainian reader as %q", k.Name, f.Name, o.Value, got)
				}
				// A form's select writes the option by its English (text).
				if got := uk.Text(o.Label); got != uk.Or("option."+o.Value, "") {
					t.Errorf("%s.%s: the form offers %s to a Ukrainian reader as %q", k.Name, f.Name, o.Value, got)
				}
				if got := termValue(en, f, o.Label); got != o.Label {
					t.Errorf("%s.%s: %s is shown to an English reader as %q", k.Name, f.Name, o.Value, got)
				}
			}
		}
	}
	if options == 0 {
		t.Fatal("no kind has an option")
	}
}
