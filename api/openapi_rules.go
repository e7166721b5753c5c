package api

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"plantracker/models"
)

// The request schemas say what the validator enforces: required fields,
// enumerations, patterns, lengths, bounds and list sizes, read from the
// same validate tags the validator reads, so the two cannot drift apart.
//
// Most request types carry no tags of their own: an input builds the
// entity, and the entity is validated; its schema takes the entity's
// rules field by JSON name, except that a field the input defaults is not
// required, and a patch requires nothing (what it leaves out stays).
// ruleSourceOf finds the entity and the defaults from the types and
// methods themselves (Apply(*E); a builder returning E; E's Validate);
// ruleSources, in this one place, says it for the types that do not show
// it so.

// ruleSource is where a request type's rules come from.
type ruleSource struct {
	entity reflect.Type
	patch  bool // nothing required
	// defaults are the fields the input fills in when they are left out.
	defaults []string
	// extra are rules the handler or the store checks outside the tags,
	// written as tags.
	extra map[string]string
}

var passwordRule = fmt.Sprintf("min=%d,max=72", models.MinPasswordLength)

var ruleSources = map[reflect.Type]ruleSource{
	// Label and date default from the original draft, status to working.
	reflect.TypeFor[models.ForkInput](): {entity: reflect.TypeFor[models.Draft](), defaults: []string{"label", "date", "status"}},
	// Category defaults to the kind's (which a zero input lacks).
	reflect.TypeFor[models.ProvisionInput](): {entity: reflect.TypeFor[models.Provision](), defaults: []string{"category"}},
	// The API's own inputs, checked by the store.
	reflect.TypeFor[TokenInput](): {entity: reflect.TypeFor[models.Token]()},
	reflect.TypeFor[UserInput]():  {entity: reflect.TypeFor[models.User](), extra: map[string]string{"password": "required," + passwordRule}},
	reflect.TypeFor[UserPatch]():  {entity: reflect.TypeFor[models.User](), patch: true, extra: map[string]string{"password": passwordRule}},
	// Exactly one of version and change_id (alternatives, below).
	reflect.TypeFor[RestoreInput](): {extra: map[string]string{"version": "omitempty,min=1", "change_id": "omitempty,min=1"}},
}

// alternatives are the components whose requests send one of some sets
// of fields, which validate tags cannot say: exactly one (oneOf) where
// the server refuses both, at least one (anyOf) where it takes both.
var alternatives = map[string]struct {
	exclusive bool
	sets      [][]string
}{
	// restoreProvision refuses none and both.
	"RestoreInput": {true, [][]string{{"version"}, {"change_id"}}},
	// A step carries out an event or a provision (ImplementationStep.Validate).
	"ImplementationInput": {true, [][]string{{"event"}, {"draft_id", "key"}}},
	// A position says itself in words, or names a term (Position.Validate).
	"PositionInput": {false, [][]string{{"words"}, {"term", "op", "value"}}},
}

// textPattern is text without the control characters models.TextProblem
// refuses; requiredTextPattern, such text with something besides blanks.
const (
	textPattern         = `^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$`
	requiredTextPattern = `^[^\x00-\x08\x0b\x0c\x0e-\x1f]*[^\x00-\x20][^\x00-\x08\x0b\x0c\x0e-\x1f]*$`
)

// conditions are rules between fields, by component, that code checks
// rather than tags; each is an anyOf, and all hold (allOf) beside the
// schema's own rules.
var conditions = map[string]func() openapi3.SchemaRefs{
	// An operator or a value only with a term (Position.Validate).
	"PositionInput": func() openapi3.SchemaRefs {
		return openapi3.SchemaRefs{openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"term"}}),
			openapi3.NewSchemaRef("", &openapi3.Schema{Not: openapi3.NewSchemaRef("", &openapi3.Schema{AnyOf: openapi3.SchemaRefs{
				present("op"), present("value")}})})}
	},
	// A stance other than unknown (the default) names the source that
	// reports it (ProvisionParty.checkStanceSourced).
	"ProvisionParty": func() openapi3.SchemaRefs {
		unknown := &openapi3.Schema{Properties: openapi3.Schemas{"stance": openapi3.NewSchemaRef("", &openapi3.Schema{Enum: []any{"unknown"}})}}
		sourced := &openapi3.Schema{Required: []string{"stance_sources"},
			Properties: openapi3.Schemas{"stance_sources": openapi3.NewSchemaRef("", &openapi3.Schema{MinItems: 1})}}
		return openapi3.SchemaRefs{openapi3.NewSchemaRef("", unknown), openapi3.NewSchemaRef("", sourced)}
	},
}

// present is a schema that a value matches when it has the property.
func present(name string) *openapi3.SchemaRef {
	return openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{name},
		Properties: openapi3.Schemas{name: openapi3.NewSchemaRef("", &openapi3.Schema{})}})
}

