package i18n_test

import (
	"testing"

	"plantracker/ui/i18n"
)

// TestFieldMessagesInUkrainian: the domain's field errors read in
// Ukrainian, their bounds and values carried over, plurals right; in
// English, and where no message matches, they stay as written.
func TestFieldMessagesInUkrainian(t *testing.T) {
	uk, en := i18n.For(i18n.Ukrainian), i18n.For(i18n.English)
	for _, tc := range []struct{ english, ukrainian string }{
		{"is required", "обов’язкове поле"},
		{"must be at least 0", "має бути не менше 0"},
		{"must be at most 1000000", "має бути не більше 1\u00a0000\u00a0000"}, // no-break spaces between thousands
		{"must be at most 300 characters", "має містити щонайбільше 300 символів"},
		{"must be at least 2 characters", "має містити щонайменше 2 символи"},
		{"must have at least 1 items", "має містити щонайменше 1 елемент"},
		{"must be one of: proposed, agreed", "має бути одним із: proposed, agreed"},
		{"must be a date as YYYY-MM-DD", "має бути дата у форматі РРРР-ММ-ДД"},
		{"is required; must be a URL", "обов’язкове поле; має бути URL-адреса"},
		{"something models has not said before", "something models has not said before"},
	} {
		if got := uk.FieldMessage(tc.english); got != tc.ukrainian {
			t.Errorf("%q in Ukrainian: %q, want %q", tc.english, got, tc.ukrainian)
		}
		if got := en.FieldMessage(tc.english); got != tc.english {
			t.Errorf("%q in English: %q", tc.english, got)
		}
	}
}
