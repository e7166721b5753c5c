package api

import (
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3gen"
	"github.com/gin-gonic/gin"

	"plantracker/models/parse"
	"plantracker/models/worddiff"
)

// Doc describes a route for the OpenAPI document.
type Doc struct {
	Tag     string
	Summary string
	// Description says more than the summary, where there is more to say.
	Description string
	Query       []QueryParam
	// Body and Response are values of the Go types sent and answered; their
	// schemas are generated from the types, so they cannot drift apart.
	Body     any
	Response any
	Status   int  // success status; 200 when zero, 204 when there is no Response
	ETag     bool // a single-resource GET that answers with an ETag
	IfMatch  bool // a write that honours If-Match
	// NoProblems: the route answers no problem documents of its own (a
	// public route still answers 429 when called too fast).
	NoProblems bool
	// File is the media type of a route that answers a file rather than
	// JSON ("application/zip"); Response is then unused.
	File string
	// MergePatch: the body may also be a JSON Merge Patch (RFC 7396) of
	// the same schema, sent as application/merge-patch+json.
	MergePatch bool
	// NotFound: a resource the query names (not the path) may not exist.
	NotFound bool
	// Unavailable: the route also answers 503 with the same schema as
	// its success (the health check saying what is down).
	Unavailable bool
	// TooMany: the route answers 429 when the client holds too many of
	// it open (the event stream).
	TooMany bool
}

// componentNames are the published names of the types whose Go names say
// less out of their package: the document's component names are part of
// the API, and stay as they were when a type moves or is renamed.
var componentNames = map[reflect.Type]string{
	reflect.TypeFor[worddiff.Run](): "WordRun",
	reflect.TypeFor[parse.Input]():  "ParseInput",
	reflect.TypeFor[parse.Result](): "ParseResult",
	reflect.TypeFor[parse.Point]():  "ParsedPoint",
}

// componentName is a type's component name in the document: its Go name,
// or the published name componentNames gives it.
func componentName(t reflect.Type) string {
	if name, ok := componentNames[t]; ok {
		return name
	}
	return t.Name()
}

// QueryParam is one query parameter of a route.
type QueryParam struct {
	Name, Type, Description string
}

var (
	openAPIOnce sync.Once
	openAPIDoc  *openapi3.T
	openAPIErr  error
)

func (a *API) openAPI(c *gin.Context) {
	openAPIOnce.Do(func() { openAPIDoc, openAPIErr = a.OpenAPI() })
	if openAPIErr != nil {
		fail(c, openAPIErr)
		return
	}
	c.JSON(http.StatusOK, openAPIDoc)
}

var ginParam = regexp.MustCompile(`:([a-z_]+)`)

