package export

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"plantracker/models"
	"plantracker/store/storetest"
)

// TestSummaryWorkbook reads the workbook back with excelize: the sheets,
// a frozen header with filters, and typed cells (the troop cap a number,
// a boolean a boolean, a date a date), never text where a value was meant.
func TestSummaryWorkbook(t *testing.T) {
	d := fromDraft(t)
	d.Draft.Coverage = "partial"
	exported := time.Date(2026, 11, 30, 9, 15, 0, 0, time.UTC)
	in := WorkbookInput{Plan: models.Plan{Title: "US peace framework"}, Draft: d.Draft, Provisions: d.Provisions,
		Provenance: Provenance{Sources: []models.Source{{Key: models.Slugify(citeAxios), Publisher: "Axios", Title: "The 28-point plan", Date: "2025-11-20", Language: "en"}},
			ExportedAt: exported, ExportedBy: "ed", AsOf: testProvenance.AsOf}}
	var buf bytes.Buffer
	if err := SummaryWorkbook(&buf, in); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, buf.Bytes(), "About", "Provisions", "Amnesty", "Elections", "Nuclear facility", "Security guarantee", "Troop cap", "Parties and stances", "Sources")

	cell := func(sheet, header string, row int) (string, excelize.CellType) {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], header)
		if col < 0 {
			t.Fatalf("%s has no column %q: %v", sheet, header, rows[0])
		}
		ref, _ := excelize.CoordinatesToCellName(col+1, row)
		v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheet, ref)
		return v, typ
	}
	// A number cell has no type attribute, or "n"; text would be a shared
	// string.
	number := func(typ excelize.CellType) bool {
		return typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
	}
	if v, typ := cell("Troop cap", "Limit (people)", 2); v != "600000" || !number(typ) {
		t.Errorf("the troop cap's limit is %q of type %v, want the number 600000", v, typ)
	}
	if v, typ := cell("Provisions", "Troop cap: Limit (people)", 2); v != "600000" || !number(typ) {
		t.Errorf("the provisions sheet's limit is %q of type %v", v, typ)
	}
	if _, typ := cell("Provisions", "Key", 2); typ != excelize.CellTypeSharedString {
		t.Errorf("a key is of type %v, want text", typ)
	}
	if v, typ := cell("Troop cap", "Peacetime only", 2); v != "1" || typ != excelize.CellTypeBool {
		t.Errorf("peacetime only is %q of type %v, want the boolean true", v, typ)
	}
	if v, typ := cell("Security guarantee", "Renewable", 2); v != "" || typ != excelize.CellTypeUnset {
		t.Errorf("an unstated term is %q of type %v, want an empty cell", v, typ)
	}
	if v, typ := cell("Sources", "Date", 3); v != "45981" || !number(typ) { // 20 Nov 2025 as an Excel serial date
		t.Errorf("the source's date is %q of type %v, want a date serial", v, typ)
	}
	if v, _ := f.GetCellValue("Sources", "E3"); v != "2025-11-20" {
		t.Errorf("the source's date reads %q, want 2025-11-20 in its date format", v)
	}
	rows, _ := f.GetRows("About")
	about := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			about[r[0]] = r[1]
		}
	}
	if about["Coverage"] != "Partial: only the points reported" || about["Exported by"] != "ed" || about["Draft"] != "v1 28-point draft" ||
		about["Lineage"] != "not forked" || about["Sources"] != "[1]; [2]" {
		t.Errorf("the About sheet reads %v", about)
	}
	asOf, _ := f.GetCellValue("About", "B10", excelize.Options{RawCellValue: true})
	if a, _ := f.GetCellValue("About", "A10"); a != "As of" || !strings.HasPrefix(asOf, "45985.395833") {
		t.Errorf("as of (%s) is %q, want the date-time of the latest change (24 Nov 2025 09:30)", a, asOf)
	}
	// The Sources sheet is the numbered reference list the Sources column
	// points into: the record where there is one, else the reference.
	if v, _ := cell("Provisions", "Sources", 2); v != "[2]" {
		t.Errorf("a provision's sources read %q, want [2]", v)
	}
	if srcs, _ := f.GetRows("Sources"); len(srcs) != 3 || srcs[1][0] != "1" || srcs[1][2] != "Interfax-Ukraine, 21 Nov 2025, citing Axios" || srcs[2][2] != "Axios" {
		t.Errorf("the Sources sheet reads %q", srcs)
	}
	if stances, _ := f.GetRows("Parties and stances"); len(stances) != 5 {
		t.Errorf("%d rows of parties and stances, want a header and 4", len(stances))
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{
		"Troop cap": "Troop cap",
		"Monitoring, verification and dispute resolution": "Monitoring, verification and d…",
		"Sanctions [lifted]/kept?":                        "Sanctions -lifted--kept-",
	} {
		if got := sheetName(in); got != want || len([]rune(got)) > 31 {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestComparisonWorkbook reads the comparison's workbook back with
// excelize: About, Changes and Sources sheets, each with a frozen header
// and filters; the troop cap's limit before and after as numbers beside
// the formatted text; a key with no field changes on one row; citations
// pointing into the numbered Sources.
func TestComparisonWorkbook(t *testing.T) {
	changesHeader := []string{"Status", "Withdrawn", "Category", "Point", "Key", "Title", "Aspect", "Field", "Label",
		"Before", "After", "Before value", "After value", "Delta", "Note",
		"From sourcing", "To sourcing", "From sources", "To sources"}
	c := testComparison(t)
	var buf bytes.Buffer
	if err := ComparisonWorkbook(&buf, c, testProvenance); err != nil {
		t.Fatal(err)
	}
	f := openWorkbook(t, buf.Bytes(), "About", "Changes", "Sources")
	rows, err := f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], changesHeader) {
		t.Fatalf("header %q", rows[0])
	}
	want1 := 1
	for _, r := range c.Rows {
		want1 += max(1, len(r.Changes)+len(r.SourcingChanges))
	}
	if len(rows) != want1 {
		t.Errorf("%d rows, want %d", len(rows), want1)
	}
	if filter := autoFilterOf(t, f, "Changes"); filter == "" {
		t.Error("the Changes sheet has no filter")
	}
	col := func(name string) int { return slices.Index(changesHeader, name) + 1 }
	found := false
	for i, r := range rows[1:] {
		get := func(name string) (string, excelize.CellType) {
			ref, _ := excelize.CoordinatesToCellName(col(name), i+2)
			v, _ := f.GetCellValue("Changes", ref, excelize.Options{RawCellValue: true})
			typ, _ := f.GetCellType("Changes", ref)
			return v, typ
		}
		key, field := r[col("Key")-1], r[col("Field")-1]
		switch {
		case key == "troop-cap" && field == "terms.limit":
			found = true
			for name, want := range map[string]string{"Before value": "600000", "After value": "800000"} {
				if v, typ := get(name); v != want || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
					t.Errorf("%s of the troop cap's limit: %q of type %v, want the number %s", name, v, typ, want)
				}
			}
			if v, _ := get("Before"); v != "600,000 people" {
				t.Errorf("Before reads %q", v)
			}
			if v, _ := get("To sources"); v != "[3]" {
				t.Errorf("To sources reads %q, want [3]", v)
			}
		case key == "reconstruction-fund":
			if v, _ := get("Status"); v != "added" || field != "" {
				t.Errorf("the added key: status %q, field %q", v, field)
			}
		case key == "elections":
			if v, typ := get("Withdrawn"); v != "1" || typ != excelize.CellTypeBool {
				t.Errorf("withdrawn is %q of type %v, want the boolean true", v, typ)
			}
		}
	}
	if !found {
		t.Error("no row for the troop cap's limit")
	}
	about, _ := f.GetRows("About")
	flat := map[string]string{}
	for _, r := range about {
		if len(r) >= 2 {
			flat[r[0]] = r[1]
		}
	}
	if flat["To: lineage"] != "forked from v1 28-point draft (US peace framework)" || flat["To: coverage"] != "Partial: only the points reported" ||
		flat["Exported by"] != "analyst" || flat["Keys"] != "6" {
		t.Errorf("About reads %v", flat)
	}
	if srcs, _ := f.GetRows("Sources"); len(srcs) != 6 || srcs[3][2] != "Reuters" || !strings.HasPrefix(srcs[4][2], "Kyiv Independent") {
		t.Errorf("Sources reads %q", srcs)
	}
}

