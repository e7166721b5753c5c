package models

import (
	"fmt"
	"strings"
)

// FieldError says what is wrong with one field of the input. Field is the
// JSON path a client sent (`terms.limit`, `parties[1].role`).
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every field that failed, so a client can fix them all
// in one go. The API renders it as an RFC 9457 problem with an `errors` list.
type ValidationError struct {
	Errors []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		parts[i] = fe.Field + ": " + fe.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Add appends one field error.
func (e *ValidationError) Add(field, format string, args ...any) {
	e.Errors = append(e.Errors, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Merge appends every error of other, each field prefixed with prefix.
func (e *ValidationError) Merge(prefix string, other *ValidationError) {
	if other == nil {
		return
	}
	for _, fe := range other.Errors {
		field := fe.Field
		if prefix != "" {
			field = prefix + "." + field
		}
		e.Errors = append(e.Errors, FieldError{Field: field, Message: fe.Message})
	}
}

// MergeNew appends the errors of other on fields e does not name yet: a
// field reported for its type is not reported again for its value.
func (e *ValidationError) MergeNew(other *ValidationError) {
	if other == nil {
		return
	}
	named := map[string]bool{}
	for _, fe := range e.Errors {
		named[fe.Field] = true
	}
	for _, fe := range other.Errors {
		if !named[fe.Field] {
			e.Errors = append(e.Errors, fe)
		}
	}
}

// Err returns e as an error when it holds anything, else nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Errors) == 0 {
		return nil
	}
	return e
}

// Invalid is a shorthand for a ValidationError of one field.
func Invalid(field, format string, args ...any) error {
	e := &ValidationError{}
	e.Add(field, format, args...)
	return e
}