// OpenAPI builds the OpenAPI 3 document from the route table.
func (a *API) OpenAPI() (*openapi3.T, error) {
	doc := &openapi3.T{
		OpenAPI: "3.0.3",
		Info: &openapi3.Info{
			Title:   "Plantracker API",
			Version: "1",
			// No licence has been chosen for Plantracker; saying so is
			// better than leaving readers to guess.
			License: &openapi3.License{Name: "All rights reserved (no licence chosen)"},
			Description: "Peace-plan drafts, their provisions and the parties to them. Errors are RFC 9457 " +
				"problem documents (application/problem+json); single resources carry an ETag, and writes " +
				"honour If-Match (412 when stale). Every GET route also answers HEAD. Paths have no trailing " +
				"slash (one is redirected away, 301 or 308). The Authorization scheme is case-insensitive.",
		},
		// The server is wherever this document was fetched from: a relative
		// URL, which clients resolve against the document's own address.
		Servers: openapi3.Servers{{URL: "/", Description: "The server that serves this document"}},
		Paths:   openapi3.NewPaths(),
		Components: &openapi3.Components{Schemas: openapi3.Schemas{}, SecuritySchemes: openapi3.SecuritySchemes{
			"token": &openapi3.SecuritySchemeRef{Value: openapi3.NewJWTSecurityScheme().WithBearerFormat("plantracker token (pt_…)")},
		}},
	}
	gen := openapi3gen.NewGenerator(openapi3gen.CreateComponentSchemas(openapi3gen.ExportComponentSchemasOptions{
		ExportComponentSchemas: true, ExportTopLevelSchema: true, ExportGenerics: false}),
		openapi3gen.SchemaCustomizer(rawJSONAsObject), openapi3gen.CreateTypeNameGenerator(componentName))
	schemaOf := func(v any) (*openapi3.SchemaRef, error) {
		return gen.NewSchemaRefForValue(v, doc.Components.Schemas)
	}
	// Generating the Problem schema exports it as a component, which every
	// error response refers to.
	if _, err := schemaOf(Problem{}); err != nil {
		return nil, err
	}

	var bodies []any
	for _, rt := range a.Routes() {
		path := ginParam.ReplaceAllString(rt.Path, "{$1}")
		op := &openapi3.Operation{
			Tags:        []string{rt.Doc.Tag},
			Summary:     rt.Doc.Summary,
			OperationID: operationID(rt.Method, rt.Path),
			Responses:   openapi3.NewResponses(),
		}
		if rt.Role != public {
			op.Security = &openapi3.SecurityRequirements{{"token": []string{}}}
			op.Description = "Needs the " + rt.Role + " role (viewer < editor < admin)."
		} else {
			op.Security = &openapi3.SecurityRequirements{} // public: no sign-in, said outright
			op.Description = "Public: needs no token."
		}
		if rt.Doc.Description != "" {
			op.Description = strings.TrimSpace(rt.Doc.Description + " " + op.Description)
		}
		for _, m := range ginParam.FindAllStringSubmatch(rt.Path, -1) {
			typ := "integer"
			if m[1] != "id" && m[1] != "change_id" {
				typ = "string"
			}
			op.AddParameter(openapi3.NewPathParameter(m[1]).WithSchema(&openapi3.Schema{Type: &openapi3.Types{typ}}))
		}
		for _, q := range rt.Doc.Query {
			op.AddParameter(openapi3.NewQueryParameter(q.Name).WithDescription(q.Description).
				WithSchema(&openapi3.Schema{Type: &openapi3.Types{q.Type}}))
		}
		if rt.Doc.IfMatch {
			op.AddParameter(&openapi3.Parameter{In: "header", Name: "If-Match", Description: "The ETag the change is based on, or a list of them, or *; compared strongly (RFC 9110): a weak W/ tag never matches; 412 when none is current, 400 when the header is not an entity-tag list",
				Schema: openapi3.NewStringSchema().WithPattern(ifMatchPattern).NewRef()})
		}
		if rt.Doc.Body != nil {
			bodies = append(bodies, rt.Doc.Body)
			ref, err := schemaOf(rt.Doc.Body)
			if err != nil {
				return nil, err
			}
			body := openapi3.NewRequestBody().WithRequired(true).WithJSONSchemaRef(ref)
			if rt.Doc.MergePatch {
				body.Content[MergePatchType] = openapi3.NewMediaType().WithSchemaRef(ref)
			}
			op.RequestBody = &openapi3.RequestBodyRef{Value: body}
		}
		status := rt.Doc.Status
		if rt.Doc.File != "" {
			binary := openapi3.NewStringSchema().WithFormat("binary")
			op.AddResponse(http.StatusOK, openapi3.NewResponse().WithDescription(http.StatusText(http.StatusOK)).
				WithContent(openapi3.NewContentWithSchema(binary, []string{rt.Doc.File})))
		} else if rt.Doc.Response == nil {
			status = http.StatusNoContent
			op.AddResponse(status, openapi3.NewResponse().WithDescription("Done"))
		} else {
			if status == 0 {
				status = http.StatusOK
			}
			ref, err := schemaOf(rt.Doc.Response)
			if err != nil {
				return nil, err
			}
			resp := openapi3.NewResponse().WithDescription(http.StatusText(status)).WithJSONSchemaRef(ref)
			if rt.Doc.ETag || rt.Doc.IfMatch || status == http.StatusCreated {
				resp.Headers = openapi3.Headers{"ETag": &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
					Description: "The resource's version", Schema: openapi3.NewStringSchema().NewRef()}}}}
			}
			op.AddResponse(status, resp)
			if rt.Doc.Unavailable {
				op.AddResponse(http.StatusServiceUnavailable, openapi3.NewResponse().
					WithDescription(http.StatusText(http.StatusServiceUnavailable)).WithJSONSchemaRef(ref))
			}
		}
		for _, code := range problemCodes(rt) {
			op.AddResponse(code, openapi3.NewResponse().WithDescription(http.StatusText(code)).
				WithContent(openapi3.NewContentWithSchemaRef(openapi3.NewSchemaRef("#/components/schemas/Problem", nil), []string{ProblemContentType})))
		}
		doc.AddOperation(path, rt.Method, op)
		if rt.Method == http.MethodGet {
			// Every GET answers HEAD: the same answer without its body.
			head := *op
			head.OperationID = operationID(http.MethodHead, rt.Path)
			head.Summary = rt.Doc.Summary + " (headers only)"
			head.Responses = headResponses(op.Responses)
			doc.AddOperation(path, http.MethodHead, &head)
		}
	}
	describeRequests(doc.Components.Schemas, bodies)
	describeComparisons(doc.Components.Schemas)
	describeParse(doc.Components.Schemas)
	describeParsePath(doc)
	return doc, nil
}

