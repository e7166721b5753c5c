package models

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestEveryRequiredKindIsDeclared(t *testing.T) {
	for _, name := range []string{"security_guarantee", "term", "demilitarized_zone", "troop_cap",
		"territorial", "alliance_membership", "foreign_forces", "amnesty", "sanctions", "assets",
		"elections", "nuclear_facility", "humanitarian", "ceasefire", "other"} {
		k, ok := KindByName(name)
		if !ok {
			t.Errorf("kind %s is not declared", name)
			continue
		}
		if k.Label == "" || k.Description == "" || !Categories.Has(k.Category) {
			t.Errorf("kind %s lacks a label, description or valid category: %+v", name, k)
		}
	}
}

// The kinds analysts code (PA-X categories, the Peace Accords Matrix's
// provision types), each in the category it is filed under by default.
func TestAnalystKindsAndTheirCategories(t *testing.T) {
	want := map[string]string{
		"sovereignty":        "governance",
		"arms_control":       "security",
		"rights":             "governance",
		"monitoring":         "implementation",
		"ratification":       "implementation",
		"reparations":        "justice",
		"navigation":         "economic",
		"trade":              "economic",
		"international_body": "economic",
		"dialogue":           "implementation",
		"troop_withdrawal":   "security",
		"sequencing":         "implementation",
		"ceasefire":          "security",
	}
	for name, category := range want {
		k, ok := KindByName(name)
		if !ok {
			t.Errorf("kind %s is not declared", name)
			continue
		}
		if k.Category != category {
			t.Errorf("kind %s is filed under %s, want %s", name, k.Category, category)
		}
		if k.Label == "" || k.Description == "" {
			t.Errorf("kind %s lacks a label or description", name)
		}
	}
}

// Every term is typed: no free-text field stands in for a party, and every
// enum option reads as words.
func TestKindTermsAreTyped(t *testing.T) {
	typed := map[string]FieldType{
		"sovereignty.party":                       FieldParty,
		"sovereignty.affirmation":                 FieldEnum,
		"sovereignty.affirmed_by":                 FieldParties,
		"arms_control.parties":                    FieldParties,
		"arms_control.measure":                    FieldEnum,
		"rights.religious":                        FieldBoolean,
		"rights.minority_languages":               FieldBoolean,
		"rights.applies_to":                       FieldParties,
		"monitoring.monitored_by":                 FieldParties,
		"ratification.method":                     FieldEnum,
		"ratification.country":                    FieldParty,
		"ratification.within_days":                FieldInteger,
		"reparations.amount_usd_bn":               FieldNumber,
		"reparations.payer":                       FieldParty,
		"navigation.access":                       FieldEnum,
		"trade.agreement":                         FieldEnum,
		"trade.parties":                           FieldParties,
		"international_body.party":                FieldParty,
		"international_body.outcome":              FieldEnum,
		"dialogue.form":                           FieldEnum,
		"dialogue.members":                        FieldParties,
		"dialogue.mediated_by":                    FieldParty,
		"troop_withdrawal.party":                  FieldParty,
		"troop_withdrawal.within_days":            FieldInteger,
		"sequencing.minimum_days":                 FieldInteger,
		"implementation.sanctions_for_violations": FieldBoolean,
		"humanitarian.includes_bodies":            FieldBoolean,
	}
	for path, want := range typed {
		kind, field, _ := strings.Cut(path, ".")
		k, ok := KindByName(kind)
		if !ok {
			t.Errorf("no kind %s", kind)
			continue
		}
		f, ok := k.Field(field)
		if !ok {
			t.Errorf("kind %s has no term %s", kind, field)
			continue
		}
		if f.Type != want {
			t.Errorf("%s is %s, want %s", path, f.Type, want)
		}
		if f.Type == FieldBoolean && !f.Nullable {
			t.Errorf("%s: a boolean must be able to say \"not stated\"", path)
		}
	}
	for _, name := range []string{"ratification.within_days", "troop_withdrawal.within_days", "sequencing.minimum_days"} {
		kind, field, _ := strings.Cut(name, ".")
		k, _ := KindByName(kind)
		if f, _ := k.Field(field); f.Unit != "days" || !f.Nullable || f.Min == nil || *f.Min != 1 {
			t.Errorf("%s: want an optional number of days from 1, got %+v", name, f)
		}
	}
	for _, k := range Kinds() {
		for _, f := range k.Fields {
			for _, o := range f.Options {
				if strings.Contains(o.Label, "_") {
					t.Errorf("%s.%s: option %s reads %q", k.Name, f.Name, o.Value, o.Label)
				}
			}
		}
	}
	if got := OptionLabel("free_trade_agreement"); got != "free-trade agreement" {
		t.Errorf("OptionLabel(free_trade_agreement) = %q", got)
	}
}

