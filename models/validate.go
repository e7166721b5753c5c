package models

import (
	"errors"
	"reflect"
	"regexp"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Patterns of the identifiers the domain uses. They are strict on purpose:
// keys and party short names appear in URLs, file names and term values.
// Patterns holds them by validator tag, as written, for the OpenAPI
// document (ECMAScript reads them as Go does).
var Patterns = map[string]string{
	"party": `^[A-Z][A-Z0-9-]{0,15}$`,
	"key":   `^[a-z0-9]+(-[a-z0-9]+)*$`,
	// A point: a number with an optional sub-point letter ("6", "21c"), or
	// a range of them ("15–20", "10a–c", "10a–10c").
	"point":    `^[0-9]{1,3}[a-z]?([–-]([0-9]{1,3}[a-z]?|[a-z]))?$`,
	"username": `^[a-z0-9][a-z0-9._-]*$`,
}

var (
	partyPattern = regexp.MustCompile(Patterns["party"])
	keyPattern   = regexp.MustCompile(Patterns["key"])
	pointPattern = regexp.MustCompile(Patterns["point"])
	userPattern  = regexp.MustCompile(Patterns["username"])
)

// validate is the one validator of the domain. It names fields by their JSON
// names so that errors point at what the client sent.
var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	mustRegister(v, "party", func(fl validator.FieldLevel) bool { return partyPattern.MatchString(fl.Field().String()) })
	mustRegister(v, "key", func(fl validator.FieldLevel) bool { return keyPattern.MatchString(fl.Field().String()) })
	mustRegister(v, "point", func(fl validator.FieldLevel) bool { return pointPattern.MatchString(fl.Field().String()) })
	mustRegister(v, "username", func(fl validator.FieldLevel) bool { return userPattern.MatchString(fl.Field().String()) })
	mustRegister(v, "kind", func(fl validator.FieldLevel) bool { _, ok := KindByName(fl.Field().String()); return ok })
	mustRegister(v, "uniqueparties", func(fl validator.FieldLevel) bool {
		seen := map[string]bool{}
		for i := 0; i < fl.Field().Len(); i++ {
			s := fl.Field().Index(i).String()
			if seen[s] {
				return false
			}
			seen[s] = true
		}
		return true
	})
	return v
}

func mustRegister(v *validator.Validate, tag string, fn validator.Func) {
	if err := v.RegisterValidation(tag, fn); err != nil {
		panic(err)
	}
}

// validateStruct runs the validator on s and converts what it finds into
// field errors named by JSON path, with prefix before each ("terms").
//
// Every string is first checked to be text a store keeps as sent (see
// TextErrors); a field refused for that is not reported again for its
// other rules.
func validateStruct(s any, prefix string) *ValidationError {
	out := &ValidationError{}
	out.Merge("", TextErrors(s, prefix))
	err := validate.Struct(s)
	var verrs validator.ValidationErrors
	if err != nil && !errors.As(err, &verrs) {
		// Only a programming error (a non-struct) gets here.
		panic(err)
	}
	rules := &ValidationError{}
	for _, fe := range verrs {
		field := jsonPath(fe.Namespace())
		if prefix != "" {
			field = prefix + "." + field
		}
		rules.Add(field, "%s", message(fe))
	}
	out.MergeNew(rules)
	if len(out.Errors) == 0 {
		return nil
	}
	return out
}

// jsonPath drops the struct name the validator puts first:
// "TroopCapTerms.limit" becomes "limit".
func jsonPath(namespace string) string {
	if _, rest, ok := strings.Cut(namespace, "."); ok {
		return rest
	}
	return namespace
}

// message says in plain words what a failed validation rule wants.
func message(fe validator.FieldError) string {
	p := fe.Param()
	isString := fe.Kind() == reflect.String
	isList := fe.Kind() == reflect.Slice
	switch fe.Tag() {
	case "required":
		return "is required"
	case "min", "gte", "max", "lte":
		bound := "at least "
		if fe.Tag() == "max" || fe.Tag() == "lte" {
			bound = "at most "
		}
		if isString {
			return "must be " + bound + p + " characters"
		}
		if isList {
			return "must have " + bound + p + " items"
		}
		return "must be " + bound + p
	case "oneof":
		return "must be one of: " + strings.Join(strings.Fields(p), ", ")
	case "party":
		return "must be a party short name such as UA or NATO (capital letters, digits, hyphens)"
	case "key":
		return "must be a lower-case slug such as troop-cap (letters, digits, single hyphens)"
	case "point":
		return "must be a point number such as 6 or 21c, or a range such as 15–20 or 10a–c"
	case "username":
		return "must be letters, digits, dots, hyphens or underscores, starting with a letter or digit"
	case "kind":
		return "is not a known kind; GET /api/v1/kinds lists them"
	case "uniqueparties":
		return "lists a party more than once"
	case "datetime":
		return "must be a date as YYYY-MM-DD"
	case "bcp47_language_tag":
		return "must be a language tag such as en, uk or ru"
	case "url", "http_url":
		return "must be a URL"
	default:
		return "fails the " + fe.Tag() + " rule"
	}
}

// IsKey says whether s is a well-formed provision key: lower case words
// joined by hyphens, at most 80 characters ("troop-cap").
func IsKey(s string) bool { return len(s) <= 80 && keyPattern.MatchString(s) }
