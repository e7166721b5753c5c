package api

import (
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// What the generated schemas of POST /parse cannot say from the Go types
// alone, so that the document says what the server sends: which fields
// are always there, that base_provision is null for a point matched to
// nothing, and what the confidences range over.

// parseRequired are the properties, by component, that every answer (or,
// for ParseInput, every request) has; the others are left out when empty.
var parseRequired = map[string][]string{
	"ParseInput":  {"text"},
	"ParseResult": {"points"},
	"ParsedPoint": {"point", "title", "text", "kind", "category", "terms", "term_notes", "key", "base_provision", "confidence", "notes"},
	"BaseMatch":   {"id", "key", "kind", "title", "score"},
	"TermNote":    {"confidence"},
}

// parseDocs describe properties by component.
var parseDocs = map[string]map[string]string{
	"ParseInput": {
		"text":       "The draft's text, its points numbered (1., 1), Point 1:, п. 1); at most 200,000 bytes, no control characters but tabs and line breaks.",
		"base_draft": "The draft the text revises: each point is matched to its provisions and takes the matched one's key. Omitted or 0: none.",
	},
	"ParseResult": {
		"points": "The proposed provisions in the text's order: each numbered point, or its sub-points where they name different subjects. Empty when the text has no numbered points.",
		"notes":  "About the text as a whole: lines left out, numbering that skips or repeats. Left out when there is nothing to say.",
	},
	"ParsedPoint": {
		"point":      "The point's number as the text gives it, with a sub-point's letter (\"21a\").",
		"terms":      "The kind's terms the text states, in canonical form; a required term the text does not state is missing here and noted in term_notes. Never a value the text does not hold.",
		"term_notes": "Per term read (or missing): how sure, the words it was read from, and why it needs a check.",
		"key":        "The proposed key: the matched base provision's, or a new one no base provision uses.",
		"confidence": "How sure the parser is of the kind and terms, from 0 to 1; notes say why.",
		"notes":      "Why the confidence is what it is: a close runner-up kind, terms to check. Empty when there is nothing to say.",
	},
	"BaseMatch": {
		"point": "The base provision's point number; left out where it has none.",
		"score": "How alike the point and the base provision are, from 0 to 1.",
	},
	"TermNote": {
		"confidence": "How sure the value is, from 0 to 1; below 0.6 the review page asks for a check. 0 for a term left out.",
		"evidence":   "The words of the text the value was read from; left out when none.",
		"note":       "Why the term needs a check, or why it is missing; left out when it needs none.",
	},
}

// parseBaseProvision is the one reference that may be null.
const parseBaseProvision = "The base draft's provision the point is matched to; null where there is no base draft or no provision matched."

// describeParse applies the tables above to the generated schemas.
func describeParse(schemas openapi3.Schemas) {
	for component, names := range parseRequired {
		if c, ok := schemas[component]; ok && c.Value != nil {
			c.Value.Required = append([]string(nil), names...)
		}
	}
	for component, props := range parseDocs {
		c, ok := schemas[component]
		if !ok || c.Value == nil {
			continue
		}
		for name, doc := range props {
			if p := c.Value.Properties[name]; p != nil && p.Value != nil && p.Ref == "" {
				p.Value.Description = doc
			}
		}
	}
	unit := func(component, name string) {
		if c, ok := schemas[component]; ok && c.Value != nil {
			if p := c.Value.Properties[name]; p != nil && p.Value != nil && p.Ref == "" {
				p.Value.WithMin(0).WithMax(1)
			}
		}
	}
	unit("ParsedPoint", "confidence")
	unit("BaseMatch", "score")
	unit("TermNote", "confidence")
	if c, ok := schemas["ParsedPoint"]; ok && c.Value != nil {
		if p := c.Value.Properties["base_provision"]; p != nil && p.Ref != "" {
			// As for a comparison's from and to.
			c.Value.Properties["base_provision"] = nullableRef(p.Ref, parseBaseProvision)
		}
	}
}

// parseLimits is what the document says of POST /parse's bounds.
const parseLimits = "The reading is bounded: a text of more than 2,000 points is answered 422 with a field error on text (send the draft in parts); a reading that has not finished within 15 seconds (a busy server: a text of 200,000 bytes reads in a few) is answered 503 with Retry-After. The reading stops when the client goes away."

// describeParsePath adds the statuses of the parser's bounds to POST
// /parse: 422 for a text of too many points, and 503, which every write
// answers already, with its Retry-After.
func describeParsePath(doc *openapi3.T) {
	item := doc.Paths.Value("/api/v1/parse")
	if item == nil {
		item = doc.Paths.Value("/parse")
	}
	if item == nil || item.Post == nil {
		return
	}
	op := item.Post
	op.Description = strings.TrimSpace(op.Description + " " + parseLimits)
	problemRef := openapi3.NewContentWithSchemaRef(openapi3.NewSchemaRef("#/components/schemas/Problem", nil), []string{ProblemContentType})
	op.AddResponse(http.StatusUnprocessableEntity, openapi3.NewResponse().
		WithDescription("The text has more than 2,000 points: a field error on text.").WithContent(problemRef))
	if r := op.Responses.Status(http.StatusServiceUnavailable); r != nil && r.Value != nil {
		desc := "The text could not be read in time (Retry-After says when to try again), or the database is read-only."
		r.Value.Description = &desc
		if r.Value.Headers == nil {
			r.Value.Headers = openapi3.Headers{}
		}
		r.Value.Headers["Retry-After"] = &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
			Description: "Seconds to wait before trying again", Schema: openapi3.NewIntegerSchema().NewRef()}}}
	}
}