func TestEveryKindHasAHeadlineOrIsOther(t *testing.T) {
	for _, k := range Kinds() {
		has := false
		for _, f := range k.Fields {
			has = has || f.Headline
			if f.Type == FieldEnum && len(f.Options) == 0 {
				t.Errorf("%s.%s is an enum without options", k.Name, f.Name)
			}
		}
		if !has && k.Name != "other" {
			t.Errorf("kind %s has no headline field", k.Name)
		}
	}
}

func TestFieldsDescribeTheirTypes(t *testing.T) {
	k, _ := KindByName("troop_cap")
	limit, ok := k.Field("limit")
	if !ok || limit.Type != FieldInteger || !limit.Required || limit.Min == nil || *limit.Min != 1 || limit.Unit != "people" {
		t.Fatalf("limit described wrongly: %+v", limit)
	}
	peace, _ := k.Field("peacetime_only")
	if peace.Type != FieldBoolean || !peace.Nullable {
		t.Fatalf("peacetime_only described wrongly: %+v", peace)
	}
	g, _ := KindByName("security_guarantee")
	model, _ := g.Field("model")
	if model.Type != FieldEnum || model.Options[0].Value != "article5_like" || model.Options[0].Label != "Article 5-like" {
		t.Fatalf("model described wrongly: %+v", model)
	}
	guarantors, _ := g.Field("guarantors")
	if guarantors.Type != FieldParties {
		t.Fatalf("guarantors described wrongly: %+v", guarantors)
	}
}