// ruleSourceOf says where t's rules come from: ruleSources, else its own
// tags, else the entity it builds or patches. A type with a method
// Apply(*E) is a patch of E; one with a method returning E (from basic
// arguments) is an input of E, and the required fields of E that the
// input (or E's Validate) fills in from a zero input are its defaults.
// New inputs and patches so follow their entity's tags without an entry.
func ruleSourceOf(t reflect.Type) ruleSource {
	if src, ok := ruleSources[t]; ok {
		if src.entity != nil && !src.patch {
			src.defaults = append(slices.Clone(src.defaults), probeDefaults(t, src.entity)...)
		}
		return src
	}
	if hasTags(t) {
		return ruleSource{entity: t, defaults: probeDefaults(t, t)}
	}
	if m, ok := t.MethodByName("Apply"); ok && m.Type.NumIn() == 2 && m.Type.In(1).Kind() == reflect.Pointer {
		if e := m.Type.In(1).Elem(); e.Kind() == reflect.Struct && hasTags(e) {
			return ruleSource{entity: e, patch: true}
		}
	}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		if m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Struct || !hasTags(m.Type.Out(0)) || !basicArgs(m.Type) {
			continue
		}
		return ruleSource{entity: m.Type.Out(0), defaults: probeDefaults(t, m.Type.Out(0))}
	}
	return ruleSource{entity: t}
}

// hasTags reports whether any field of struct t has a validate tag.
func hasTags(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("validate") != "" {
			return true
		}
	}
	return false
}

func basicArgs(m reflect.Type) bool {
	for i := 1; i < m.NumIn(); i++ {
		if k := m.In(i).Kind(); k > reflect.Complex128 && k != reflect.String {
			return false
		}
	}
	return true
}

// probeDefaults builds entity e from a zero input t (through t's method
// returning e, or as e itself), lets e's Validate fill in what it
// defaults, and names the fields tagged required that are then set.
func probeDefaults(t, e reflect.Type) (defaults []string) {
	built := reflect.New(e)
	if t == e {
		built.Elem().Set(reflect.Zero(e))
	} else {
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			if m.Type.NumOut() == 1 && m.Type.Out(0) == e && basicArgs(m.Type) {
				args := []reflect.Value{reflect.Zero(t)}
				for j := 1; j < m.Type.NumIn(); j++ {
					args = append(args, reflect.Zero(m.Type.In(j)))
				}
				built.Elem().Set(m.Func.Call(args)[0])
				break
			}
		}
	}
	if v, ok := built.Interface().(interface{ Validate() error }); ok {
		_ = v.Validate() // for its defaults; a zero input is invalid
	}
	for i := 0; i < e.NumField(); i++ {
		f := e.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if slices.Contains(strings.Split(f.Tag.Get("validate"), ","), "required") && !built.Elem().Field(i).IsZero() {
			defaults = append(defaults, name)
		}
	}
	return defaults
}

// tagExamples are example values for the patterned tags: a schema-valid
// value a client (or a property-based tester) can start from. The party
// and the key are in the seed data.
var tagExamples = map[string]string{
	"party":    "UA",
	"key":      "troop-cap",
	"point":    "6",
	"username": "sam",
	"datetime": "2025-11-20",
	"http_url": "https://example.org/plan",
	"bcp47":    "en",
}

// references are the properties, by component, that name something that
// must exist: x-refers-to gives the list that has them and the field
// naming them, for clients (and the request test) to pick one from. A
// party short name (the party tag) refers to the parties everywhere but
// in a party's own input (partyInputs).
var references = map[string]map[string]string{
	"Citation": {"source": "/api/v1/sources#key"},
}

const partiesList = "/api/v1/parties#short_name"

var partyInputs = map[string]bool{"PartyInput": true, "PartyPatch": true, "Party": true}

// describeRequests applies the rules to the components of the request
// bodies (and the components they hold: citations, party links, a draft's
// provisions).
func describeRequests(schemas openapi3.Schemas, bodies []any) {
	done := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || done[t] || t.PkgPath() == "time" {
			return
		}
		done[t] = true
		if c, ok := schemas[componentName(t)]; ok && c.Value != nil {
			applyRules(componentName(t), c.Value, t)
		}
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				walk(f.Type)
			}
		}
	}
	for _, b := range bodies {
		walk(reflect.TypeOf(b))
	}
}

