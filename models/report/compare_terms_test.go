package report

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"plantracker/models"
)

// checkProvInfo holds the fast term reader to what TermLines and Headline
// say of p.
func checkProvInfo(t *testing.T, p *models.Provision) {
	t.Helper()
	pi := newProvInfo(p)
	want := p.TermLines()
	got := pi.termLines()
	if len(got) != len(want) {
		t.Fatalf("%s: %d term lines, TermLines has %d: %+v", p.Key, len(got), len(want), got)
	}
	for i := range want {
		if got[i].Name != want[i].Field.Name || got[i].Label != want[i].Field.Label || got[i].Value != want[i].Value {
			t.Fatalf("%s: term line %d = %+v, TermLines has %s %q", p.Key, i, got[i], want[i].Field.Name, want[i].Value)
		}
	}
	if h := pi.headline(); h != p.Headline() {
		t.Fatalf("%s: headline %q, Headline() %q", p.Key, h, p.Headline())
	}
}

func TestFastTermsMatchTermLines(t *testing.T) {
	tests := []struct {
		kind, terms string
	}{
		{"troop_cap", `{"party":"UA","force":"Armed Forces","limit":600000,"peacetime_only":true}`},
		{"security_guarantee", `{"model":"article5_like","guarantors":["US","UK","FR"],"duration_years":10,"renewable":false}`},
		// encoding/json escapes <, > and & and keeps quotes escaped: the slow path.
		{"security_guarantee", `{"model":"other","void_if":"Russia \"invades\" <again> & again\n"}`},
		{"assets", `{"amount_usd_bn":100.125,"disposition":"reconstruction_vehicle","profit_share_pct":50}`},
		{"assets", `{"amount_usd_bn":0,"disposition":"remain_frozen"}`},
		{"elections", `{"country":"UA","timing":"після припинення вогню"}`},
		{"other", `{}`},
		{"other", `{"parties":[]}`},
		{"implementation", `{"legally_binding":false}`},
		{"demilitarized_zone", `{"area":"Донбас","width_km":12.5,"excluded_forces":["RU"]}`},
	}
	for _, tt := range tests {
		p := models.Provision{Key: "k", Kind: tt.kind, Title: "A title", Terms: json.RawMessage(tt.terms),
			Sourcing: "reported", Sources: cite("c")}
		mustValidate(t, &p)
		checkProvInfo(t, &p)
	}
}

func TestScanTermsFallsBack(t *testing.T) {
	k, _ := models.KindByName("security_guarantee")
	for _, raw := range []string{
		`{"model":"article5_like","guarantors":["US", "UK"]}`, // spaces: not canonical, still read
		"{\n  \"model\": \"article5_like\"\n}",
		`{"mod\u0065l":"article5_like"}`, // escaped name: encoding/json reads it
	} {
		p := models.Provision{Kind: "security_guarantee", Terms: json.RawMessage(raw)}
		pi := newProvInfo(&p)
		vals := pi.values()
		if got := formatTerm(k.Fields[0], vals[0]); got != "Article 5-like" {
			t.Errorf("%s: model = %q", raw, got)
		}
	}
	if vals := make([]json.RawMessage, len(k.Fields)); scanTerms(k, []byte(`{"model":`), vals) {
		t.Error("truncated terms must not scan")
	}
	if got := formatTerm(models.Field{Type: models.FieldParties}, json.RawMessage(`["US", "UK"]`)); got != "US, UK" {
		t.Errorf("parties with spaces = %q", got)
	}
}

func TestFormatNumberUnitIsFormatNumber(t *testing.T) {
	values := []float64{0, 1, -1, 12.5, 0.001, 0.005, 0.015, 99.999, 100, 999.995, 1000, 600000, 1234567.891, -1500, 1e15, 1e21, 123456789012, -0.004, 33.333333}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		values = append(values, math.Round(rng.NormFloat64()*1e6)/math.Pow(10, float64(rng.IntN(5))))
	}
	for _, v := range values {
		for _, unit := range []string{"", "%", "people"} {
			f := models.Field{Type: models.FieldNumber, Unit: unit}
			raw := json.RawMessage(strconv.FormatFloat(v, 'g', -1, 64))
			if got, want := formatTerm(f, raw), models.FormatValue(f, raw); got != want {
				t.Fatalf("formatTerm(%s, unit %q) = %q, FormatValue says %q", raw, unit, got, want)
			}
		}
	}
}

func TestJoinStrings(t *testing.T) {
	for raw, want := range map[string]string{`[]`: "", `["UA"]`: "UA", `["US","UK","FR"]`: "US, UK, FR"} {
		if got, ok := joinStrings([]byte(raw)); !ok || got != want {
			t.Errorf("joinStrings(%s) = %q, %v", raw, got, ok)
		}
	}
	for _, raw := range []string{`["U\"A"]`, `["UA",]`, `["UA"`, `[1]`, `["UA" ,"RU"]`, `[,]`} {
		if got, ok := joinStrings([]byte(raw)); ok {
			t.Errorf("joinStrings(%s) = %q, want a fall back", raw, got)
		}
	}
}
