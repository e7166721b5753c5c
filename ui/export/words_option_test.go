package export

import (
	"testing"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// TestOptionValuesInUkrainian: an enum term's value in a Ukrainian export
// is the option's Ukrainian words; in English it stays as models labels it.
func TestOptionValuesInUkrainian(t *testing.T) {
	uk, en := words{l: i18n.For(i18n.Ukrainian)}, words{}
	label := models.OptionLabel("frozen_at_line_of_contact")
	if got, want := uk.value(label), "заморожено по лінії зіткнення"; got != want {
		t.Errorf("Ukrainian: %q, want %q", got, want)
	}
	if got := en.value(label); got != label {
		t.Errorf("English: %q, want %q", got, label)
	}
	if got, want := uk.value("Armed Forces of Ukraine"), "Armed Forces of Ukraine"; got != want {
		t.Errorf("free text became %q", got)
	}
}
