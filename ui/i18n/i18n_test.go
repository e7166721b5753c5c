package i18n_test

import (
	"sort"
	"strings"
	"testing"
	"time"

	"plantracker/ui/i18n"
)

// TestCatalogComplete fails when a string lacks its translation: every key
// of the English catalog is in the Ukrainian one and the other way round,
// none is empty, and a Ukrainian plural has each form Ukrainian needs
// (one, few, many, other) where the English has more than one.
func TestCatalogComplete(t *testing.T) {
	byLang := map[string]map[string]i18n.Message{}
	for _, l := range i18n.Languages {
		msgs, err := i18n.Messages(l.Code)
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) == 0 {
			t.Fatalf("%s: empty catalog", l.Code)
		}
		byLang[l.Code] = map[string]i18n.Message{}
		for _, m := range msgs {
			if _, dup := byLang[l.Code][m.ID]; dup {
				t.Errorf("%s: %s defined twice", l.Code, m.ID)
			}
			byLang[l.Code][m.ID] = m
			for form, text := range m.Forms {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s.%s is empty", l.Code, m.ID, form)
				}
			}
		}
	}
	en, uk := byLang[i18n.English], byLang[i18n.Ukrainian]
	var missing, extra []string
	for id, m := range en {
		u, ok := uk[id]
		if !ok {
			missing = append(missing, id)
			continue
		}
		if len(m.Forms) > 1 {
			for _, form := range []string{"one", "few", "many", "other"} {
				if u.Forms[form] == "" {
					t.Errorf("uk: plural %s lacks its %q form", id, form)
				}
			}
		}
	}
	for id := range uk {
		if _, ok := en[id]; !ok {
			extra = append(extra, id)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("%d keys lack a Ukrainian translation (add them to ui/i18n/*.uk.toml): %s", len(missing), strings.Join(missing, ", "))
	}
	if len(extra) > 0 {
		t.Errorf("%d Ukrainian keys have no English: %s", len(extra), strings.Join(extra, ", "))
	}
}

func TestPluralsDatesNumbers(t *testing.T) {
	uk, en := i18n.For(i18n.Ukrainian), i18n.For(i18n.English)
	for n, want := range map[int]string{1: "1 положення", 2: "2 положення", 5: "5 положень", 11: "11 положень", 21: "21 положення", 22: "22 положення", 25: "25 положень", 1000: "1\u00a0000 положень"} {
		if got := uk.N("provisions", n); got != want {
			t.Errorf("uk %d: %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]string{1: "1 provision", 2: "2 provisions", 1000: "1,000 provisions"} {
		if got := en.N("provisions", n); got != want {
			t.Errorf("en %d: %q, want %q", n, got, want)
		}
	}
	d := time.Date(2025, 11, 20, 9, 5, 0, 0, time.UTC)
	if got := uk.Date(d); got != "20 листопада 2025" {
		t.Errorf("uk date %q", got)
	}
	if got := en.Date(d); got != "20 Nov 2025" {
		t.Errorf("en date %q", got)
	}
	if got := uk.DateString("2025-11-20"); got != "20 листопада 2025" {
		t.Errorf("uk date string %q", got)
	}
	if got := uk.DateTime(d); got != "20 листопада 2025 09:05 UTC" {
		t.Errorf("uk datetime %q", got)
	}
	for _, c := range []struct {
		v          float64
		unit       string
		wantEN, uk string
	}{
		{600000, "", "600,000", "600\u00a0000"},
		{12.5, "", "12.5", "12,5"},
		{600000, "people", "600,000 people", "600\u00a0000 осіб"},
		{33.3, "%", "33.3%", "33,3%"},
		{100, "USD bn", "USD 100 bn", "USD 100 bn"},
		{1234567.25, "km", "1,234,567.25 km", "1\u00a0234\u00a0567,25 км"},
	} {
		if got := en.Number(c.v, c.unit); got != c.wantEN {
			t.Errorf("en %v %q: %q, want %q", c.v, c.unit, got, c.wantEN)
		}
		if got := uk.Number(c.v, c.unit); got != c.uk {
			t.Errorf("uk %v %q: %q, want %q", c.v, c.unit, got, c.uk)
		}
	}
}

func TestChoose(t *testing.T) {
	for _, c := range []struct{ cookie, accept, want string }{
		{"", "", "en"},
		{"", "uk-UA,uk;q=0.9,en;q=0.8", "uk"},
		{"", "de-DE,de;q=0.9", "en"},
		{"", "en-GB,en;q=0.9,uk;q=0.5", "en"},
		{"en", "uk", "en"},
		{"uk", "en-US", "uk"},
		{"fr", "uk", "uk"},
	} {
		if got := i18n.Choose(c.cookie, c.accept); got != c.want {
			t.Errorf("Choose(%q, %q) = %q, want %q", c.cookie, c.accept, got, c.want)
		}
	}
}

// TestText translates what the Go code writes in English by its English:
// a form's own words, a vocabulary's label, a kind's term, a label
// numbered by its row; English, and words the catalog lacks, stay as
// they are.
func TestText(t *testing.T) {
	uk, en := i18n.For(i18n.Ukrainian), i18n.For(i18n.English)
	for english, want := range map[string]string{
		"Short name":             "Коротка назва",
		"Proposed":               "Запропоновано",
		"Limit":                  "Межа",
		"Party 2":                "Сторона 2",
		"Stance date 10":         "Дата позиції 10",
		"Choose a kind…":         "Виберіть вид…",
		"Viewer (read)":          "Читач (читання)",
		"Default (Security)":     "Типово (Безпека)",
		"Default (Not a label)":  "Типово (Not a label)",
		"Not a label (Security)": "Not a label (Security)",
		"Not a label":            "Not a label",
		"Party two":              "Party two",
		"":                       "",
	} {
		if got := uk.Text(english); got != want {
			t.Errorf("uk Text(%q) = %q, want %q", english, got, want)
		}
		if got := en.Text(english); got != english {
			t.Errorf("en Text(%q) = %q, want it unchanged", english, got)
		}
	}
	if got := uk.N("form.problems", 3); got != "Є 3 проблеми; нічого не збережено" {
		t.Errorf("uk form.problems 3: %q", got)
	}
	if got := en.N("form.problems", 1); got != "There is a problem; nothing was saved" {
		t.Errorf("en form.problems 1: %q", got)
	}
}