// applyRules writes the rules of request type t onto its schema.
func applyRules(component string, s *openapi3.Schema, t reflect.Type) {
	src := ruleSourceOf(t)
	tags := map[string]string{}
	if src.entity != nil {
		for i := 0; i < src.entity.NumField(); i++ {
			f := src.entity.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag := f.Tag.Get("validate"); name != "" && name != "-" && tag != "" {
				tags[name] = tag
			}
		}
	}
	for name, tag := range src.extra {
		tags[name] = tag
	}
	var required []string
	for name, tag := range tags {
		p := s.Properties[name]
		if p == nil || p.Value == nil || p.Ref != "" {
			continue
		}
		if applyTag(p.Value, tag) && !src.patch && !contains(src.defaults, name) {
			required = append(required, name)
		}
		ref := references[component][name]
		if ref == "" && !partyInputs[component] && slices.Contains(strings.Split(tag, ","), "party") {
			ref = partiesList
		}
		if ref != "" {
			list, field, _ := strings.Cut(ref, "#")
			p.Value.Extensions = map[string]any{"x-refers-to": map[string]string{"list": list, "field": field}}
		}
	}
	// Every string is text a store keeps as sent (models.TextProblem):
	// no control characters but tabs and line breaks; a required one has
	// more than blanks (the inputs trim them).
	for name, p := range s.Properties {
		if p == nil || p.Value == nil || p.Ref != "" {
			continue
		}
		v := p.Value
		if v.Type.Is(openapi3.TypeArray) && v.Items != nil && v.Items.Value != nil && v.Items.Ref == "" {
			v = v.Items.Value
		}
		if v.Type.Is(openapi3.TypeString) && v.Pattern == "" && v.Enum == nil && v.Format == "" {
			v.Pattern = textPattern
			if contains(required, name) {
				v.Pattern = requiredTextPattern
			}
		}
	}
	if cond, ok := conditions[component]; ok {
		s.AllOf = append(s.AllOf, openapi3.NewSchemaRef("", &openapi3.Schema{AnyOf: cond()}))
	}
	if alt, ok := alternatives[component]; ok {
		var sets openapi3.SchemaRefs
		for _, names := range alt.sets {
			sets = append(sets, openapi3.NewSchemaRef("", &openapi3.Schema{Required: names}))
		}
		if alt.exclusive {
			s.OneOf = sets
		} else {
			s.AnyOf = sets
		}
	}
	if len(required) > 0 {
		// In the order of the properties' fields, not the map's.
		order := map[string]int{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			order[name] = i
		}
		sortBy(required, func(n string) int { return order[n] })
		s.Required = required
	}
}

// applyTag writes one field's validate tag onto its schema, and says
// whether the field must be sent: "required", or a lower bound that an
// absent (empty) value fails.
func applyTag(s *openapi3.Schema, tag string) (required bool) {
	rules := strings.Split(tag, ",")
	omitempty := false
	for i, rule := range rules {
		name, param, _ := strings.Cut(rule, "=")
		switch name {
		case "dive":
			// The rest apply to each item.
			if s.Items != nil && s.Items.Value != nil && s.Items.Ref == "" {
				applyTag(s.Items.Value, strings.Join(rules[i+1:], ","))
			}
			return required
		case "omitempty":
			omitempty = true
		case "required":
			required = true
			if s.Type.Is(openapi3.TypeString) {
				s.MinLength = max(s.MinLength, 1)
			}
		case "min", "max", "gte", "lte":
			n, err := strconv.ParseFloat(param, 64)
			if err != nil {
				continue
			}
			lower := name == "min" || name == "gte"
			switch {
			case s.Type.Is(openapi3.TypeString):
				if lower {
					s.MinLength = uint64(n)
				} else {
					s.MaxLength = ptr(uint64(n))
				}
			case s.Type.Is(openapi3.TypeArray):
				if lower {
					s.MinItems = uint64(n)
				} else {
					s.MaxItems = ptr(uint64(n))
				}
			case s.Type.Is(openapi3.TypeInteger) || s.Type.Is(openapi3.TypeNumber):
				if lower {
					s.Min = ptr(n)
				} else {
					s.Max = ptr(n)
				}
			}
			if lower && n > 0 && !omitempty {
				required = true
			}
		case "oneof":
			s.Enum = nil
			for _, v := range strings.Fields(param) {
				s.Enum = append(s.Enum, v)
			}
		case "kind":
			s.Enum = nil
			for _, v := range models.KindNames() {
				s.Enum = append(s.Enum, v)
			}
			s.Example = kindExample()
			s.Description = "A kind of the registry (GET /api/v1/kinds)."
		case "uniqueparties":
			s.UniqueItems = true
		case "datetime":
			if param == "2006-01-02" {
				s.Format = "date"
				s.Example = tagExamples["datetime"]
			}
		case "http_url", "url":
			s.Format = "uri"
			s.Pattern = `^https?://`
			s.Example = tagExamples["http_url"]
		case "bcp47_language_tag":
			// Well-formed tags; the validator also wants a language it knows.
			s.Pattern = `^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$`
			s.Example = tagExamples["bcp47"]
			s.Description = "A BCP 47 language tag such as en, uk or ru."
		default:
			if pattern, ok := models.Patterns[name]; ok {
				s.Pattern = pattern
				s.Example = tagExamples[name]
			}
		}
	}
	return required
}

// kindExample is a kind whose terms may all be left out: the simplest
// provision a client can send.
func kindExample() string {
	for _, k := range models.Kinds() {
		simple := true
		for _, f := range k.Fields {
			simple = simple && !f.Required
		}
		if simple {
			return k.Name
		}
	}
	return models.KindNames()[0]
}

func ptr[T any](v T) *T { return &v }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func sortBy(list []string, key func(string) int) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && key(list[j]) < key(list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}