func TestDecodeTerms(t *testing.T) {
	tests := []struct {
		name       string
		kind       string
		terms      string
		wantFields []string // fields named in the errors; nil means valid
		wantJSON   string   // canonical form when valid
	}{
		{"valid troop cap", "troop_cap", `{"limit":600000,"party":"UA"}`, nil, `{"party":"UA","limit":600000}`},
		{"negative limit", "troop_cap", `{"party":"UA","limit":-5}`, []string{"terms.limit"}, ""},
		{"limit as words", "troop_cap", `{"party":"UA","limit":"lots"}`, []string{"terms.limit"}, ""},
		{"fractional limit", "troop_cap", `{"party":"UA","limit":1.5}`, []string{"terms.limit"}, ""},
		{"missing required", "troop_cap", `{}`, []string{"terms.party", "terms.limit"}, ""},
		{"null terms", "troop_cap", `null`, []string{"terms.party", "terms.limit"}, ""},
		{"unknown term", "troop_cap", `{"party":"UA","limit":5,"tanks":3}`, []string{"terms.tanks"}, ""},
		{"several bad at once", "troop_cap", `{"party":"ua","limit":"x","peacetime_only":"yes"}`, []string{"terms.limit", "terms.peacetime_only"}, ""},
		{"bad party format", "troop_cap", `{"party":"ukraine","limit":5}`, []string{"terms.party"}, ""},
		{"not an object", "troop_cap", `[1,2]`, []string{"terms"}, ""},
		{"enum outside options", "security_guarantee", `{"model":"handshake"}`, []string{"terms.model"}, ""},
		{"guarantee whose model is not stated", "security_guarantee", `{"guarantors":["US"],"compensated":true}`, nil, `{"guarantors":["US"],"compensated":true}`},
		{"term extendable, how not stated", "term", `{"applies_to":"security-guarantee","duration_years":15,"extension":"possible"}`, nil,
			`{"applies_to":"security-guarantee","duration_years":15,"extension":"possible"}`},
		{"duplicate guarantors", "security_guarantee", `{"model":"article5_like","guarantors":["FR","FR"]}`, []string{"terms.guarantors"}, ""},
		{"bad guarantor", "security_guarantee", `{"model":"article5_like","guarantors":["FR","pl"]}`, []string{"terms.guarantors[1]"}, ""},
		{"guarantee", "security_guarantee", `{"renewable":true,"duration_years":10,"guarantors":["FR","UK"],"model":"article5_like"}`, nil,
			`{"model":"article5_like","guarantors":["FR","UK"],"duration_years":10,"renewable":true}`},
		{"null boolean is unstated", "troop_cap", `{"party":"UA","limit":800000,"peacetime_only":null}`, nil, `{"party":"UA","limit":800000}`},
		{"cyrillic text", "territorial", `{"region":"Запорізька область","disposition":"negotiable"}`, nil,
			`{"region":"Запорізька область","disposition":"negotiable"}`},
		{"other takes nothing", "other", `{}`, nil, `{}`},
		{"percent above 100", "assets", `{"disposition":"returned","profit_share_pct":150}`, []string{"terms.profit_share_pct"}, ""},
		{"sovereignty, whose unstated", "sovereignty", `{"affirmation":"reaffirmed"}`, nil, `{"affirmation":"reaffirmed"}`},
		{"sovereignty needs an affirmation", "sovereignty", `{"party":"UA"}`, []string{"terms.affirmation"}, ""},
		{"arms control", "arms_control", `{"treaties":"START","measure":"treaty_extension"}`, nil, `{"measure":"treaty_extension","treaties":"START"}`},
		{"non-nuclear status", "arms_control", `{"measure":"non_nuclear_status","parties":["UA"]}`, nil, `{"measure":"non_nuclear_status","parties":["UA"]}`},
		{"rights: unstated is not false", "rights", `{"religious":true,"minority_languages":null,"standard":"EU rules"}`, nil, `{"standard":"EU rules","religious":true}`},
		{"rights: a boolean as words", "rights", `{"media":"free"}`, []string{"terms.media"}, ""},
		{"referendum with a condition", "ratification", `{"method":"referendum","country":"UA","condition":"only if chosen"}`, nil, `{"method":"referendum","country":"UA","condition":"only if chosen"}`},
		{"ratification by a vote nobody has", "ratification", `{"method":"acclamation"}`, []string{"terms.method"}, ""},
		{"ratification applies to a key", "ratification", `{"method":"legislation","applies_to":"Non Aggression"}`, []string{"terms.applies_to"}, ""},
		{"reparations, negative amount", "reparations", `{"form":"compensation","amount_usd_bn":-1}`, []string{"terms.amount_usd_bn"}, ""},
		{"navigation", "navigation", `{"waterway":"Dnipro River","cargo":"grain"}`, nil, `{"waterway":"Dnipro River","cargo":"grain"}`},
		{"free-trade agreement", "trade", `{"agreement":"free_trade_agreement","parties":["US","UA"]}`, nil, `{"agreement":"free_trade_agreement","parties":["US","UA"]}`},
		{"trade partner twice", "trade", `{"agreement":"free_trade_agreement","parties":["US","US"]}`, []string{"terms.parties"}, ""},
		{"G8 return", "international_body", `{"party":"RU","body":"G8","outcome":"return"}`, nil, `{"party":"RU","body":"G8","outcome":"return"}`},
		{"dialogue mediated", "dialogue", `{"body":"Russia–NATO dialogue","form":"dialogue","members":["RU","NATO"],"mediated_by":"US"}`, nil,
			`{"body":"Russia–NATO dialogue","form":"dialogue","members":["RU","NATO"],"mediated_by":"US"}`},
		{"dialogue mediator not a party", "dialogue", `{"body":"x","form":"dialogue","mediated_by":"the US"}`, []string{"terms.mediated_by"}, ""},
		{"troop withdrawal", "troop_withdrawal", `{"party":"RU","from":"Sumy region"}`, nil, `{"party":"RU","from":"Sumy region"}`},
		{"troop withdrawal in zero days", "troop_withdrawal", `{"party":"RU","from":"x","within_days":0}`, []string{"terms.within_days"}, ""},
		{"sequencing", "sequencing", `{"then":"a referendum","first":"a ceasefire","minimum_days":60}`, nil, `{"first":"a ceasefire","then":"a referendum","minimum_days":60}`},
		{"sequencing needs both steps", "sequencing", `{"first":"a ceasefire"}`, []string{"terms.then"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, ok := KindByName(tt.kind)
			if !ok {
				t.Fatalf("no kind %s", tt.kind)
			}
			_, canonical, err := k.DecodeTerms(json.RawMessage(tt.terms))
			if tt.wantFields == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if string(canonical) != tt.wantJSON {
					t.Fatalf("canonical = %s, want %s", canonical, tt.wantJSON)
				}
				return
			}
			wantFieldErrors(t, err, tt.wantFields...)
		})
	}
}

func TestVocabularyMatchesValidateTags(t *testing.T) {
	cases := []struct {
		typ   any
		field string
		vocab Vocabulary
	}{
		{Party{}, "Type", PartyTypes},
		{Draft{}, "Status", DraftStatuses},
		{Draft{}, "Coverage", Coverages},
		{Draft{}, "Stage", Stages},
		{Provision{}, "Status", ProvisionStatuses},
		{Provision{}, "Sourcing", Sourcings},
		{Provision{}, "Category", Categories},
		{ProvisionParty{}, "Role", Roles},
		{ProvisionParty{}, "Stance", Stances},
		{Draft{}, "Standing", Standings},
		{DraftStance{}, "Stance", DraftStances},
		{Event{}, "Kind", EventKinds},
		{Provision{}, "OriginalLanguage", TextLanguages},
		{Translation{}, "Language", TextLanguages},
	}
	for _, c := range cases {
		sf, _ := reflect.TypeOf(c.typ).FieldByName(c.field)
		tag := sf.Tag.Get("validate")
		_, oneof, _ := strings.Cut(tag, "oneof=")
		if got, want := strings.Fields(oneof), c.vocab.Values(); !reflect.DeepEqual(got, want) {
			t.Errorf("%T.%s: validate tag lists %v, vocabulary %v", c.typ, c.field, got, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
