package export

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"plantracker/models"
	"plantracker/ui/i18n"
)

// inUkrainian is the fixture's provenance for a reader of Ukrainian.
func inUkrainian(pv Provenance) Provenance {
	pv.Lang = i18n.For(i18n.Ukrainian)
	return pv
}

// ukrainianExports writes the fixture's summary and comparison in every
// format in Ukrainian and returns each as text: the PDFs as pdftotext reads
// them (whitespace squeezed), the workbooks as their sheet names and cells.
func ukrainianExports(t *testing.T) map[string]string {
	t.Helper()
	pv := inUkrainian(testProvenance)
	s, c := testSummary(t), testComparison(t)
	out := map[string]string{}
	for _, format := range []string{"md", "csv"} {
		var b bytes.Buffer
		if err := Summary(&b, s, pv, format); err != nil {
			t.Fatal(err)
		}
		out["summary."+format] = b.String()
		b.Reset()
		if err := Comparison(&b, c, pv, format); err != nil {
			t.Fatal(err)
		}
		out["comparison."+format] = b.String()
	}
	out["summary.csv"], out["comparison.csv"] = csvWords(t, out["summary.csv"]), csvWords(t, out["comparison.csv"])
	out["summary.pdf"] = squeeze(pdfText(t, "uk-summary.pdf", func(b *bytes.Buffer) error { return Summary(b, s, pv, "pdf") }))
	out["comparison.pdf"] = squeeze(pdfText(t, "uk-comparison.pdf", func(b *bytes.Buffer) error { return Comparison(b, c, pv, "pdf") }))

	d := fromDraft(t)
	var b bytes.Buffer
	if err := SummaryWorkbook(&b, WorkbookInput{Plan: fixturePlan, Draft: d.Draft, Provisions: d.Provisions, Provenance: pv}); err != nil {
		t.Fatal(err)
	}
	out["summary.xlsx"] = workbookText(t, b.Bytes())
	b.Reset()
	if err := ComparisonWorkbook(&b, c, pv); err != nil {
		t.Fatal(err)
	}
	out["comparison.xlsx"] = workbookText(t, b.Bytes())
	b.Reset()
	if err := StanceMapMarkdown(&b, testStanceMap(), pv.Lang); err != nil {
		t.Fatal(err)
	}
	out["stances.md"] = b.String()
	b.Reset()
	if err := StanceMapCSV(&b, testStanceMap(), pv.Lang); err != nil {
		t.Fatal(err)
	}
	out["stances.csv"] = csvWords(t, b.String(), stanceMapCodes...)
	return out
}

// machineColumns hold codes, the same in every language, as the
// dataset's: a CSV's header row and these columns' values, and the
// workbook's Changes sheet's columns of the same.
var machineColumns = []string{"key", "status", "field", "aspect", "withdrawn", "from_coverage", "to_coverage", "before_value", "after_value"}

// stanceMapCodes are the stance map CSV's other columns of codes, the
// dataset's provision_parties.csv's: a summary's category is words.
var stanceMapCodes = []string{"category", "roles", "stance"}

// csvWords is a CSV's comment lines and its cells of words, a record a
// line: without its header row and its columns of codes (machineColumns
// and codes).
func csvWords(t *testing.T, text string, codes ...string) string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var header []string
	for _, rec := range records {
		switch {
		case strings.HasPrefix(rec[0], "# Стовпець "): // names a column: its code, then its words
			rec = rec[1:]
		case strings.HasPrefix(rec[0], "#"):
		case header == nil:
			header = rec
			continue
		default:
			rec = slices.Clone(rec)
			for i, name := range header {
				if slices.Contains(machineColumns, name) || slices.Contains(codes, name) {
					rec[i] = ""
				}
			}
		}
		b.WriteString(strings.Join(rec, ",") + "\n")
	}
	return b.String()
}

// workbookText is a workbook's sheet names and cells, a line each.
func workbookText(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	uk := i18n.For(i18n.Ukrainian)
	var codes []string
	for _, id := range machineColumns {
		codes = append(codes, uk.T("export.col."+id))
	}
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		b.WriteString(sheet + "\n")
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j := range r {
				if i > 0 && sheet == uk.T("export.sheet.changes") && slices.Contains(codes, rows[0][j]) {
					r[j] = ""
				}
			}
			b.WriteString(strings.Join(r, "\n") + "\n")
		}
	}
	return b.String()
}

// englishFragments are the words of the catalog's export messages in
// English that their Ukrainian does not share: the text between the
// placeholders, of two words or one of five letters or more ("Coverage",
// "not forked"), which no Ukrainian export may still contain.
func englishFragments(t *testing.T) []string {
	t.Helper()
	en, err := i18n.Messages(i18n.English)
	if err != nil {
		t.Fatal(err)
	}
	uk, err := i18n.Messages(i18n.Ukrainian)
	if err != nil {
		t.Fatal(err)
	}
	ukText := map[string]string{}
	for _, m := range uk {
		ukText[m.ID] = m.Forms["other"]
	}
	placeholder := regexp.MustCompile(`\{\{[^}]*\}\}`)
	var out []string
	for _, m := range en {
		if !strings.HasPrefix(m.ID, "export.") {
			continue
		}
		for _, frag := range placeholder.Split(m.Forms["other"], -1) {
			frag = strings.TrimFunc(frag, func(r rune) bool { return !unicode.IsLetter(r) })
			if (len(frag) >= 5 || strings.Contains(frag, " ")) && !strings.Contains(ukText[m.ID], frag) {
				out = append(out, frag)
			}
		}
	}
	return out
}

