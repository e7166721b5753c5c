package ui_test

import (
	"regexp"
	"strings"
	"testing"

	"plantracker/models"
)

// englishStanceWords finds a stance map cell's English words: a role's
// label before its stance or another role ("operator: ", "obligor, "), a
// stance's label after its roles (": supports"), and "not recorded". A
// source's own English ("the US chief operator") is not among them.
var englishStanceWords = func() *regexp.Regexp {
	var roles, stances []string
	for _, r := range models.Roles {
		roles = append(roles, strings.ToLower(r.Label))
	}
	for _, s := range models.Stances {
		stances = append(stances, strings.ToLower(s.Label))
	}
	return regexp.MustCompile(`\b(` + strings.Join(roles, "|") + `)(: |, )|: (` + strings.Join(stances, "|") + `)\b|not recorded`)
}()

// TestStanceMapDownloadsInUkrainian: a reader who chose Ukrainian downloads
// the 20-point framework's stance map, filtered to a party, as Markdown
// and CSV: Ukrainian headings, filter, roles, stances and dates, and no
// English label word; the CSV's header row is the English file's machine
// names, each named in Ukrainian in a comment line above it. A reader who
// chose nothing gets English.
func TestStanceMapDownloadsInUkrainian(t *testing.T) {
	a := newApp(t)
	stances := "/drafts/" + id(seeded.draft20) + "/stances."

	uk := a.getIn(t, "uk", stances+"md?party=US")
	for _, want := range []string{"# Позиції: US peace framework v3 20-point framework\n", "Відібрано: сторона US\n",
		"| Пункт | Положення |", "оператор: підтримує (23 грудня 2025) — ", "зобов’язана сторона: не записано"} {
		if !strings.Contains(uk, want) {
			t.Errorf("the Ukrainian stance map lacks %q:\n%s", want, uk)
		}
	}
	for _, english := range []string{"Stances:", "Filtered:", "| Point | Provision |", "export."} {
		if strings.Contains(uk, english) {
			t.Errorf("the Ukrainian stance map says %q:\n%s", english, uk)
		}
	}
	if found := englishStanceWords.FindAllString(uk, 5); found != nil {
		t.Errorf("the Ukrainian stance map's cells say %q in English:\n%s", found, uk)
	}
	en := a.getIn(t, "", stances+"md?party=US")
	for _, want := range []string{"# Stances: US peace framework v3 20-point framework\n", "Filtered: party US\n",
		"| Point | Provision |", "operator: supports (2025-12-23) — ", "obligor: not recorded"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English stance map lacks %q:\n%s", want, en)
		}
	}

	// The header row is the first line that is not a comment.
	header := func(text string) string {
		for _, line := range strings.Split(text, "\r\n") {
			if !strings.HasPrefix(line, "#") {
				return line
			}
		}
		return ""
	}
	ukCSV, enCSV := a.getIn(t, "uk", stances+"csv"), a.getIn(t, "", stances+"csv")
	if got, want := header(ukCSV), header(enCSV); got != want || want != "draft,point,key,title,category,party,roles,stance,stance_date,sources" {
		t.Errorf("the Ukrainian CSV is headed %q, the English %q", got, want)
	}
	for _, want := range []string{"# Стовпець party,Сторона\r\n", "# Стовпець roles,Ролі\r\n", "# Стовпець stance,Позиція\r\n",
		"# Стовпець stance_date,Дата позиції\r\n"} {
		if !strings.Contains(ukCSV, want) {
			t.Errorf("the Ukrainian stance map CSV lacks %q:\n%s", want, ukCSV)
		}
	}
	if !strings.HasPrefix(enCSV, "draft,point,") {
		t.Errorf("the English stance map CSV does not start with its header row, as it always did:\n%s", enCSV)
	}
}
