package export

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

// readCSV parses an export back as pandas or R would: no byte order
// mark, "#" comment lines skipped, then RFC 4180 records, every one as
// wide as the header.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rest := data
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatal("a UTF-8 byte order mark before the first comment line")
	}
	if !bytes.HasSuffix(rest, []byte("\r\n")) {
		t.Error("records do not end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.FieldsPerRecord = 0 // every record as wide as the first
	r.Comment = '#'       // the front matter
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

func TestCSVSummary(t *testing.T) {
	s := testSummaryTo(t)
	data := exported(t, Summary, s, "csv")
	records := readCSV(t, data)
	if len(records) != 1+s.Count {
		t.Fatalf("%d records, want a header and %d provisions", len(records), s.Count)
	}
	if strings.Join(records[0][:len(summaryHeader)], ",") != strings.Join(summaryHeader, ",") || records[0][len(records[0])-1] != "wording_check" {
		t.Errorf("header %q", records[0])
	}
	col := func(name string) int {
		for i, h := range records[0] {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %q", name, records[0])
		return 0
	}
	byKey := map[string][]string{}
	for _, rec := range records[1:] {
		byKey[rec[col("key")]] = rec
	}
	fund := byKey["reconstruction-fund"]
	if fund == nil {
		t.Fatal("no reconstruction-fund row")
	}
	// Quotes, commas, a pipe and markup survive as they were written.
	if got := fund[col("title")]; got != `Fund *A* | "B", and <C>` {
		t.Errorf("title came back as %q", got)
	}
	// Line breaks survive; a leading "=" is defused.
	want := "'=SUM(A1:A2) is not a formula here.\n- Not a list item either, but a line of its own 🚀.\n\n1. Nor a numbered list."
	if got := fund[col("wording")]; got != want {
		t.Errorf("wording came back as %q", got)
	}
	// The citation points into the reference list of the front matter.
	if got := fund[col("citation")]; got != "[4] (unconfirmed)" && got != "[4]" {
		t.Errorf("citation came back as %q", got)
	}
	for _, line := range []string{
		"# Provision summary,European counter-proposal: v1 E3 counter-proposal\r\n",
		"# Draft,\"v1 E3 counter-proposal (European counter-proposal), 2025-11-23, circulated, partial, forked from v1 28-point draft (US peace framework)\"\r\n",
		"# As of,2025-11-24 09:30 UTC\r\n# Exported,2026-11-30 06:00 UTC by analyst\r\n",
		"# Source [1],\"Reuters, 23 Nov 2025: E3 counter-proposal\"\r\n",
		"# Source [2],\"Kyiv Independent, 24 Nov 2025, \"\"Kyiv backs the E3 cap\"\"\"\r\n",
		"# Source [4],\"Unnamed E3 diplomat, \"\"quoted\"\", Brussels\"\r\n",
	} {
		if !bytes.Contains(data, []byte(line)) {
			t.Errorf("the front matter lacks %q", line)
		}
	}
	npp := byKey["zaporizhzhia-npp"]
	if npp[col("title")] != "Запорізька АЕС" || npp[col("parties")] != "IAEA (monitor, supports [3])" {
		t.Errorf("Cyrillic or parties lost: %q", npp)
	}
	// One typed column per term, named as the dataset names them: a number
	// plain, a boolean true or false, a list joined by ";"; empty where
	// another kind's provision has no such term.
	if slices.Contains(records[0], "terms") {
		t.Error("the terms are packed in one cell")
	}
	troop, fund := byKey["troop-cap"], byKey["reconstruction-fund"]
	for _, tc := range []struct {
		row          []string
		column, want string
	}{
		{troop, "troop_cap__limit", "800000"}, {troop, "troop_cap__peacetime_only", "true"},
		{troop, "reconstruction__amount_usd_bn", ""}, {fund, "reconstruction__amount_usd_bn", "100"},
		{fund, "reconstruction__managed_by", "EU;FR"}, {fund, "troop_cap__limit", ""},
	} {
		if got := tc.row[col(tc.column)]; got != tc.want {
			t.Errorf("%s of %s = %q, want %q", tc.column, tc.row[col("key")], got, tc.want)
		}
	}
}

func TestCSVComparison(t *testing.T) {
	c := testComparison(t)
	records := readCSV(t, exported(t, Comparison, c, "csv"))
	// One record per changed field, one per key of any other status.
	want := 1
	for _, r := range c.Rows {
		want += max(1, len(r.Changes)+len(r.SourcingChanges))
	}
	if len(records) != want || want != 1+4+5+1+1+1+1 {
		t.Fatalf("%d records, want %d", len(records), want)
	}
	if len(records[0]) != len(comparisonHeader) || records[0][0] != "from_draft" {
		t.Errorf("header %q", records[0])
	}
	found := false
	for _, rec := range records[1:] {
		if rec[4] == "troop-cap" && rec[7] == "terms.limit" {
			found = true
			got := strings.Join(rec[6:13], "|")
			want := "changed|terms.limit|Limit|600,000 people|800,000 people|'+33.3%|Limit: 600,000 people → 800,000 people (+33.3%)"
			if got != want {
				t.Errorf("troop cap limit:\n got %s\nwant %s", got, want)
			}
			// and typed: the numbers plain, beside each side's sourcing level
			if got := strings.Join(rec[20:24], "|"); got != "600000|800000|Reported|Reported" {
				t.Errorf("troop cap limit's values: %s", got)
			}
		}
		if rec[6] == "added" && (rec[7] != "" || rec[13] != "" || rec[14] == "") {
			t.Errorf("an added key has field columns or a from citation: %q", rec)
		}
	}
	if !found {
		t.Error("no record for the troop cap's limit")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+FR −PL": "'+FR −PL", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "plain": "plain", "": "", "−25.0%": "−25.0%",
	} {
		if got := safeCell(in); got != want {
			t.Errorf("safeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNumberColumns: in a number column a number is written as it is, even
// a negative one, and anything else is defused as in any column.
func TestNumberColumns(t *testing.T) {
	var buf bytes.Buffer
	c := newCSVWriter(&buf, nil, "n", "text")
	c.raw = []bool{true, false}
	c.write("-5", "-5")
	c.write("=1+1", "x")
	c.write("1e3", "")
	if err := c.flush(); err != nil {
		t.Fatal(err)
	}
	want := "n,text\r\n-5,'-5\r\n'=1+1,x\r\n1e3,\r\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// TestCSVCommentLinesFirst reads each CSV as pandas (read_csv(comment="#"))
// and R (comment.char = "#") do: a line is a comment only if its first
// byte is "#". The first byte is "#", and after the comment lines the
// header row is the header, its first column named as written.
func TestCSVCommentLinesFirst(t *testing.T) {
	summary, comparison := exported(t, Summary, testSummary(t), "csv"), exported(t, Comparison, testComparison(t), "csv")
	for _, tc := range []struct {
		name  string
		data  []byte
		first string
	}{{"summary", summary, "plan"}, {"comparison", comparison, "from_draft"}} {
		if len(tc.data) == 0 || tc.data[0] != '#' {
			t.Errorf("%s: the first byte is %q, want '#'", tc.name, tc.data[:min(3, len(tc.data))])
			continue
		}
		rest, comments := tc.data, 0
		for bytes.HasPrefix(rest, []byte("#")) {
			_, rest, _ = bytes.Cut(rest, []byte("\n"))
			comments++
		}
		header, err := csv.NewReader(bytes.NewReader(rest)).Read()
		if err != nil {
			t.Fatal(err)
		}
		if comments < 3 || header[0] != tc.first || slices.ContainsFunc(header, func(h string) bool { return strings.HasPrefix(h, "#") }) {
			t.Errorf("%s: after %d comment lines the header reads %q, want it to start with %q", tc.name, comments, header, tc.first)
		}
	}
}
