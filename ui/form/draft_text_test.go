package form

import (
	"net/url"
	"strings"
	"testing"

	"plantracker/models"
)

func TestParseDraftText(t *testing.T) {
	v := url.Values{
		"source_text": {"1. A point."}, "base_draft": {"7"}, "label": {" From text "}, "coverage": {"partial"},
		"sourcing": {"reported"}, "source": {"reuters"},
		"p.0.accept": {"on"}, "p.0.parsed_kind": {"troop_cap"}, "p.0.category": {"security"}, "p.0.kind": {"troop_cap"},
		"p.0.key": {"troop-cap"}, "p.0.point": {"6"}, "p.0.title": {"Cap"}, "p.0.text": {"Capped."},
		"p.0.terms.party": {"UA"}, "p.0.terms.limit": {"600000"},
		"p.1.parsed_kind": {"other"}, "p.1.kind": {"other"}, "p.1.key": {"dropped"},
		"p.2.accept": {"on"}, "p.2.parsed_kind": {"other"}, "p.2.category": {"governance"}, "p.2.kind": {"elections"},
		"p.2.key": {"elections"}, "p.2.terms.country": {"UA"},
	}
	f := ParseDraftText(v)
	if f.BaseDraft != 7 || f.Label != "From text" || len(f.Rows) != 3 || f.Rows[1].Accept {
		t.Fatalf("%+v", f)
	}
	ps, rows := f.Provisions()
	if len(ps) != 2 || rows[0] != 0 || rows[1] != 2 {
		t.Fatalf("provisions %+v from rows %v", ps, rows)
	}
	if string(ps[0].Terms) != `{"limit":600000,"party":"UA"}` || ps[0].Category != "security" || ps[0].Sources[0].Locator != "point 6" {
		t.Errorf("first: %+v", ps[0])
	}
	// A kind changed in review takes the new kind's category.
	if ps[1].Category != "" || ps[1].Kind != "elections" || ps[1].Sources[0].Locator != "" {
		t.Errorf("second: %+v", ps[1])
	}
	if d := f.Draft(1); d.Label != "From text" || len(d.Sources) != 1 || d.Sources[0].Source != "reuters" {
		t.Errorf("draft %+v", d)
	}
}

func TestReviewErrors(t *testing.T) {
	verr := &models.ValidationError{}
	verr.Add("label", "is required")
	verr.Add("provisions[1].terms.limit", "must be at least 1")
	verr.Add("provisions[0].sources", "must have at least 1")
	verr.Add("provisions[1].sources", "must have at least 1")
	verr.Add("provisions[1].sourcing", "is required")
	verr.Add("provisions[9].key", "out of range")
	e := ReviewErrors(verr, []int{2, 5})
	var got []string
	for _, fe := range e.All() {
		got = append(got, fe.Input+"="+fe.Message)
	}
	want := "label=is required|p.5.terms.limit=must be at least 1|source=must have at least 1|sourcing=is required|form=out of range"
	if strings.Join(got, "|") != want {
		t.Errorf("%s\nwant %s", strings.Join(got, "|"), want)
	}
	if r := e.Row(5); r.For("terms.limit") != "must be at least 1" {
		t.Errorf("row 5: %+v", r)
	}
}
