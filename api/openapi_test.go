package api

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Every route the engine serves under the API is in the served OpenAPI
// document, with its method; and the document is valid OpenAPI 3.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	ts := newTestServer(t, sqlite) // the document does not depend on the database
	doc := documentServedBy(t, ts)
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the document is not valid OpenAPI: %v", err)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	engine := testEngine(ts.store)
	routes := engine.Routes()
	if len(routes) < 30 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	for _, r := range routes {
		path := param.ReplaceAllString(r.Path, "{$1}")
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is served but not in the OpenAPI document", r.Method, r.Path)
			continue
		}
		op := item.GetOperation(r.Method)
		if op.Summary == "" || op.Responses.Len() == 0 {
			t.Errorf("%s %s is described without a summary or responses", r.Method, r.Path)
		}
	}
	// And nothing is documented that is not served.
	served := map[string]bool{}
	for _, r := range routes {
		served[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !served[method+" "+path] {
				t.Errorf("%s %s is documented but not served", method, path)
			}
		}
	}
}

func TestOpenAPISchemasDescribeTerms(t *testing.T) {
	ts := newTestServer(t, sqlite) // the document does not depend on the database
	var doc map[string]any
	if err := json.Unmarshal(ts.do("GET", "/api/v1/openapi.json", "").Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(doc["components"])
	for _, want := range []string{`"Provision"`, `"Problem"`, `"terms":{"description"`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("components lack %s", want)
		}
	}
}

// The comparison's schemas say what partial drafts need: the statuses, the
// counts that keep not reported apart from removed, swapped, and from/to
// that are honestly nullable.
func TestOpenAPIDescribesComparisons(t *testing.T) {
	ts := newTestServer(t, sqlite) // the document does not depend on the database
	doc, err := openapi3.NewLoader().LoadFromData(ts.do("GET", "/api/v1/openapi.json", "").Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	schema := func(name string) *openapi3.Schema {
		ref := doc.Components.Schemas[name]
		if ref == nil || ref.Value == nil {
			t.Fatalf("no %s schema", name)
		}
		return ref.Value
	}
	row := schema("ComparisonRow")
	for _, side := range []string{"from", "to"} {
		p := row.Properties[side]
		if p == nil || p.Value == nil || len(p.Value.AnyOf) != 2 || p.Value.AnyOf[0].Ref != "#/components/schemas/ProvisionBrief" {
			t.Errorf("rows[].%s is not a nullable ProvisionBrief: %+v", side, p)
			continue
		}
		// Null is one of the alternatives, and nothing else is: strict
		// validators take anyOf as it is, without nullable's leniency.
		null := p.Value.AnyOf[1].Value
		if null.VisitJSON(nil) != nil || null.VisitJSON(map[string]any{}) == nil {
			t.Errorf("rows[].%s: the second alternative is not null alone: %+v", side, null)
		}
		if p.Value.VisitJSON(nil) != nil {
			t.Errorf("rows[].%s does not admit null", side)
		}
	}
	var statuses []string
	for _, v := range row.Properties["status"].Value.Enum {
		statuses = append(statuses, v.(string))
	}
	if strings.Join(statuses, ",") != "added,removed,changed,not_reported,unchanged" {
		t.Errorf("status enum %v", statuses)
	}
	for component, props := range map[string][]string{
		"Comparison":    {"swapped"},
		"Counts":        {"not_reported", "sourcing_only", "withdrawn"},
		"ComparisonRow": {"note", "sourcing_changes", "withdrawn"},
		"DraftRef":      {"coverage", "coverage_label"},
		"MatrixCell":    {"carried_from", "note", "sourcing_fields"},
		"MatrixCounts":  {"not_reported"},
		"Matrix":        {"compared_with"},
	} {
		s := schema(component)
		for _, p := range props {
			if s.Properties[p] == nil {
				t.Errorf("%s lacks %s", component, p)
			}
		}
	}
	if d := schema("Counts").Properties["not_reported"].Value.Description; !strings.Contains(d, "not removed") {
		t.Errorf("counts.not_reported is described as %q", d)
	}
}
