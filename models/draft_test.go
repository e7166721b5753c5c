package models

import (
	"errors"
	"testing"
)

func TestDraftCoverage(t *testing.T) {
	cases := []struct {
		name     string
		in       DraftInput
		coverage string
		partial  bool
		badField string
	}{
		{"unsaid is partial", DraftInput{Label: "Reported draft"}, "partial", true, ""},
		{"complete", DraftInput{Label: "Full text", Coverage: "complete"}, "complete", false, ""},
		{"partial", DraftInput{Label: "Leak", Coverage: "partial"}, "partial", true, ""},
		{"unknown coverage", DraftInput{Label: "Leak", Coverage: "most"}, "most", true, "coverage"},
		{"unknown stage", DraftInput{Label: "Leak", Stage: "final"}, "partial", true, "stage"},
		{"PA-X stage", DraftInput{Label: "Leak", Stage: "framework_partial"}, "partial", true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.in.Draft(1)
			if d.Coverage != c.coverage || d.Partial() != c.partial {
				t.Errorf("coverage %q partial %v, want %q %v", d.Coverage, d.Partial(), c.coverage, c.partial)
			}
			err := d.Validate()
			var verr *ValidationError
			switch {
			case c.badField == "" && err != nil:
				t.Errorf("Validate: %v", err)
			case c.badField != "" && (!errors.As(err, &verr) || len(verr.Errors) != 1 || verr.Errors[0].Field != c.badField):
				t.Errorf("Validate: %v, want one error on %s", err, c.badField)
			}
		})
	}
}

func TestDraftPatchCoverage(t *testing.T) {
	d := DraftInput{Label: "Leak"}.Draft(1)
	complete := "complete"
	DraftPatch{Coverage: &complete}.Apply(&d)
	if d.Partial() {
		t.Fatalf("coverage %q after the patch, want complete", d.Coverage)
	}
}
