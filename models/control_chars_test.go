package models

import (
	"encoding/json"
	"testing"
)

func TestTextProblem(t *testing.T) {
	tests := []struct {
		in     string
		wantOK bool
	}{
		{"Troop cap", true},
		{"Запорізька АЕС → IAEA", true},
		{"line one\nline two\r\n\tindented", true},
		{"P\x00", false},
		{"bell\x07", false},
		{"escape\x1b[31m", false},
		{"\x7f is DEL, not C0", true},
		{"bad \xff byte", false},
		{"cut \xe2\x82", false},
		{"surrogate \xed\xa0\x80", false},
	}
	for _, tt := range tests {
		if got := TextProblem(tt.in) == ""; got != tt.wantOK {
			t.Errorf("TextProblem(%q) ok = %v, want %v (%s)", tt.in, got, tt.wantOK, TextProblem(tt.in))
		}
	}
}

// Every entity refuses a NUL byte, another C0 control character or invalid
// UTF-8 in any of its text, naming the field, on every store alike
// (PostgreSQL would fail with a 500, SQLite would keep it).
func TestValidationRefusesControlCharacters(t *testing.T) {
	terms := func(s string) json.RawMessage { return json.RawMessage(s) }
	tests := []struct {
		name      string
		validate  func() error
		wantField string
	}{
		{"party name", func() error { p := Party{Name: "Ukr\x00aine", ShortName: "UA", Type: "state"}; return p.Validate() }, "name"},
		{"party short name", func() error { p := Party{Name: "Ukraine", ShortName: "U\x00A", Type: "state"}; return p.Validate() }, "short_name"},
		{"plan title", func() error { p := Plan{Title: "P\x00"}; return p.Validate() }, "title"},
		{"plan description, BEL", func() error { p := Plan{Title: "P", Description: "ding\x07"}; return p.Validate() }, "description"},
		{"draft source, ESC", func() error {
			d := Draft{Label: "v1", Status: "working", Coverage: "partial",
				Sources: []Citation{{Source: "ok", Sourcing: "reported"}, {Source: "esc", Sourcing: "reported", Locator: "\x1b[2J"}}}
			return d.Validate()
		}, "sources[1].locator"},
		{"source quote, NUL", func() error {
			s := Source{Key: "k", Publisher: "P", Title: "T", Quote: "a\x00b"}
			return s.Validate()
		}, "quote"},
		{"provision title", func() error { return provisionWith(func(p *Provision) { p.Title = "Cap\x00" }) }, "title"},
		{"provision text, invalid UTF-8", func() error { return provisionWith(func(p *Provision) { p.Text = "\xff\xfe" }) }, "text"},
		{"provision term", func() error {
			return provisionWith(func(p *Provision) {
				p.Kind, p.Category = "territorial", "territory"
				p.Terms = terms(`{"region":"Don\u0000bas","disposition":"negotiable"}`)
			})
		}, "terms.region"},
		{"provision party link", func() error {
			return provisionWith(func(p *Provision) { p.Parties = []ProvisionParty{{Party: "UA", Role: "obligor\x00"}} })
		}, "parties[0].role"},
		{"user", func() error { u := User{Username: "admin\x00", Role: "admin"}; return u.Validate() }, "username"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.validate()
			if !contains(errorFields(t, err), tt.wantField) {
				t.Fatalf("errors %v do not name %s", err, tt.wantField)
			}
		})
	}
}

// provisionWith validates an edited troop cap. Its sourcing is left out:
// the tests look only for the field they broke among the errors.
func provisionWith(edit func(p *Provision)) error {
	p := Provision{Key: "troop-cap", Kind: "troop_cap", Title: "Cap", Terms: json.RawMessage(`{"party":"UA","limit":1}`)}
	edit(&p)
	return p.Validate()
}
