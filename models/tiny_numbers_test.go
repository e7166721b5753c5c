package models

import (
	"encoding/json"
	"testing"
)

// A tiny number (5e-324) showed as "USD 0 bn", and a comparison from it as
// "++Inf%", in the compare pages and every export. Terms refuse it now;
// what is stored already shows as "<0.01", and a huge percentage is
// bounded.
func TestTinyNumbers(t *testing.T) {
	amount, _ := KindByName("assets")
	amountField, _ := amount.Field("amount_usd_bn")
	share, _ := amount.Field("profit_share_pct")
	formats := []struct {
		f    Field
		raw  string
		want string
	}{
		{amountField, `5e-324`, "USD <0.01 bn"},
		{amountField, `0.004`, "USD <0.01 bn"},
		{amountField, `0`, "USD 0 bn"},
		{amountField, `0.01`, "USD 0.01 bn"},
		{amountField, `1234.5`, "USD 1,234.5 bn"},
		{share, `0.001`, "<0.01%"},
	}
	for _, tt := range formats {
		if got := FormatValue(tt.f, json.RawMessage(tt.raw)); got != tt.want {
			t.Errorf("FormatValue(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	decodes := []struct {
		terms   string
		wantErr bool
	}{
		{`{"disposition":"remain_frozen","amount_usd_bn":5e-324}`, true},
		{`{"disposition":"remain_frozen","amount_usd_bn":0.009}`, true},
		{`{"disposition":"remain_frozen","amount_usd_bn":0}`, false},
		{`{"disposition":"remain_frozen","amount_usd_bn":0.01}`, false},
		{`{"disposition":"remain_frozen","amount_usd_bn":100}`, false},
	}
	for _, tt := range decodes {
		_, _, err := amount.DecodeTerms(json.RawMessage(tt.terms))
		if (err != nil) != tt.wantErr {
			t.Errorf("DecodeTerms(%s): %v, want an error: %v", tt.terms, err, tt.wantErr)
		}
		if verr, ok := err.(*ValidationError); ok && (len(verr.Errors) != 1 || verr.Errors[0].Field != "terms.amount_usd_bn") {
			t.Errorf("DecodeTerms(%s): %v, want terms.amount_usd_bn named", tt.terms, err)
		}
	}
}
