package models

import (
	"reflect"
	"testing"
)

func TestDistinctKeysKeepFirstSeenOrder(t *testing.T) {
	cs := []Citation{{Source: "reuters"}, {Source: "ap"}, {Source: "reuters", Locator: "p. 2"}, {Source: "ft"}}
	if got, want := SourceKeys(cs), []string{"reuters", "ap", "ft"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SourceKeys = %q, want %q", got, want)
	}
	p := Provision{Parties: []ProvisionParty{{Party: "UA", Role: "bound"}, {Party: "RU"}, {Party: "UA", Role: "beneficiary"}}}
	if got, want := p.PartyNames(), []string{"UA", "RU"}; !reflect.DeepEqual(got, want) {
		t.Errorf("PartyNames = %q, want %q", got, want)
	}
	if got := SourceKeys(nil); got != nil {
		t.Errorf("SourceKeys(nil) = %q, want nil", got)
	}
}
