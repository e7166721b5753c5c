package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A Kind is one sort of provision (a troop cap, a security guarantee) with
// the typed terms it carries. Kinds are declared once, in kinds.go, as a Go
// struct of terms with tags; everything else is derived from that
// declaration: API validation, the UI form, comparison, exports and
// GET /api/v1/kinds.
type Kind struct {
	Name        string  `json:"name"`
	Label       string  `json:"label"`
	Category    string  `json:"category"`
	Description string  `json:"description"`
	Fields      []Field `json:"fields"`

	terms reflect.Type
	// words are the cues by which the parser of draft texts reads the
	// kind and its terms (kindSpec.Words).
	words string
}

// FieldType is how a term is typed, which decides how it is entered,
// compared and shown.
type FieldType string

const (
	FieldInteger FieldType = "integer"
	FieldNumber  FieldType = "number"
	FieldBoolean FieldType = "boolean"
	FieldText    FieldType = "text"
	FieldEnum    FieldType = "enum"
	FieldParty   FieldType = "party"
	FieldParties FieldType = "parties"
)

// Field describes one term of a kind, for forms and for people.
type Field struct {
	Name     string    `json:"name"`
	Label    string    `json:"label"`
	Type     FieldType `json:"type"`
	Required bool      `json:"required"`
	// Nullable fields may be left out: "not stated" is not the same as
	// false or zero (a draft that says nothing about peacetime is not a
	// draft that says "also in wartime").
	Nullable bool     `json:"nullable"`
	Min      *float64 `json:"min,omitempty"`
	Max      *float64 `json:"max,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Help     string   `json:"help,omitempty"`
	Options  []Term   `json:"options,omitempty"`
	// Headline fields are what a one-line summary of the provision shows
	// (the troop cap's limit, a guarantee's model and duration).
	Headline bool `json:"headline,omitempty"`
	index    int
}

// kindSpec is how a kind is declared in kinds.go. Words are the cues the
// parser of draft texts reads the kind and its terms by (models/parse,
// cues.go, says how they are written and compiles them).
type kindSpec struct {
	Name, Label, Category, Description string
	Words                              string
	Terms                              any
}

var (
	kindList   []*Kind
	kindByName = map[string]*Kind{}
)

func registerKinds(specs ...kindSpec) {
	for _, s := range specs {
		k := newKind(s)
		if _, dup := kindByName[k.Name]; dup {
			panic("models: kind declared twice: " + k.Name)
		}
		kindList = append(kindList, k)
		kindByName[k.Name] = k
	}
	sort.SliceStable(kindList, func(i, j int) bool { return kindList[i].Name < kindList[j].Name })
}

// Kinds returns every kind, ordered by name.
func Kinds() []*Kind { return kindList }

// Words are the cues the kind declares for the parser of draft texts:
// what in a text says a point is of this kind, and what says a term has a
// value. The parser (models/parse) reads them; here they are only kept
// beside the rest of the kind's declaration.
func (k *Kind) Words() string { return k.words }

// KindByName returns the kind called name.
func KindByName(name string) (*Kind, bool) {
	k, ok := kindByName[name]
	return k, ok
}

// KindNames returns the names of every kind.
func KindNames() []string {
	out := make([]string, len(kindList))
	for i, k := range kindList {
		out[i] = k.Name
	}
	return out
}

// Field returns the field called name.
func (k *Kind) Field(name string) (Field, bool) {
	for _, f := range k.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

func newKind(s kindSpec) *Kind {
	t := reflect.TypeOf(s.Terms)
	if t.Kind() != reflect.Struct {
		panic("models: terms of kind " + s.Name + " must be a struct")
	}
	if !Categories.Has(s.Category) {
		panic("models: kind " + s.Name + " has unknown category " + s.Category)
	}
	k := &Kind{Name: s.Name, Label: s.Label, Category: s.Category, Description: s.Description, terms: t, Fields: []Field{}}
	for i := 0; i < t.NumField(); i++ {
		k.Fields = append(k.Fields, newField(s.Name, t.Field(i), i))
	}
	k.words = s.Words
	return k
}

// newField reads one term's declaration: its JSON name, validate rules and
// the label, unit, help and headline tags.
func newField(kind string, sf reflect.StructField, index int) Field {
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	rules := strings.Split(sf.Tag.Get("validate"), ",")
	f := Field{
		Name:     name,
		Label:    sf.Tag.Get("label"),
		Unit:     sf.Tag.Get("unit"),
		Help:     sf.Tag.Get("help"),
		Headline: sf.Tag.Get("headline") == "true",
		index:    index,
	}
	if f.Name == "" || f.Label == "" {
		panic(fmt.Sprintf("models: term %s.%s needs a json name and a label", kind, sf.Name))
	}
	typ := sf.Type
	if typ.Kind() == reflect.Pointer {
		f.Nullable = true
		typ = typ.Elem()
	}
	for _, r := range rules {
		key, param, _ := strings.Cut(r, "=")
		switch key {
		case "required":
			f.Required = true
		case "min", "gte":
			f.Min = parseBound(param)
		case "max", "lte":
			f.Max = parseBound(param)
		case "oneof":
			for _, v := range strings.Fields(param) {
				f.Options = append(f.Options, Term{Value: v, Label: OptionLabel(v)})
			}
		}
	}
	switch {
	case typ.Kind() == reflect.Int:
		f.Type = FieldInteger
	case typ.Kind() == reflect.Float64:
		f.Type = FieldNumber
	case typ.Kind() == reflect.Bool:
		f.Type = FieldBoolean
	case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.String && hasRule(rules, "party"):
		f.Type = FieldParties
		f.Min, f.Max = nil, nil // list length bounds are not value bounds
	case typ.Kind() == reflect.String && hasRule(rules, "party"):
		f.Type = FieldParty
	case typ.Kind() == reflect.String && f.Options != nil:
		f.Type = FieldEnum
	case typ.Kind() == reflect.String:
		f.Type = FieldText
		f.Min, f.Max = nil, nil // string length, enforced by the validator
	default:
		panic(fmt.Sprintf("models: term %s.%s has a type kinds do not support: %s", kind, sf.Name, sf.Type))
	}
	if f.Type == FieldBoolean && !f.Nullable {
		panic(fmt.Sprintf("models: boolean term %s.%s must be a *bool: a draft may not say", kind, sf.Name))
	}
	return f
}

func hasRule(rules []string, name string) bool {
	for _, r := range rules {
		if r == name {
			return true
		}
	}
	return false
}

func parseBound(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

// DecodeTerms reads raw JSON terms for this kind. Unknown fields, wrong types
// and values that break the rules are all reported, field by field, under
// "terms". On success it returns the typed terms and their canonical JSON
// (fields in declaration order, absent ones left out), which is what is
// stored, so that equal terms are equal bytes.
func (k *Kind) DecodeTerms(raw json.RawMessage) (any, json.RawMessage, error) {
	ptr := reflect.New(k.terms)
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) > 0 && !bytes.Equal(trimmed, []byte("null")) {
		if trimmed[0] != '{' {
			return nil, nil, Invalid("terms", "must be a JSON object")
		}
		if typeErrs := k.decodeStrict(trimmed, ptr.Interface()); typeErrs != nil {
			// Report the rules the well-typed fields break too, so that
			// one answer names every field to fix.
			typeErrs.MergeNew(validateStruct(ptr.Interface(), "terms"))
			return nil, nil, typeErrs
		}
	}
	if verr := validateStruct(ptr.Interface(), "terms"); verr != nil {
		return nil, nil, verr
	}
	if verr := k.tinyNumbers(ptr.Elem()); verr != nil {
		return nil, nil, verr
	}
	canonical, err := json.Marshal(ptr.Interface())
	if err != nil {
		return nil, nil, fmt.Errorf("encode terms: %w", err)
	}
	return ptr.Elem().Interface(), canonical, nil
}

// decodeStrict decodes one field at a time so that every bad field is
// reported, not just the first one encoding/json trips on.
func (k *Kind) decodeStrict(raw []byte, into any) *ValidationError {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return &ValidationError{Errors: []FieldError{{Field: "terms", Message: "must be a JSON object"}}}
	}
	verr := &ValidationError{}
	elem := reflect.ValueOf(into).Elem()
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f, ok := k.Field(name)
		if !ok {
			verr.Add("terms."+name, "is not a term of kind %s", k.Name)
			continue
		}
		target := elem.Field(f.index).Addr().Interface()
		dec := json.NewDecoder(bytes.NewReader(fields[name]))
		if err := dec.Decode(target); err != nil {
			verr.Add("terms."+name, "%s", typeMessage(f, err))
			continue
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			verr.Add("terms."+name, "%s", typeMessage(f, err))
		}
	}
	if len(verr.Errors) == 0 {
		return nil
	}
	return verr
}

// typeMessage says what JSON type a field wants when it got another.
func typeMessage(f Field, err error) string {
	switch f.Type {
	case FieldInteger:
		return "must be a whole number"
	case FieldNumber:
		return "must be a number"
	case FieldBoolean:
		return "must be true, false or null"
	case FieldParties:
		return "must be a list of party short names"
	case FieldEnum:
		return "must be one of: " + strings.Join(optionValues(f.Options), ", ")
	default:
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return "is not valid JSON"
		}
		return "must be a string"
	}
}

func optionValues(opts []Term) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out
}

// TermValues decodes canonical terms into a map of field name to raw value,
// for code that walks the fields generically (comparison, exports, forms).
func TermValues(raw json.RawMessage) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	if len(raw) == 0 {
		return out
	}
	_ = json.Unmarshal(raw, &out) // canonical terms always decode; anything else shows as empty
	return out
}

// OptionValue is the enum value whose label (OptionLabel) is label, among
// the options of every kind's terms: a value FormatValue wrote, read back,
// for whoever says it in another language.
func OptionValue(label string) (string, bool) {
	v, ok := valueOfLabel()[label]
	return v, ok
}

var valueOfLabel = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, k := range Kinds() {
		for _, f := range k.Fields {
			for _, o := range f.Options {
				out[o.Label] = o.Value
			}
		}
	}
	return out
})