// TestUkrainianExportsHaveNoEnglish: the catalog holds every export
// string. A summary and a comparison exported in Ukrainian, in every format,
// show no catalog id (what a missing key prints) and none of the export
// messages' English words; and they carry the Ukrainian headings, dates,
// numbers and plurals.
func TestUkrainianExportsHaveNoEnglish(t *testing.T) {
	docs := ukrainianExports(t)
	fragments := englishFragments(t)
	if len(fragments) < 100 {
		t.Fatalf("only %d English fragments of export messages: the catalog lost its export block?", len(fragments))
	}
	for name, text := range docs {
		// A citation's file, and the source key made of it: the fixture's words.
		text = strings.NewReplacer("sources/reported-drafts.md", "", models.Slugify(citeAxios), "").Replace(text)
		if i := strings.Index(text, "export."); i >= 0 {
			t.Errorf("%s shows a catalog id, a key the catalog lacks: %q", name, text[i:min(len(text), i+40)])
		}
		for _, frag := range fragments {
			if loc := regexp.MustCompile(`\b` + regexp.QuoteMeta(frag) + `\b`).FindStringIndex(text); loc != nil {
				t.Errorf("%s still says %q in English: …%s…", name, frag, text[max(0, loc[0]-60):min(len(text), loc[1]+60)])
			}
		}
	}
	for name, wants := range map[string][]string{
		"summary.md": {"Огляд положень.\n", "- **План:** US peace framework", "- **Проєкт:** v1 28-point draft, 20 листопада 2025, замінений",
			"- **Підписанти:** ", "## Джерела", "Обмеження чисельності військ: **600\u00a0000 осіб**", "- Межа: 600\u00a0000 осіб", "Сторони: Ukraine (UA): зобов"},
		"summary.pdf":     {"ОГЛЯД ПОЛОЖЕНЬ", "Підписанти", "Сторінка 1 з", "5 положень у 3 категоріях", "20 листопада 2025", "Джерела"},
		"summary.xlsx":    {"Про файл\n", "Положення\n", "Сторони й позиції\n", "Джерела\n", "Пункт\nКлюч\nКатегорія\nВид\nНазва\nСтатус", "Замінений"},
		"comparison.md":   {"# Порівняння: ", "## Огляд", "## Зміни", "| Статус | Категорія | Пункт | Ключ | Назва | Головне |"},
		"comparison.pdf":  {"ПОРІВНЯННЯ ПРОЄКТІВ", "ВІД", "ДО", "Сторінка 1 з"},
		"comparison.xlsx": {"Про файл\n", "Зміни\n", "Джерела\n", "Від: дата"},
		"summary.csv":     {"# Станом на,", "Статус"},
		"stances.md": {"# Позиції: US peace framework v1 28-point draft\n", "Відібрано: категорія «Безпека» сторона UA\n",
			"| Пункт | Положення | UA | RU | US |", "| зобов’язана сторона: заперечує (21 листопада 2025) — Axios, 21 Nov 2025 |",
			"бенефіціар, підписант: підтримує (22 листопада 2025) — Axios, 21 Nov 2025; FT, 22 Nov 2025, para. 4 (не підтверджено)",
			"| зобов’язана сторона: не записано |", "| гарант: утримується |"},
		"stances.csv": {"Сторона\nРолі\nПозиція\nДата позиції\nДжерела\n", "FT, 22 Nov 2025, para. 4 (не підтверджено)"},
	} {
		for _, want := range wants {
			if !strings.Contains(docs[name], want) {
				t.Errorf("%s lacks %q:\n%s", name, want, docs[name])
			}
		}
	}
}

// TestUkrainianCSVKeepsItsColumnNames: the header row of a CSV is the
// dataset's machine names in every language (scripts select columns by
// them); a Ukrainian file names each column in Ukrainian in the comment
// lines above it, which pandas and R skip.
func TestUkrainianCSVKeepsItsColumnNames(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, Provenance) error
	}{
		{"summary", func(b *bytes.Buffer, pv Provenance) error { return Summary(b, testSummary(t), pv, "csv") }},
		{"comparison", func(b *bytes.Buffer, pv Provenance) error { return Comparison(b, testComparison(t), pv, "csv") }},
		{"stances", func(b *bytes.Buffer, pv Provenance) error { return StanceMapCSV(b, testStanceMap(), pv.Lang) }},
	} {
		var en, uk bytes.Buffer
		if err := tc.write(&en, testProvenance); err != nil {
			t.Fatal(err)
		}
		if err := tc.write(&uk, inUkrainian(testProvenance)); err != nil {
			t.Fatal(err)
		}
		header := func(b []byte) []string {
			r := csv.NewReader(bytes.NewReader(b))
			r.Comment, r.FieldsPerRecord = '#', -1
			h, err := r.Read()
			if err != nil {
				t.Fatal(err)
			}
			return h
		}
		enHeader, ukHeader := header(en.Bytes()), header(uk.Bytes())
		if strings.Join(enHeader, ",") != strings.Join(ukHeader, ",") {
			t.Errorf("%s: the Ukrainian header row %q is not the English %q", tc.name, ukHeader, enHeader)
		}
		for _, col := range ukHeader {
			if !strings.Contains(uk.String(), "# Стовпець "+col+",") {
				t.Errorf("%s: no comment line names the column %s in Ukrainian", tc.name, col)
			}
		}
		if strings.Contains(en.String(), "Column ") {
			t.Errorf("%s: the English file names its columns, which it never did", tc.name)
		}
	}
}
