package models

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

var wordingParties = []Party{
	{ShortName: "UA", Name: "Ukraine"}, {ShortName: "RU", Name: "Russia"}, {ShortName: "US", Name: "United States"},
	{ShortName: "PL", Name: "Poland"}, {ShortName: "FI", Name: "Finland"}, {ShortName: "FR", Name: "France"},
	{ShortName: "NATO", Name: "North Atlantic Treaty Organization"},
	{ShortName: "PEACE-COUNCIL", Name: "Peace Council (chaired by the US president)"},
}

func prov(kind, text, terms string) Provision {
	return Provision{Kind: kind, Text: text, Terms: json.RawMessage(terms)}
}

func TestWordingMismatches(t *testing.T) {
	const capText = "The Armed Forces of Ukraine are capped at 600,000."
	tests := []struct {
		name string
		p    Provision
		prev *Provision
		want []string // Mismatch.String()
	}{
		{"the limit changed, the wording did not", prov("troop_cap", capText, `{"party":"UA","limit":650000}`), nil,
			[]string{"wording still says 600,000 (Limit: 650,000 people)"}},
		{"the same, against the stored version", prov("troop_cap", capText, `{"party":"UA","limit":650000}`),
			ptr(prov("troop_cap", capText, `{"party":"UA","limit":600000}`)),
			[]string{"wording still says 600,000 (Limit: 650,000 people)"}},
		{"agreeing terms", prov("troop_cap", capText, `{"party":"UA","limit":600000}`), nil, nil},
		{"spaced thousands agree", prov("troop_cap", "capped at 600 000", `{"party":"UA","limit":600000}`), nil, nil},
		{"spaced thousands disagree", prov("troop_cap", "capped at 600 000", `{"party":"UA","limit":800000}`), nil,
			[]string{"wording still says 600,000 (Limit: 800,000 people)"}},
		{"the wording names old and new", prov("troop_cap", "capped at 800,000; the 600,000 cap is dropped.", `{"party":"UA","limit":800000}`),
			ptr(prov("troop_cap", capText, `{"party":"UA","limit":600000}`)), nil},
		{"wording updated with the terms", prov("troop_cap", "capped at 650,000", `{"party":"UA","limit":650000}`),
			ptr(prov("troop_cap", capText, `{"party":"UA","limit":600000}`)), nil},
		{"no numbers in the wording", prov("troop_cap", "Ukraine's army is capped.", `{"party":"UA","limit":650000}`), nil, nil},
		{"the point number is not a count", prov("troop_cap", "Point 6 caps Ukraine's army (see the 28-point plan).", `{"party":"UA","limit":650000}`), nil, nil},
		{"a year is not a count", prov("troop_cap", "Capped by 2026.", `{"party":"UA","limit":650000}`), nil, nil},
		{"Cyrillic wording", prov("troop_cap", "Чисельність ЗСУ обмежується 600 000 осіб.", `{"party":"UA","limit":800000}`), nil,
			[]string{"wording still says 600,000 (Limit: 800,000 people)"}},
		// The wording reads numbers as the parser does (models/numbers):
		// parsing this point gives a limit of 600000, and the wording
		// agrees with it.
		{"a Ukrainian scale word agrees", prov("troop_cap", "1. Чисельність ЗСУ обмежується 600 тисячами військовослужбовців.", `{"party":"UA","limit":600000}`), nil, nil},
		{"a Ukrainian scale word, bare, agrees", prov("troop_cap", "Чисельність обмежується 600 тисячами.", `{"party":"UA","limit":600000}`), nil, nil},
		{"a Ukrainian scale word disagrees", prov("troop_cap", "Чисельність обмежується 600 тисячами.", `{"party":"UA","limit":800000}`), nil,
			[]string{"wording still says 600,000 (Limit: 800,000 people)"}},
		{"duration in years", prov("security_guarantee", "Term 10 years, renewable.", `{"model":"article5_like","duration_years":15}`), nil,
			[]string{"wording still says 10 years (Duration: 15 years)"}},
		{"duration written out", prov("security_guarantee", "For a term of fifteen years.", `{"model":"article5_like","duration_years":15}`), nil, nil},
		{"a range that holds the value", prov("security_guarantee", "Runs for 15 years (Kyiv asked for 30–50 years).", `{"model":"article5_like","duration_years":15}`), nil, nil},
		{"a bare number is not a duration", prov("security_guarantee", "Guarantors: 5 states.", `{"model":"article5_like","duration_years":15}`), nil, nil},
		{"a duration dropped from the terms", prov("elections", "Ukraine holds elections within 100 days.", `{"country":"UA","timing":"soon"}`),
			ptr(prov("elections", "Ukraine holds elections within 100 days.", `{"country":"UA","within_days":100}`)),
			[]string{"wording still says 100 days (Within: not stated)"}},
		{"money, two terms of one unit", prov("assets", "USD 100 bn go to a vehicle; Europe adds USD 50 bn; 50% of profits to the US.",
			`{"amount_usd_bn":100,"matching_usd_bn":50,"profit_share_pct":50,"disposition":"reconstruction_vehicle"}`), nil, nil},
		{"money, one changed", prov("assets", "USD 100 bn go to a vehicle; Europe adds USD 100 bn.",
			`{"amount_usd_bn":120,"matching_usd_bn":100,"disposition":"reconstruction_vehicle"}`), nil,
			[]string{"wording still says USD 100 bn (Amount: USD 120 bn)"}},
		{"USD with a Ukrainian scale word is billions", prov("reconstruction", "Фонд: USD 100 млрд.", `{"amount_usd_bn":100}`), nil, nil},
		{"USD with a Ukrainian scale word, changed", prov("reconstruction", "Фонд: USD 100 млрд.", `{"amount_usd_bn":120}`), nil,
			[]string{"wording still says USD 100 bn (Target amount: USD 120 bn)"}},
		{"money in billions of dollars", prov("reconstruction", "Funds targeting $800 billion.", `{"amount_usd_bn":800}`), nil, nil},
		{"euros are not dollars", prov("reconstruction", "Funds targeting €800 bn.", `{"amount_usd_bn":900}`), nil, nil},
		{"percent changed", prov("assets", "50% of the profits to the US.", `{"profit_share_pct":40,"disposition":"joint_vehicle"}`),
			ptr(prov("assets", "50% of the profits to the US.", `{"profit_share_pct":50,"disposition":"joint_vehicle"}`)),
			[]string{"wording still says 50% (Share of profits: 40%)"}},
		{"a guarantor dropped and still named", prov("security_guarantee", "France, Poland and Finland act with the US.",
			`{"model":"article5_like","guarantors":["US","FR","FI"]}`),
			ptr(prov("security_guarantee", "France, Poland and Finland act with the US.", `{"model":"article5_like","guarantors":["US","FR","PL","FI"]}`)),
			[]string{"wording still names Poland (Guarantors: US, FR, FI)"}},
		{"a guarantor dropped and named by short name", prov("security_guarantee", "Guarantors: US, PL.",
			`{"model":"article5_like","guarantors":["US"]}`),
			ptr(prov("security_guarantee", "Guarantors: US, PL.", `{"model":"article5_like","guarantors":["US","PL"]}`)),
			[]string{"wording still names Poland (Guarantors: US)"}},
		{"a guarantor added: not a flag", prov("security_guarantee", "The US guarantees.", `{"model":"article5_like","guarantors":["US","NATO"]}`),
			ptr(prov("security_guarantee", "The US guarantees.", `{"model":"article5_like","guarantors":["US"]}`)), nil},
		{"a short name matches case and all", prov("security_guarantee", "Let us decide.", `{"model":"article5_like","response_decided_by":"NATO"}`),
			ptr(prov("security_guarantee", "Let us decide.", `{"model":"article5_like","response_decided_by":"US"}`)), nil},
		{"a party replaced, the old one named", prov("sanctions", "Sanctions on Russia are lifted.", `{"target":"UA","action":"lifted"}`),
			ptr(prov("sanctions", "Sanctions on Russia are lifted.", `{"target":"RU","action":"lifted"}`)),
			[]string{"wording still names Russia (Target: UA)"}},
		{"a party replaced, both named", prov("sanctions", "Sanctions on Russia and Ukraine.", `{"target":"UA","action":"lifted"}`),
			ptr(prov("sanctions", "Sanctions on Russia and Ukraine.", `{"target":"RU","action":"lifted"}`)), nil},
		{"an adjective is not a name", prov("sanctions", "Russian sanctions are lifted.", `{"target":"UA","action":"lifted"}`),
			ptr(prov("sanctions", "Russian sanctions are lifted.", `{"target":"RU","action":"lifted"}`)), nil},
		{"a name without its parenthesis", prov("implementation", "Overseen by a Peace Council.", `{"overseen_by":"US"}`),
			ptr(prov("implementation", "Overseen by a Peace Council.", `{"overseen_by":"PEACE-COUNCIL"}`)),
			[]string{"wording still names Peace Council (chaired by the US president) (Overseen by: US)"}},
		{"parties need history", prov("sanctions", "Sanctions on Russia are lifted.", `{"target":"UA","action":"lifted"}`), nil, nil},
		{"another kind before: no history", prov("troop_cap", capText, `{"party":"UA","limit":600000}`),
			ptr(prov("other", capText, `{}`)), nil},
		{"no wording", prov("troop_cap", "", `{"party":"UA","limit":650000}`), nil, nil},
		{"unknown kind", prov("teleport", capText, `{}`), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range WordingMismatches(tt.p, tt.prev, wordingParties) {
				got = append(got, m.String())
				if !strings.HasPrefix(m.String(), m.Message) || m.Field == "" || m.Wording == "" {
					t.Errorf("incomplete mismatch %+v", m)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestNewWordingMismatchesAsksOnce(t *testing.T) {
	const text = "capped at 600,000"
	stored := prov("troop_cap", text, `{"party":"UA","limit":600000}`)
	edited := prov("troop_cap", text, `{"party":"UA","limit":650000}`)
	if got := NewWordingMismatches(stored, edited, nil); len(got) != 1 || got[0].Message != "wording still says 600,000" {
		t.Fatalf("first edit: %+v", got)
	}
	// Saved anyway; editing again (the title, or the limit once more)
	// brings nothing new to ask about.
	again := edited
	again.Title = "Cap"
	if got := NewWordingMismatches(edited, again, nil); len(got) != 0 {
		t.Errorf("an unrelated edit asks again: %+v", got)
	}
	more := prov("troop_cap", text, `{"party":"UA","limit":700000}`)
	if got := NewWordingMismatches(edited, more, nil); len(got) != 0 {
		t.Errorf("a second change of a flagged limit asks again: %+v", got)
	}
}

func ptr[T any](v T) *T { return &v }
