package i18n

import (
	"regexp"
	"strconv"
	"strings"
)

// FieldMessage is a validation message of the domain (models writes them
// in English: "is required", "must be at most 300 characters", "must be
// one of: proposed, agreed") in the localizer's language. A form shows it
// beside the field and in its summary; the API sends the English.
//
// The validator's rules are read by their shape, their bound or values
// carried over; a fixed sentence is found by its English in the catalog,
// as Text finds a form's label; anything else stays as written. Several
// messages of one field come joined by "; " (form.Errors.For).
func (l *Localizer) FieldMessage(msg string) string {
	if l.Lang == English || msg == "" {
		return msg
	}
	parts := strings.Split(msg, "; ")
	for i, p := range parts {
		parts[i] = l.fieldMessage(p)
	}
	return strings.Join(parts, "; ")
}

// boundMessage is models' message for a min or max rule: of a number
// ("must be at least 0"), a text's characters or a list's items.
var boundMessage = regexp.MustCompile(`^must (?:be|have) (at least|at most) (\S+?)( characters| items)?$`)

const oneOfPrefix = "must be one of: "

func (l *Localizer) fieldMessage(m string) string {
	if s := boundMessage.FindStringSubmatch(m); s != nil {
		which := "min"
		if s[1] == "at most" {
			which = "max"
		}
		n, err := strconv.Atoi(s[2])
		switch {
		case s[3] == " characters" && err == nil:
			return l.N("field_error.characters_"+which, n)
		case s[3] == " items" && err == nil:
			return l.N("field_error.items_"+which, n)
		case s[3] == "":
			bound := s[2]
			if v, err := strconv.ParseFloat(bound, 64); err == nil {
				bound = l.Number(v, "")
			}
			return l.T("field_error."+which, "Bound", bound)
		}
	}
	if values, ok := strings.CutPrefix(m, oneOfPrefix); ok {
		return l.T("field_error.one_of", "Values", values)
	}
	return l.Text(m)
}
