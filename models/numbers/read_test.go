package numbers

import (
	"fmt"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // value unit; … or "" for none
	}{
		{"capped at 600,000 personnel", "600000 people"},
		{"a 800,000-strong army", "800000 people"},
		{"600,000 active-duty troops", "600000 people"},
		{"within 100 days of signing", "100 days"},
		{"for 10 years", "10 years"},
		{"a 10-year term", "10 years"},
		{"for ten years", "10 years"},
		{"within one hundred days", "100 days"},
		{"within a hundred days", "100 days"},
		{"USD 100 billion", "100 USD bn"},
		{"$100bn", "100 USD bn"},
		{"US$100 bn", "100 USD bn"},
		{"100 billion dollars", "100 USD bn"},
		{"$250 million", "0.25 USD bn"},
		{"€50 billion", "5e+10 EUR"},
		{"50% of the profits", "50 %"},
		{"50 per cent", "50 %"},
		{"a 15 km zone", "15 km"},
		{"eight hundred thousand", "800000 "},
		{"capped at 600,000", "600000 "},
		{"600 тисяч військовослужбовців", "600000 people"},
		{"600 тисячами військовослужбовців", "600000 people"},
		{"600 тысяч военнослужащих", "600000 people"},
		{"100 млрд доларів", "100 USD bn"},
		{"протягом 100 днів", "100 days"},
		{"10 лет", "10 years"},
		{"point 6 says", ""},
		{"Article 5", ""},
		{"п. 6", ""},
		{"on 20 November 2025", ""},
		{"in 2025", ""},
		{"the G8", ""},
		{"one of them", ""},
		{"split 50:50", ""},
		{"600,000 in peacetime and 10 years", "600000 ; 10 years"},
		// As the wording check reads them (models, wording.go).
		{"capped at 600,000.", "600000 "},
		{"capped at 600 000 in peacetime", "600000 "},
		{"capped at 600\u00a0000 and 600\u202f000", "600000 ; 600000 "},
		{"capped at 600000", "600000 "},
		{"about 1.5 million troops", "1.5e+06 people"},
		{"600 thousand", "600000 "},
		{"Term 10 years, renewable", "10 years"},
		{"a fifteen-year guarantee", "15 years"},
		{"Kyiv asked for 30–50 years", "30 years; 50 years"},
		{"Kyiv asked for 30-50 years", "30 years; 50 years"},
		{"a 15 km zone, 15km wide", "15 km; 15 km"},
		{"50% of the profits; 50 per cent; 50 percent", "50 %; 50 %; 50 %"},
		{"USD 100 bn", "100 USD bn"},
		{"USD 100 млрд", "100 USD bn"},
		{"$100bn and US$100 billion", "100 USD bn; 100 USD bn"},
		{"USD 1.2 trillion", "1200 USD bn"},
		{"€100 bn from Europe", "1e+11 EUR"},
		{"the 28-point draft", "28 points"},
		{"points 1–5 and point 6", ""},
		{"modelled on NATO's Article 5", ""},
		{"split 50:50, or 50/50", ""},
		{"reported on 20–21 Nov 2025", ""},
		{"on 2025-11-20", ""},
		{"by 2030", ""},
		{"the 1st and 2nd", ""},
		{"two months", "2 months"},
		{"10, 20 and 30", "10 ; 20 ; 30 "},
		{"Чисельність ЗСУ обмежується 600 000 осіб", "600000 people"},
		{"Чисельність ЗСУ обмежується 600 тисячами військовослужбовців", "600000 people"},
		{"обмежується 600 тисячами", "600000 "},
		{"Запорізька АЕС", ""},
		{"", ""},
	} {
		var got []string
		for _, q := range Read(tc.text) {
			got = append(got, fmt.Sprintf("%v %s", q.Value, q.Unit))
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, g, tc.want)
		}
	}
}
