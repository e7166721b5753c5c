package parse

import (
	"fmt"
	"strings"
	"testing"
)

func TestReadQuantities(t *testing.T) {
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
	} {
		var got []string
		for _, q := range readQuantities(parseTokens(tc.text)) {
			got = append(got, fmt.Sprintf("%v %s", q.value, q.unit))
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, g, tc.want)
		}
	}
}
