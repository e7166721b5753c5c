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

// wantFieldErrors checks that err is a validation error naming at least
// each of fields (it may name more: a test breaks one thing, and checks
// that thing is reported).
func wantFieldErrors(t *testing.T, err error, fields ...string) {
	t.Helper()
	got := errorFields(t, err)
	for _, f := range fields {
		if !contains(got, f) {
			t.Errorf("errors %v do not name %s", got, f)
		}
	}
}

// brokenCase is a valid value broken one way, and the fields its
// validation error must name.
type brokenCase[T any] struct {
	name   string
	mutate func(*T)
	fields []string
}

// checkBrokenCases breaks a fresh valid value by each case and checks that
// validate names each of the case's fields: the tests that every field of
// an entity is reported, written once for each entity's table.
func checkBrokenCases[T any](t *testing.T, valid func() T, validate func(*T) error, cases []brokenCase[T]) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			v := valid()
			tt.mutate(&v)
			wantFieldErrors(t, validate(&v), tt.fields...)
		})
	}
}
