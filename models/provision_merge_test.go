package models

import (
	"encoding/json"
	"testing"
)

func TestMergePatch(t *testing.T) {
	tests := []struct {
		target, patch, want string
	}{
		// RFC 7396, appendix A, a selection.
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":"b","b":"c"}`, `{"a":null}`, `{"b":"c"}`},
		{`{"a":["b"]}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"c"}`, `{"a":["b"]}`, `{"a":["b"]}`},
		{`{"a":{"b":"c"}}`, `{"a":{"b":"d","c":null}}`, `{"a":{"b":"d"}}`},
		{`{"a":[{"b":"c"}]}`, `{"a":[1]}`, `{"a":[1]}`},
		{`["a","b"]`, `["c","d"]`, `["c","d"]`},
		{`{"a":"b"}`, `["c"]`, `["c"]`},
		{`{"e":null}`, `{"a":1}`, `{"a":1,"e":null}`},
		{`[1,2]`, `{"a":"b","c":null}`, `{"a":"b"}`},
		{`{}`, `{"a":{"bb":{"ccc":null}}}`, `{"a":{"bb":{}}}`},
	}
	for _, tt := range tests {
		got, err := MergePatch(json.RawMessage(tt.target), json.RawMessage(tt.patch))
		if err != nil || string(got) != tt.want {
			t.Errorf("MergePatch(%s, %s) = %s, %v; want %s", tt.target, tt.patch, got, err, tt.want)
		}
	}
}

// A merge patch of a provision merges into nested terms: the README's own
// example, which as a plain PATCH replaced the terms and dropped force.
func TestProvisionMergePatch(t *testing.T) {
	p := Provision{Key: "troop-cap", Kind: "troop_cap", Title: "Cap", Point: "6",
		Terms: json.RawMessage(`{"party":"UA","force":"Armed Forces of Ukraine","limit":600000}`)}
	tests := []struct {
		name      string
		patch     string
		wantTerms string
		wantPoint string
		wantField string // a refusal naming this field
	}{
		{"a term", `{"terms":{"limit":800000,"peacetime_only":true}}`,
			`{"party":"UA","force":"Armed Forces of Ukraine","limit":800000,"peacetime_only":true}`, "6", ""},
		{"a term removed", `{"terms":{"force":null}}`, `{"party":"UA","limit":600000}`, "6", ""},
		{"a field cleared", `{"point":null}`, `{"party":"UA","force":"Armed Forces of Ukraine","limit":600000}`, "", ""},
		{"not a field", `{"id":7}`, "", "", "id"},
		{"not an object", `[1]`, "", "", "body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			patch, err := p.MergePatch(json.RawMessage(tt.patch))
			if tt.wantField != "" {
				verr, ok := err.(*ValidationError)
				if !ok || verr.Errors[0].Field != tt.wantField {
					t.Fatalf("%v, want a refusal naming %s", err, tt.wantField)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := p
			patch.Apply(&got)
			if err := got.Validate(); err != nil {
				verr := err.(*ValidationError)
				for _, fe := range verr.Errors {
					if fe.Field == "terms" || len(fe.Field) > 6 && fe.Field[:6] == "terms." {
						t.Fatalf("the merged terms do not validate: %v", err)
					}
				}
			}
			if string(got.Terms) != tt.wantTerms || got.Point != tt.wantPoint || got.Title != "Cap" {
				t.Fatalf("terms %s, point %q, title %q; want %s, %q", got.Terms, got.Point, got.Title, tt.wantTerms, tt.wantPoint)
			}
		})
	}
}
