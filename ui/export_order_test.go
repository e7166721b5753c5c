package ui_test

import (
	"net/http"
	"strings"
	"testing"
)

// A comparison download runs from the earlier draft to the later: the troop
// cap goes from 600,000 (28-point draft) to 800,000 (E3), +33.3%, however
// the two are asked for; asked the other way round it says it turned them
// round. Swapping from and to in the handler changed no test before: they
// checked headers only.
func TestComparisonExportsRunFromTo(t *testing.T) {
	a := newApp(t)
	d28, e3 := id(seeded.draft28), id(seeded.e3)
	tests := []struct {
		name, from, to string
		want, wantNot  string
		before, after  string
	}{
		{"28-point to E3", d28, e3, "+33.3%", "−25.0%", "600,000", "800,000"},
		{"E3 to 28-point, turned round", e3, d28, "+33.3%", "−25.0%", "600,000", "800,000"},
	}
	for _, tt := range tests {
		for _, format := range []string{"md", "csv"} {
			t.Run(tt.name+"."+format, func(t *testing.T) {
				res, body := a.get("/compare." + format + "?from=" + tt.from + "&to=" + tt.to)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status %d", res.StatusCode)
				}
				if !strings.Contains(body, tt.want) || strings.Contains(body, tt.wantNot) {
					t.Fatalf("the troop cap's change is not %s:\n%.3000s", tt.want, body)
				}
				if b, a := strings.Index(body, tt.before+" people"), strings.Index(body, tt.after+" people"); b < 0 || a < 0 || b > a {
					t.Fatalf("%s people should come before %s people", tt.before, tt.after)
				}
			})
		}
	}
}
