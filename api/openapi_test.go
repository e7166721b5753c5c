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
	w := ts.do("GET", "/api/v1/openapi.json", "")
	if w.Code != 200 {
		t.Fatalf("openapi.json: %d", w.Code)
	}
	doc, err := openapi3.NewLoader().LoadFromData(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
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
