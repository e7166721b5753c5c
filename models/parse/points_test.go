package parse

import (
	"strings"
	"testing"
)

func TestSplitPoints(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string // number=text | …
		notes      string // a word every note list must hold, or ""
	}{
		{"list", "Title\n1. First.\n2) Second.\n3: Third.", "1=First.|2=Second.|3=Third.", "outside"},
		{"wire", "Point 4: Four.\nPoints 15–20: Range.\nPoint 6 — Six.\nPoint 7 caps it.", "4=Four.|15–20=Range.|6=Six.|7=caps it.", ""},
		{"markdown", "**8.** Eight.\n- 9. Nine.\n* **10)** Ten.\n### 11. Eleven.", "8=Eight.|9=Nine.|10=Ten.|11=Eleven.", ""},
		{"translation", "п. 6. Шість.\nп.7 Сім.\nПункт 8. Вісім.", "6=Шість.|7=Сім.|8=Вісім.", ""},
		{"inline", "Under point 7, Ukraine renounces it.", "7=Under point 7, Ukraine renounces it.", ""},
		{"ranges and letters", "1-5. Range.\n21c. Letter.", "1–5=Range.|21c=Letter.", ""},
		{"not points", "2025. A year.\n1.5 million troops.\n600,000 troops.", "", ""},
		{"continued", "1. First line\nsecond line.\n\n   Indented paragraph.\n2. Two.", "1=First line\nsecond line.\nIndented paragraph.|2=Two.", ""},
		{"commentary", "1. One.\n\nOfficials said more.\n2. Two.", "1=One.|2=Two.", "outside"},
		{"heading ends a point", "1. One.\n## Territory\n2. Two.", "1=One.|2=Two.", ""},
		{"deleted", "Point 3 is deleted.\nPoint 4: Four.", "4=Four.", "deleted"},
		{"numbering", "1. One.\n4. Four.\n4. Again.", "1=One.|4=Four.|4=Again.", "skips"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			points, notes, _ := splitPoints(tc.text)
			if g := joinEach(points, "|", func(p rawPoint) string { return p.number + "=" + p.text }); g != tc.want {
				t.Errorf("points %q, want %q", g, tc.want)
			}
			if tc.notes != "" && !strings.Contains(strings.Join(notes, "; "), tc.notes) {
				t.Errorf("notes %q lack %q", notes, tc.notes)
			}
		})
	}
}

func TestSplitSubPoints(t *testing.T) {
	for _, tc := range []struct {
		name, text, lead, subs string
	}{
		{"bracketed", "Territory: (a) Crimea; (b) Donbas; and (c) the rest.", "Territory:", "a=Crimea|b=Donbas|c=the rest."},
		{"lines", "The guarantee:\n a) the US is paid;\n b) it is void.", "The guarantee:", "a=the US is paid|b=it is void."},
		{"after a colon", "Two things: a) one; b) two.", "Two things:", "a=one|b=two."},
		{"cyrillic", "Території: а) Крим; б) Донбас.", "Території:", "a=Крим|b=Донбас."},
		{"not a run", "A clause (b) alone and (a) later.", "A clause (b) alone and (a) later.", ""},
		{"one letter", "Only (a) one.", "Only (a) one.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lead, subs := splitSubPoints(tc.text)
			got := joinEach(subs, "|", func(s subPoint) string { return string(s.letter) + "=" + s.text })
			if lead != tc.lead || got != tc.subs {
				t.Errorf("lead %q, subs %q; want %q, %q", lead, got, tc.lead, tc.subs)
			}
		})
	}
}

// Sub-points that name different subjects are provisions of their own;
// those that detail their lead-in stay with it.
func TestSubPointsBecomeProvisions(t *testing.T) {
	parties := seedParties(t)
	for _, tc := range []struct {
		name, text string
		want       string // point:kind, …
	}{
		{"regions and a zone", "21. Territory: (a) Crimea is recognised de facto as Russian; (b) Kherson and Zaporizhzhia are frozen along the line of contact; (c) the area becomes a demilitarised buffer zone.",
			"21a:territorial 21b:territorial 21c:demilitarized_zone"},
		{"details of a guarantee", "10. The United States gives Ukraine a security guarantee modelled on Article 5: (a) the US is compensated; (b) the guarantee is void if Ukraine invades Russia; (c) sanctions are reinstated if Russia attacks.",
			"10:security_guarantee"},
		{"one subject", "24. Humanitarian measures: (a) an all-for-all exchange of prisoners; (b) the return of children.",
			"24:humanitarian"},
		{"a statement and another subject", "7. Ukraine renounces membership of NATO for good: (a) this is written into its constitution; (b) Ukraine holds elections within 100 days.",
			"7:alliance_membership 7b:elections"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			points := Text(tc.text, Options{Parties: parties}).Points
			if g := joinEach(points, " ", func(p Point) string { return p.Point + ":" + p.Kind }); g != tc.want {
				t.Errorf("%s, want %s", g, tc.want)
			}
		})
	}
}
