package api

import (
	"github.com/getkin/kin-openapi/openapi3"

	"plantracker/models"
	"plantracker/models/report"
)

// What the generated schemas of comparisons and matrices cannot say from
// the Go types alone: which references may be null, which strings are
// enumerations, and what the fields that keep partial drafts honest mean.

// nullableRefs are the properties, by component, that hold a reference to
// another component and are null where a draft does not have the key
// (see nullableRef).
var nullableRefs = map[string]map[string]string{
	"ComparisonRow": {
		"from": "The provision in the earlier draft; null where it lacks the key (added). For a not_reported key, the value carried over.",
		"to":   "The provision in the later draft; null where it lacks the key (removed, not_reported). A withdrawn key has it, status withdrawn.",
	},
}

// propertyDocs describe properties by component.
var propertyDocs = map[string]map[string]string{
	"Comparison": {
		"swapped":   "True when the drafts were asked for later → earlier: the comparison reads earlier → later (by date, then lineage, then number) and says it turned them round.",
		"rows":      "The rows given in full, in reading order: those of the statuses asked for, or, when none is asked for, those of every status but unchanged.",
		"unchanged": "When no status is asked for, the unchanged keys in reading order, without their two sides (alike in substance); absent when statuses are asked for.",
	},
	"Counts": {
		"removed":       "Keys the later draft lacks while complete, or withdraws.",
		"withdrawn":     "Of the removed keys, those the later draft withdraws.",
		"not_reported":  "Keys the later draft, being partial, does not mention: carried over, not removed.",
		"changed":       "Keys changed in substance (kind, terms, parties and stances, wording, status).",
		"unchanged":     "Keys alike in substance, including those whose sourcing or labels alone changed.",
		"sourcing_only": "Of the unchanged keys, those whose citation, sourcing level, point number, title or category changed.",
		"total":         "added + removed + not_reported + changed + unchanged.",
	},
	"ComparisonRow": {
		"withdrawn":        "The key is removed because the later draft withdraws it.",
		"note":             "The status in words where it needs them: carried over from …, withdrawn in …, or an added key that a partial earlier draft may only not have reported.",
		"changes":          "What changed in substance, field by field; empty for added, removed and not_reported rows. The status is changed when some change counts: an unchanged row may list only changes flagged not_recorded or form_only.",
		"sourcing_changes": "What changed in sourcing and labels only (citation, sourcing level, point number, title, category).",
	},
	"UnchangedRow": {
		"from_id":          "The key's provision in the earlier draft.",
		"to_id":            "The key's provision in the later draft.",
		"changes":          "Changes that do not count: what the later draft does not record (not_recorded), wording changed in form only (form_only).",
		"sourcing_changes": "What changed in sourcing and labels only (citation, sourcing level, point number, title, category).",
	},
	"FieldChange": {
		"not_recorded": "The later draft does not record this term, party or stance (it is partial, or its provision records no parties at all): not a removal. before is the last known value, after reads \"not recorded\"; it does not make the row changed.",
		"form_only":    "The wording differs only in case, punctuation, spacing or word order (summary \"Wording: order/case only\"); it does not make the row changed.",
	},
	"DraftRef": {
		"coverage": "complete: the whole text is known; partial: only the points its reporting names.",
	},
	"Matrix": {
		"drafts":        "The columns, in reading order (earlier → later: by date, then lineage, then number), whatever order they were asked in.",
		"compared_with": "For each column, the index of the column its cells are marked against: its nearest ancestor (forked from) among the columns before it, else the column before; -1 for the first.",
	},
	"MatrixCell": {
		"diff":                "What became of the key since its last known value (the column before, or the last column that had it past partial drafts).",
		"carried_from":        "For a not_reported cell, the draft whose value it shows.",
		"sourcing_fields":     "What changed in sourcing and labels only, by label.",
		"not_recorded_fields": "What this draft does not record of the key's last known value, by label: not removed, and not a change.",
	},
}

// enums are the string properties, by component, with a closed set of values.
var enums = map[string]map[string][]string{
	"ComparisonRow": {"status": report.DiffStatuses.Values()},
	"MatrixCell":    {"diff": report.DiffStatuses.Values()},
	"DraftRef":      {"coverage": models.Coverages.Values()},
}

// describeComparisons applies the tables above to the generated schemas.
func describeComparisons(schemas openapi3.Schemas) {
	property := func(component, name string) *openapi3.SchemaRef {
		c, ok := schemas[component]
		if !ok || c.Value == nil {
			return nil
		}
		return c.Value.Properties[name]
	}
	for component, props := range nullableRefs {
		for name, doc := range props {
			if p := property(component, name); p != nil && p.Ref != "" {
				schemas[component].Value.Properties[name] = nullableRef(p.Ref, doc)
			}
		}
	}
	for component, props := range propertyDocs {
		for name, doc := range props {
			if p := property(component, name); p != nil && p.Value != nil && p.Ref == "" {
				p.Value.Description = doc
			}
		}
	}
	for component, props := range enums {
		for name, values := range props {
			if p := property(component, name); p != nil && p.Value != nil && p.Ref == "" {
				for _, v := range values {
					p.Value.Enum = append(p.Value.Enum, v)
				}
			}
		}
	}
}

// nullableRef is a reference that may be null, as OpenAPI 3.0 can say it.
// A $ref cannot carry "nullable" beside it, and allOf: [$ref] with
// nullable: true does not admit null either: the referred schema, which
// every value must match, is not nullable (strict validators, such as
// Schemathesis's, refuse null there). So: anyOf the referred schema or
// null, the null alternative typed (Redocly's nullable-type-sibling) and
// admitting nothing but null. (OpenAPI 3.1's type: [object, "null"] would
// say it more simply, but the document's generator writes 3.0.)
func nullableRef(ref, description string) *openapi3.SchemaRef {
	return openapi3.NewSchemaRef("", &openapi3.Schema{Description: description,
		AnyOf: openapi3.SchemaRefs{openapi3.NewSchemaRef(ref, nil), openapi3.NewSchemaRef("", nullSchema())}})
}

// nullSchema admits null and nothing else, as OpenAPI 3.0 can say it.
func nullSchema() *openapi3.Schema {
	return &openapi3.Schema{Type: &openapi3.Types{openapi3.TypeObject}, Nullable: true, Enum: []any{nil}}
}
