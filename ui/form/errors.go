package form

import (
	"strings"

	"plantracker/models"
)

// Errors are the field errors of a failed save, by input name, in the
// order the store gave them.
type Errors struct {
	list []FieldError
}

// FieldError is one error on one input.
type FieldError struct {
	Input   string // the input's name: "terms.limit", "parties.0.role"; "" for the form as a whole
	Message string
}

// ErrorsFrom maps the store's field paths onto input names:
//
//	terms.limit          → terms.limit
//	terms.guarantors[1]  → terms.guarantors  (the list's one input)
//	parties[0].role      → parties.0.role
//	parties[0]           → parties.0.party   (a row listed twice)
//	parties[1].stance_sources[0].source → parties.1.stance_source (the row's one source input)
//	sources[2].sourcing  → sources.2.sourcing
//	sources[2]           → sources.2.source
//	translations[0].title → translation.title (the form's one translation)
//	translations[0].sources[0].source → translation.source
//	name, key, …         → themselves
func ErrorsFrom(verr *models.ValidationError) Errors {
	return errorsNamed(verr, inputName)
}

// errorsNamed are the field errors with each path mapped onto its input
// by name.
func errorsNamed(verr *models.ValidationError, name func(path string) string) Errors {
	var e Errors
	if verr == nil {
		return e
	}
	for _, fe := range verr.Errors {
		e.list = append(e.list, FieldError{Input: name(fe.Field), Message: fe.Message})
	}
	return e
}

// Add records an error on an input, for errors the store reports as a
// sentinel rather than a field (a duplicate key).
func (e *Errors) Add(input, message string) {
	e.list = append(e.list, FieldError{Input: input, Message: message})
}

func inputName(path string) string {
	if rest, ok := strings.CutPrefix(path, "translations["); ok {
		_, tail, _ := strings.Cut(rest, "]")
		switch tail = strings.TrimPrefix(tail, "."); {
		case tail == "" || tail == "language":
			return TranslationPrefix + "title"
		case strings.HasPrefix(tail, "sources"):
			if _, field, ok := strings.Cut(tail, "]."); ok && field == "sourcing" {
				return TranslationPrefix + "sourcing"
			}
			return TranslationPrefix + "source"
		}
		return TranslationPrefix + tail
	}
	for _, rows := range []struct{ list, prefix, first string }{
		{"parties[", PartiesPrefix, "party"}, {"sources[", SourcesPrefix, "source"},
	} {
		rest, ok := strings.CutPrefix(path, rows.list)
		if !ok {
			continue
		}
		n, tail, ok := strings.Cut(rest, "]")
		if !ok {
			return path
		}
		tail = strings.TrimPrefix(tail, ".")
		switch {
		case tail == "":
			tail = rows.first
		case strings.HasPrefix(tail, "stance_sources"):
			tail = "stance_source"
		}
		return rows.prefix + n + "." + tail
	}
	if i := strings.IndexByte(path, '['); i > 0 {
		return path[:i]
	}
	return path
}

// For returns the messages on one input, joined.
func (e Errors) For(input string) string {
	var msgs []string
	for _, fe := range e.list {
		if fe.Input == input {
			msgs = append(msgs, fe.Message)
		}
	}
	return strings.Join(msgs, "; ")
}

// All returns every error in order.
func (e Errors) All() []FieldError { return e.list }

// Any reports whether there are errors.
func (e Errors) Any() bool { return len(e.list) > 0 }
