package export

import (
	"bytes"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/models/worddiff"
)

func md(f func(m *mdWriter)) string {
	var buf bytes.Buffer
	m := newMDWriter(&buf)
	f(m)
	m.Flush()
	return buf.String()
}

func TestMarkdownEscapes(t *testing.T) {
	for _, tc := range []struct{ in, text, lineStart string }{
		{"plain words", "plain words", "plain words"},
		{"*bold* _em_ `code` [link](x) <b> a|b ~~s~~ #", `\*bold\* \_em\_ \` + "`" + `code\` + "`" + ` \[link\](x) \<b\> a\|b \~\~s\~\~ \#`, ""},
		{"- item", "- item", `\- item`},
		{"+ item", "+ item", `\+ item`},
		{"12. point", "12. point", `12\. point`},
		{"3) point", "3) point", `3\) point`},
		{"2025 in review", "2025 in review", "2025 in review"},
		{"AT&T &amp; &#39;", `AT&T \&amp; \&\#39;`, ""},
		{"two\nlines", "two lines", ""},
	} {
		if got := md(func(m *mdWriter) { m.text(tc.in) }); got != tc.text {
			t.Errorf("text(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if tc.lineStart == "" {
			continue
		}
		if got := md(func(m *mdWriter) { m.lineStart(tc.in) }); got != tc.lineStart {
			t.Errorf("lineStart(%q) = %q, want %q", tc.in, got, tc.lineStart)
		}
	}
	if got := md(func(m *mdWriter) { m.code("a`b") }); got != "``a`b``" {
		t.Errorf("code with a backtick: %q", got)
	}
}

func TestMarkdownWordDiff(t *testing.T) {
	for _, tc := range []struct{ before, after, want string }{
		{"under Russian control.", "under IAEA supervision.", "> under ~~Russian control~~ **IAEA supervision**.\n"},
		{"capped at 600,000.", "capped at 800,000 in peacetime.", "> capped at ~~600~~ **800**,000 **in peacetime**.\n"},
		{"- keep *this*", "- keep *that*", "> \\- keep \\*~~this~~ **that**\\*\n"},
		{"line one\nline two", "line one\nline 2", "> line one\n> line ~~two~~ **2**\n"},
	} {
		got := md(func(m *mdWriter) { m.wordDiff(worddiff.Diff(tc.before, tc.after)) })
		if got != tc.want {
			t.Errorf("wordDiff(%q → %q):\n got %q\nwant %q", tc.before, tc.after, got, tc.want)
		}
	}
}

// TestHandBuiltValues: exports take values as they come, also from a
// caller that built them by hand and left things out.
func TestHandBuiltValues(t *testing.T) {
	brief := &report.ProvisionBrief{Title: "T", Citation: "C"}
	values := []struct {
		name string
		s    report.Summary
		c    report.Comparison
	}{
		{"empty", report.Summary{}, report.Comparison{}},
		{"sparse", report.Summary{Groups: []report.SummaryGroup{{Provisions: []report.SummaryProvision{{Key: "k"}}}}},
			report.Comparison{Rows: []report.ComparisonRow{
				{Key: "a", Status: report.StatusChanged, To: brief},
				{Key: "b", Status: report.StatusUnchanged},
				{Key: "c", Status: report.StatusAdded},
			}}},
	}
	for _, v := range values {
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := Summary(&buf, v.s, testProvenance, format); err != nil || buf.Len() == 0 {
				t.Errorf("%s summary as %s: %v, %d bytes", v.name, format, err, buf.Len())
			}
			buf.Reset()
			if err := Comparison(&buf, v.c, testProvenance, format); err != nil || buf.Len() == 0 {
				t.Errorf("%s comparison as %s: %v, %d bytes", v.name, format, err, buf.Len())
			}
			if format == "md" && v.name == "sparse" && !strings.Contains(buf.String(), "`a`") {
				t.Errorf("sparse comparison lost a key:\n%s", buf.String())
			}
		}
	}
}

// TestMarkdownBriefParties: an added or removed key in a comparison lists
// its parties with their stances, escaped, as a summary's provision does
// (the fixture's added and removed keys have none, so the golden files do
// not show it).
func TestMarkdownBriefParties(t *testing.T) {
	b := &report.ProvisionBrief{Title: "Fund", Headline: "USD 100 bn",
		ProvisionStatus: report.ProvisionStatus{Status: "proposed", StatusLabel: "Proposed", Sourcing: "reported", SourcingLabel: "Reported"},
		Parties:         []models.ProvisionParty{{Party: "UA", Role: "beneficiary", Stance: "supports", StanceDate: "2025-11-24"}, {Party: "E*U", Role: "guarantor", Stance: "unknown"}}}
	got := md(func(m *mdWriter) { m.brief(b, &Front{}) })
	want := ": **USD 100 bn** · Proposed · Reported\n\nParties: UA: beneficiary, supports as of 2025-11-24; E\\*U: guarantor, unknown\n\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
