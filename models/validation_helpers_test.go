package models

import "testing"

// errorFields returns the fields a validation error names, in order. It
// fails the test when err is not a *ValidationError, and reports any of its
// field errors that has no message: every refusal says why.
func errorFields(t *testing.T, err error) []string {
	t.Helper()
	verr, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("want a ValidationError, got %v", err)
	}
	fields := make([]string, len(verr.Errors))
	for i, fe := range verr.Errors {
		fields[i] = fe.Field
		if fe.Message == "" {
			t.Errorf("field %s has no message", fe.Field)
		}
	}
	return fields
}