// openWorkbook reads a workbook back with excelize, closed when the test
// ends, and checks that it has sheets, in that order, each with its header
// row frozen.
func openWorkbook(t *testing.T, data []byte, sheets ...string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if got := f.GetSheetList(); !slices.Equal(got, sheets) {
		t.Fatalf("sheets %v, want %v", got, sheets)
	}
	for _, name := range sheets {
		panes, err := f.GetPanes(name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: the header row is not frozen: %+v %v", name, panes, err)
		}
	}
	return f
}

// autoFilterOf is the range a sheet's filter covers, read from its XML.
func autoFilterOf(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	idx, err := f.GetSheetIndex(sheet)
	if err != nil {
		t.Fatal(err)
	}
	path := "xl/worksheets/sheet" + strconv.Itoa(idx+1) + ".xml"
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`<autoFilter ref="([^"]+)"`).FindSubmatch(storetest.Unzip(t, buf.Bytes())[path]); m != nil {
		return string(m[1])
	}
	return ""
}

// sheetParts are a workbook's worksheet XML parts by name.
func sheetParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	parts := storetest.Unzip(t, data)
	maps.DeleteFunc(parts, func(name string, _ []byte) bool { return !strings.HasPrefix(name, "xl/worksheets/sheet") })
	return parts
}