// ifMatchPattern is what ifMatch (etag.go) takes: "*", or a list of
// entity-tags, each quoted, W/ before a weak one, its characters etagc
// (RFC 9110 §8.8.3: no space, quote or control character).
const ifMatchPattern = `^(\*|(W/)?"[^"\x00-\x20\x7f]*"([ \t]*,[ \t]*(W/)?"[^"\x00-\x20\x7f]*")*)$`

// headResponses are a GET's responses as HEAD answers them: the same
// statuses and headers, without content (RFC 9110 §9.3.2).
func headResponses(get *openapi3.Responses) *openapi3.Responses {
	out := openapi3.NewResponses()
	for code, r := range get.Map() {
		if r.Value == nil {
			continue
		}
		head := *r.Value
		head.Content = nil
		out.Set(code, &openapi3.ResponseRef{Value: &head})
	}
	return out
}

// namesDrafts are the query parameters that name drafts by id: a route
// taking one answers 404 when the draft does not exist.
var namesDrafts = map[string]bool{"from": true, "to": true, "drafts": true}

// problemCodes lists the error statuses a route can answer.
func problemCodes(rt Route) []int {
	if rt.Doc.NoProblems {
		if rt.Role == public {
			return []int{http.StatusTooManyRequests} // limitPublic's
		}
		return nil
	}
	codes := map[int]bool{http.StatusBadRequest: true}
	if rt.Role == public || rt.Doc.TooMany {
		codes[http.StatusTooManyRequests] = true
	}
	if rt.Role != public {
		codes[http.StatusUnauthorized] = true
		codes[http.StatusForbidden] = true
	}
	if strings.Contains(rt.Path, ":") {
		codes[http.StatusNotFound] = true
	}
	for _, q := range rt.Doc.Query {
		if namesDrafts[q.Name] {
			codes[http.StatusNotFound] = true // a draft named in the query that does not exist
		}
	}
	if rt.Doc.NotFound {
		codes[http.StatusNotFound] = true
	}
	if rt.Method != http.MethodGet {
		// Every write can meet a database that cannot take it.
		codes[http.StatusServiceUnavailable] = true  // read-only
		codes[http.StatusInsufficientStorage] = true // disk full
	}
	if rt.Method == http.MethodDelete || rt.Method == http.MethodPost {
		// Deletes: still referred to, or the last admin; actions without a
		// body (undo, restore, fork): the state they act on has moved on.
		codes[http.StatusConflict] = true
	}
	if rt.Doc.Body != nil {
		codes[http.StatusRequestEntityTooLarge] = true
		codes[http.StatusConflict] = true
	}
	if rt.Doc.IfMatch {
		codes[http.StatusPreconditionFailed] = true
		codes[http.StatusConflict] = true
		codes[http.StatusBadRequest] = true
	}
	out := make([]int, 0, len(codes))
	for c := range codes {
		out = append(out, c)
	}
	sort.Ints(out)
	return out
}

func operationID(method, path string) string {
	parts := []string{strings.ToLower(method)}
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/api/v1"), "/") {
		if seg == "" {
			continue
		}
		if strings.HasPrefix(seg, ":") {
			seg = "by-" + seg[1:]
		}
		parts = append(parts, strings.ReplaceAll(seg, ".", "-"))
	}
	return strings.Join(parts, "-")
}

// rawJSONAsObject documents json.RawMessage fields (a provision's terms,
// a change's before and after) as free-form JSON objects, not byte arrays.
func rawJSONAsObject(name string, t reflect.Type, tag reflect.StructTag, schema *openapi3.Schema) error {
	if t.String() == "json.RawMessage" && tag.Get("openapi") == "any" {
		// A type beside nullable (Redocly's nullable-type-sibling): each
		// kind of value an alternative, null one of them (nullableRef).
		*schema = openapi3.Schema{Description: "Any JSON value (a position's value: a number, string, boolean or list, as its term and operator want); null: none"}
		for _, typ := range []string{openapi3.TypeNumber, openapi3.TypeString, openapi3.TypeBoolean} {
			schema.AnyOf = append(schema.AnyOf, openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{typ}}))
		}
		schema.AnyOf = append(schema.AnyOf, openapi3.NewArraySchema().WithItems(&openapi3.Schema{}).NewRef())
		schema.AnyOf = append(schema.AnyOf, openapi3.NewSchemaRef("", nullSchema()))
		return nil
	}
	if t.String() == "json.RawMessage" {
		*schema = *openapi3.NewObjectSchema()
		schema.Description = "A JSON object; for terms, the fields of the provision's kind (GET /api/v1/kinds)"
		schema.Nullable = true
	}
	return nil
}
