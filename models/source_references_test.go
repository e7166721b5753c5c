package models

import (
	"reflect"
	"testing"
)

// Every record names each source it cites with the path of the citation,
// so that the store can say which one names a source that does not exist.
func TestSourceReferencesNameTheirFields(t *testing.T) {
	reuters, ap := Citation{Source: "reuters"}, Citation{Source: "ap"}
	p := Provision{Sources: []Citation{reuters, ap}, Parties: []ProvisionParty{
		{Party: "UA"}, {Party: "RU", StanceSources: []Citation{ap}}}}
	for _, tc := range []struct {
		name string
		got  []SourceReference
		want []SourceReference
	}{
		{"provision", p.SourceReferences(), []SourceReference{
			{"sources[0].source", "reuters"}, {"sources[1].source", "ap"}, {"parties[1].stance_sources[0].source", "ap"}}},
		{"draft", Draft{Sources: []Citation{ap}}.SourceReferences(), []SourceReference{{"sources[0].source", "ap"}}},
		{"event", Event{Sources: []Citation{reuters, ap}}.SourceReferences(), []SourceReference{
			{"sources[0].source", "reuters"}, {"sources[1].source", "ap"}}},
		{"position without sources", Position{}.SourceReferences(), []SourceReference{}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