// TestWorkbookReadsTrue reads both workbooks' sheet XML as a streaming
// reader (openpyxl read-only, pandas) would: each sheet's dimension covers
// every cell written, not "A1"; no sheet claims filterMode (rows hidden by
// a filter) while the filter buttons stay; and the About sheet's dates
// have a date format, not a bare serial number like 45981.
func TestWorkbookReadsTrue(t *testing.T) {
	d := fromDraft(t)
	in := WorkbookInput{Plan: models.Plan{Title: "US peace framework"}, Draft: d.Draft, Provisions: d.Provisions,
		Provenance: Provenance{ExportedAt: time.Date(2026, 11, 30, 9, 15, 0, 0, time.UTC), ExportedBy: "ed", AsOf: testProvenance.AsOf}}
	var summary, comparison bytes.Buffer
	if err := SummaryWorkbook(&summary, in); err != nil {
		t.Fatal(err)
	}
	if err := ComparisonWorkbook(&comparison, testComparison(t), testProvenance); err != nil {
		t.Fatal(err)
	}
	cellRef := regexp.MustCompile(`<c r="([A-Z]+)([0-9]+)"`)
	for name, data := range map[string][]byte{"summary": summary.Bytes(), "comparison": comparison.Bytes()} {
		parts := sheetParts(t, data)
		if len(parts) < 3 {
			t.Fatalf("%s: %d sheets", name, len(parts))
		}
		for part, xml := range parts {
			maxCol, maxRow := 1, 1
			for _, m := range cellRef.FindAllSubmatch(xml, -1) {
				col, _ := excelize.ColumnNameToNumber(string(m[1]))
				row, _ := strconv.Atoi(string(m[2]))
				maxCol, maxRow = max(maxCol, col), max(maxRow, row)
			}
			last, _ := excelize.CoordinatesToCellName(maxCol, maxRow)
			m := regexp.MustCompile(`<dimension ref="([^"]+)"`).FindSubmatch(xml)
			if m == nil || string(m[1]) != "A1:"+last {
				t.Errorf("%s %s: dimension %q, want A1:%s", name, part, m, last)
			}
			if bytes.Contains(xml, []byte(`filterMode="true"`)) {
				t.Errorf("%s %s: filterMode=\"true\" though nothing is filtered", name, part)
			}
			if !bytes.Contains(xml, []byte(`<autoFilter ref=`)) {
				t.Errorf("%s %s: the filter buttons are gone", name, part)
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("About")
		dates := 0
		for i, r := range rows {
			if len(r) < 2 || (r[0] != "Date" && !strings.HasSuffix(r[0], ": date") && r[0] != "As of" && r[0] != "Exported") {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(2, i+1)
			if typ, _ := f.GetCellType("About", ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				continue // text saying why there is no date
			}
			dates++
			id, _ := f.GetCellStyle("About", ref)
			style, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if style.CustomNumFmt == nil || !strings.HasPrefix(*style.CustomNumFmt, "yyyy-mm-dd") {
				t.Errorf("%s About %s (%s) has no date format: %+v; it reads %q", name, ref, r[0], style, r[1])
			}
			if !regexp.MustCompile(`^\d{4}-\d\d-\d\d`).MatchString(r[1]) {
				t.Errorf("%s About %s (%s) reads %q, not a date", name, ref, r[0], r[1])
			}
		}
		if dates < 3 {
			t.Errorf("%s: %d dates on the About sheet, want the draft's date, as of and exported", name, dates)
		}
		f.Close()
	}
}
