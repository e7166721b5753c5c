package models

import "testing"

// TestTermColumnsCarryUnits: a term column gives its term's unit, from
// the kind's declaration, so that a codebook can print it; a unit tag
// lost from a kind's terms would leave the codebook's unit column empty
// without any column going missing.
func TestTermColumnsCarryUnits(t *testing.T) {
	want := map[string]string{
		"troop_cap__limit":                   "people",
		"security_guarantee__duration_years": "years",
		"term__duration_years":               "years",
		"demilitarized_zone__width_km":       "km",
		"elections__within_days":             "days",
		"assets__amount_usd_bn":              "USD bn",
	}
	units := 0
	for _, c := range TermColumns() {
		if c.Field.Unit != "" {
			units++
		}
		if w, ok := want[c.Name]; ok {
			if c.Field.Unit != w {
				t.Errorf("%s: unit %q, want %q", c.Name, c.Field.Unit, w)
			}
			delete(want, c.Name)
		}
	}
	for name := range want {
		t.Errorf("no term column %s", name)
	}
	if units < 10 {
		t.Errorf("only %d term columns carry a unit", units)
	}
}

// A term's value as a CSV cell: plain numbers, true or false, parties
// joined by the list separator, nothing where the term is not stated.
func TestValueCell(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{600000.0, "600000"},
		{12.5, "12.5"},
		{true, "true"},
		{false, "false"},
		{[]string{"US", "UK"}, "US" + ListSeparator + "UK"},
		{"article5_like", "article5_like"},
		{nil, ""},
	} {
		if got := ValueCell(tc.v); got != tc.want {
			t.Errorf("ValueCell(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
