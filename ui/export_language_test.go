package ui_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plantracker/store/storetest"
	"plantracker/ui/i18n"
)

// getIn downloads path as a reader of lang would (the language switch's
// cookie; none for the default).
func (a *app) getIn(t *testing.T, lang, path string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if lang != "" {
		req.AddCookie(&http.Cookie{Name: i18n.CookieName, Value: lang})
	}
	res, body := a.do(req)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s in %q: %d", path, lang, res.StatusCode)
	}
	return body
}

// pdfToText is a PDF's text as pdftotext reads it, whitespace squeezed.
func pdfToText(t *testing.T, pdf string) string {
	t.Helper()
	return strings.Join(strings.Fields(storetest.PDFText(t, []byte(pdf))), " ")
}

// TestSummaryExportsInUkrainian: a reader who chose Ukrainian downloads
// the 28-point draft's summary PDF and workbook in Ukrainian (headings,
// labels, the vocabulary, dates); a reader who chose nothing gets them in
// English, as before.
func TestSummaryExportsInUkrainian(t *testing.T) {
	a := newApp(t)
	summary := "/drafts/" + id(seeded.draft28) + "/summary."

	for _, c := range []struct {
		lang       string
		want, lack []string
	}{
		{"uk", []string{"ОГЛЯД ПОЛОЖЕНЬ", "Ініціатор плану", "Підписанти", "Статус", "Джерела", "Сторінка 1 з", "листопада 2025", "Замінений"},
			[]string{"PROVISION SUMMARY", "Signatories", "Page 1 of", "export."}},
		{"", []string{"PROVISION SUMMARY", "Signatories", "Page 1 of", "Superseded"}, []string{"ОГЛЯД ПОЛОЖЕНЬ", "Підписанти"}},
	} {
		text := pdfToText(t, a.getIn(t, c.lang, summary+"pdf"))
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("summary PDF in %q lacks %q:\n%s", c.lang, w, text)
			}
		}
		for _, w := range c.lack {
			if strings.Contains(text, w) {
				t.Errorf("summary PDF in %q says %q", c.lang, w)
			}
		}
	}

	for _, c := range []struct {
		lang           string
		sheets         []string
		about, columns []string
	}{
		{"uk", []string{"Про файл", "Положення", "Сторони й позиції", "Джерела"},
			[]string{"План", "Проєкт", "Дата", "Статус", "Повнота", "Відгалуження", "Положення", "Станом на", "Експортовано"},
			[]string{"Пункт", "Ключ", "Категорія", "Вид", "Назва", "Статус", "Джерела (рівень)", "Джерела", "Формулювання"}},
		{"", []string{"About", "Provisions", "Parties and stances", "Sources"},
			[]string{"Plan", "Draft", "Date", "Status", "Coverage", "Lineage", "Provisions", "As of", "Exported"},
			[]string{"Point", "Key", "Category", "Kind", "Title", "Status", "Sourcing", "Sources", "Wording"}},
	} {
		f, err := excelize.OpenReader(strings.NewReader(a.getIn(t, c.lang, summary+"xlsx")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sheets := f.GetSheetList()
		for _, s := range c.sheets {
			if !slices.Contains(sheets, s) {
				t.Errorf("workbook in %q: no sheet %q among %q", c.lang, s, sheets)
			}
		}
		about, err := f.GetCols(c.sheets[0])
		if err != nil || len(about) == 0 {
			t.Fatalf("workbook in %q: no %s sheet (%v)", c.lang, c.sheets[0], err)
		}
		for _, label := range c.about {
			if !slices.Contains(about[0], label) {
				t.Errorf("workbook in %q: the %s sheet lacks the label %q: %q", c.lang, c.sheets[0], label, about[0])
			}
		}
		rows, err := f.GetRows(c.sheets[1])
		if err != nil || len(rows) < 2 {
			t.Fatalf("workbook in %q: %d rows on %s (%v)", c.lang, len(rows), c.sheets[1], err)
		}
		if !slices.Equal(rows[0][:len(c.columns)], c.columns) {
			t.Errorf("workbook in %q: the %s sheet is headed %q, want %q", c.lang, c.sheets[1], rows[0], c.columns)
		}
	}
}
