package api

import (
	"fmt"
	"reflect"
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
// entity, and the entity is validated. ruleSources says, in this one
// place, which entity's tags a request type follows (field by JSON name),
// and which of its fields the input defaults (not required, though the
// entity requires them). A patch requires nothing: what it leaves out
// stays. A request type that is not listed follows its own tags.

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
	reflect.TypeFor[models.PartyInput]():     {entity: reflect.TypeFor[models.Party]()},
	reflect.TypeFor[models.PartyPatch]():     {entity: reflect.TypeFor[models.Party](), patch: true},
	reflect.TypeFor[models.SourceInput]():    {entity: reflect.TypeFor[models.Source]()},
	reflect.TypeFor[models.SourcePatch]():    {entity: reflect.TypeFor[models.Source](), patch: true},
	reflect.TypeFor[models.PlanInput]():      {entity: reflect.TypeFor[models.Plan]()},
	reflect.TypeFor[models.PlanPatch]():      {entity: reflect.TypeFor[models.Plan](), patch: true},
	reflect.TypeFor[models.DraftInput]():     {entity: reflect.TypeFor[models.Draft](), defaults: []string{"status", "coverage"}},
	reflect.TypeFor[models.DraftPatch]():     {entity: reflect.TypeFor[models.Draft](), patch: true},
	reflect.TypeFor[models.ForkInput]():      {entity: reflect.TypeFor[models.Draft](), defaults: []string{"label", "date", "status"}},
	reflect.TypeFor[models.ProvisionInput](): {entity: reflect.TypeFor[models.Provision](), defaults: []string{"category", "status"}},
	reflect.TypeFor[models.ProvisionPatch](): {entity: reflect.TypeFor[models.Provision](), patch: true},
	// A party link's stance defaults to unknown (ProvisionParty's own tags).
	reflect.TypeFor[models.ProvisionParty](): {entity: reflect.TypeFor[models.ProvisionParty](), defaults: []string{"stance"}},
	reflect.TypeFor[TokenInput]():            {entity: reflect.TypeFor[models.Token]()},
	reflect.TypeFor[UserInput]():             {entity: reflect.TypeFor[models.User](), extra: map[string]string{"password": "required," + passwordRule}},
	reflect.TypeFor[UserPatch]():             {entity: reflect.TypeFor[models.User](), patch: true, extra: map[string]string{"password": passwordRule}},
	// Exactly one of version and change_id (exclusive, below).
	reflect.TypeFor[RestoreInput](): {extra: map[string]string{"version": "omitempty,min=1", "change_id": "omitempty,min=1"}},
}

// exclusive are the components whose requests send exactly one of some
// fields (restoreProvision refuses none and both).
var exclusive = map[string][]string{
	"RestoreInput": {"version", "change_id"},
}

// textPattern is text without the control characters models.TextProblem
// refuses; requiredTextPattern, such text with something besides blanks.
const (
	textPattern         = `^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$`
	requiredTextPattern = `^[^\x00-\x08\x0b\x0c\x0e-\x1f]*[^\x00-\x20][^\x00-\x08\x0b\x0c\x0e-\x1f]*$`
)

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
// naming them, for clients (and the request test) to pick one from.
var references = map[string]map[string]string{
	"Citation":       {"source": "/api/v1/sources#key"},
	"ProvisionParty": {"party": "/api/v1/parties#short_name"},
	"DraftInput":     {"signatories": "/api/v1/parties#short_name"},
	"DraftPatch":     {"signatories": "/api/v1/parties#short_name"},
	"PlanInput":      {"origin": "/api/v1/parties#short_name"},
	"PlanPatch":      {"origin": "/api/v1/parties#short_name"},
}

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
	src, listed := ruleSources[t]
	if !listed {
		src = ruleSource{entity: t}
	}
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
		if ref := references[component][name]; ref != "" {
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
	if names := exclusive[component]; names != nil {
		s.OneOf = nil
		for _, name := range names {
			s.OneOf = append(s.OneOf, openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{name}}))
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
			s.Description = "A kind of the registry (GET /api/v1/kinds); its terms go in terms."
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
