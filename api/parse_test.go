package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/models/parse"
	"plantracker/models/parse/parsetest"
	"plantracker/models/report"
	"plantracker/store"
)

// the28 is a text of the 28-point draft, written for the tests from its
// reporting (models/parse/parsetest).
var the28 = parsetest.Text("us-28-points.txt")

func parseBody(t *testing.T, text string, base int64) string {
	t.Helper()
	b, err := json.Marshal(parse.Input{Text: text, BaseDraft: base})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parse28 reads the 28 points' text against the seeded draft through the
// API.
func parse28(t *testing.T, ts *testServer) parse.Result {
	t.Helper()
	w := ts.do("POST", "/api/v1/parse", parseBody(t, the28, seeded.Draft28))
	if w.Code != 200 {
		t.Fatalf("parse: %d %s", w.Code, w.Body)
	}
	return decode[parse.Result](t, w)
}

// reviewedDraft is the draft an analyst makes of a reading: every point
// whose terms the text states in full, cited to the test source; what the
// text does not state, the analyst fills in, and here it is left out.
func reviewedDraft(res parse.Result) models.DraftInput {
	in := models.DraftInput{Label: "28 points, from its text", Date: "2025-11-21", Coverage: "complete"}
	for _, p := range res.Points {
		if k, _ := models.KindByName(p.Kind); !termsComplete(k, p) {
			continue
		}
		in.Provisions = append(in.Provisions, models.ProvisionInput{Key: p.Key, Point: p.Point, Kind: p.Kind, Category: p.Category,
			Title: p.Title, Text: p.Text, Terms: p.Terms, Sourcing: "reported",
			Sources: []models.Citation{{Source: "test-source", Sourcing: "reported", Locator: "point " + p.Point}}})
	}
	return in
}

// createReviewedDraft creates in, with its provisions, on the US plan.
func createReviewedDraft(t *testing.T, ts *testServer, in models.DraftInput) models.Draft {
	t.Helper()
	body, _ := json.Marshal(in)
	w := ts.do("POST", url("/api/v1/plans/%d/drafts", seeded.USPlan), string(body))
	if w.Code != 201 {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	return decode[models.Draft](t, w)
}

func TestParse(t *testing.T) {
	text := the28
	runScenarios(t, []scenario{
		{name: "the 28 points against the seeded draft", method: "POST", url: "/api/v1/parse", body: parseBody(t, text, seeded.Draft28), wantStatus: 200,
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				res := decode[parse.Result](t, w)
				byPoint := map[string]parse.Point{}
				for _, p := range res.Points {
					byPoint[p.Point] = p
				}
				cap := byPoint["6"]
				terms := models.TermValues(cap.Terms)
				if cap.Kind != "troop_cap" || string(terms["limit"]) != "600000" || string(terms["party"]) != `"UA"` {
					t.Errorf("point 6: %s %s", cap.Kind, cap.Terms)
				}
				if cap.Key != "troop-cap" || cap.BaseProvision == nil || cap.BaseProvision.ID != seeded.TroopCap28 {
					t.Errorf("point 6 matched %s %+v, want troop-cap (%d)", cap.Key, cap.BaseProvision, seeded.TroopCap28)
				}
				if n := cap.TermNotes["limit"]; n.Evidence != "600,000 personnel" || n.Confidence < 0.8 {
					t.Errorf("limit's note %+v", n)
				}
				if v := models.TermValues(byPoint["25"].Terms)["within_days"]; byPoint["25"].Kind != "elections" || string(v) != "100" {
					t.Errorf("point 25: %s %s", byPoint["25"].Kind, byPoint["25"].Terms)
				}
				if v := models.TermValues(byPoint["14"].Terms)["amount_usd_bn"]; byPoint["14"].Kind != "assets" || string(v) != "100" {
					t.Errorf("point 14: %s %s", byPoint["14"].Kind, byPoint["14"].Terms)
				}
				if len(res.Points) < 28 {
					t.Errorf("%d points", len(res.Points))
				}
			}},
		{name: "without a base", method: "POST", url: "/api/v1/parse", body: `{"text":"1. Ukraine holds elections within 100 days."}`, wantStatus: 200,
			wantContain: []string{`"kind":"elections"`, `"key":"elections"`, `"base_provision":null`, `"within_days":100`}},
		{name: "no numbered points", method: "POST", url: "/api/v1/parse", body: `{"text":"Nothing numbered here."}`, wantStatus: 200,
			wantContain: []string{`"points":[]`, "no numbered points"}},
		{name: "no text", method: "POST", url: "/api/v1/parse", body: `{"text":"  "}`, wantStatus: 400, wantFields: []string{"text"}},
		{name: "a base that does not exist", method: "POST", url: "/api/v1/parse", body: `{"text":"1. A point.","base_draft":999}`, wantStatus: 400, wantFields: []string{"base_draft"}},
		{name: "an unknown field", method: "POST", url: "/api/v1/parse", body: `{"txt":"1. A point."}`, wantStatus: 400, wantFields: []string{"txt"}},
		{name: "a field given twice", method: "POST", url: "/api/v1/parse", body: `{"text":"1. A point.","text":"2. Another."}`, wantStatus: 400, wantFields: []string{"text"}},
		{name: "a control character", method: "POST", url: "/api/v1/parse", body: `{"text":"1. A point.\u0007"}`, wantStatus: 400, wantFields: []string{"text"}},
		{name: "a viewer may not", method: "POST", url: "/api/v1/parse", body: `{"text":"1. A point."}`, as: "vera", wantStatus: 403},
		{name: "more points than a text may have", method: "POST", url: "/api/v1/parse", body: parseBody(t, strings.Repeat("1.\n", parse.MaxPoints+1), 0),
			wantStatus: 422, wantFields: []string{"text"}, wantContain: []string{"more than 2000 points"}},
	})
}

// TestParseOutOfTime: a reading stopped by its deadline is 503 with
// Retry-After, not a hung worker or a 500; one stopped because the client
// went is not answered.
func TestParseOutOfTime(t *testing.T) {
	gin.SetMode(gin.TestMode)
	// answer is failParse's answer to err, for a request whose context is ctx.
	answer := func(ctx context.Context, err error) (*httptest.ResponseRecorder, *gin.Context) {
		w := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(w)
		c.Request = httptest.NewRequest("POST", "/api/v1/parse", nil).WithContext(ctx)
		failParse(c, err)
		return w, c
	}
	w, _ := answer(context.Background(), &parse.StoppedError{Phase: "reading points", Done: 10, Of: 2000, Err: context.DeadlineExceeded})
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || w.Header().Get("Content-Type") != ProblemContentType {
		t.Errorf("deadline: %d, Retry-After %q, %s", w.Code, w.Header().Get("Retry-After"), w.Header().Get("Content-Type"))
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, c := answer(ctx, &parse.StoppedError{Phase: "reading points", Err: context.Canceled})
	if c.Writer.Status() == 500 || c.Writer.Status() == 503 {
		t.Errorf("client gone: %d, want no answer (499)", c.Writer.Status())
	}
}

// Parsing saves nothing; creating the reviewed draft is one request, and
// the new draft compares with its base by key at once.
func TestParseThenCreateDraft(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		before := snapshot(t, ts.store)
		res := parse28(t, ts)
		if after := snapshot(t, ts.store); after != before {
			t.Fatalf("parsing wrote: %s → %s", before, after)
		}
		in := reviewedDraft(res)
		draft := createReviewedDraft(t, ts, in)
		list := decode[provisionPage](t, ts.do("GET", url("/api/v1/drafts/%d/provisions?limit=500", draft.ID), ""))
		if len(list.Items) != len(in.Provisions) || len(list.Items) < 20 {
			t.Fatalf("%d provisions saved of %d", len(list.Items), len(in.Provisions))
		}
		changes := decode[List[models.Change]](t, ts.do("GET", url("/api/v1/changes?entity=provision&limit=500"), ""))
		created := 0
		for _, c := range changes.Items {
			if c.Action == "create" && c.Actor == "ed" {
				created++
			}
		}
		if created != len(in.Provisions) {
			t.Errorf("%d provisions recorded as created, want %d", created, len(in.Provisions))
		}
		cmp := decode[report.Comparison](t, ts.do("GET", url("/api/v1/compare?from=%d&to=%d", seeded.Draft28, draft.ID), ""))
		for _, r := range cmp.Rows {
			if r.Key == "troop-cap" && r.Status != report.StatusUnchanged && r.Status != report.StatusChanged {
				t.Errorf("troop-cap compares as %s", r.Status)
			}
		}
	})
}

// A refused provision refuses the draft: nothing is written, and the error
// names the provision by its place.
func TestCreateDraftWithProvisionsRefused(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "a bad provision", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"From text","provisions":[` +
				`{"key":"troop-cap","kind":"troop_cap","title":"Cap","terms":{"party":"UA","limit":600000},"sourcing":"reported","sources":` + testCites + `},` +
				`{"key":"navy-cap","kind":"troop_cap","title":"Navy","terms":{"party":"UA","limit":-5},"sourcing":"reported","sources":` + testCites + `}]}`,
			wantStatus: 400, wantFields: []string{"provisions[1].terms.limit"}},
		{name: "two provisions with one key", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"From text","provisions":[` +
				`{"key":"cap","kind":"troop_cap","title":"Cap","terms":{"party":"UA","limit":1},"sourcing":"reported","sources":` + testCites + `},` +
				`{"key":"cap","kind":"troop_cap","title":"Cap","terms":{"party":"UA","limit":2},"sourcing":"reported","sources":` + testCites + `}]}`,
			wantStatus: 400, wantFields: []string{"provisions[1].key"}},
		{name: "a source that does not exist", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body:       `{"label":"From text","provisions":[{"key":"cap","kind":"troop_cap","title":"Cap","terms":{"party":"UA","limit":1},"sourcing":"reported","sources":[{"source":"nowhere","sourcing":"reported"}]}]}`,
			wantStatus: 400, wantFields: []string{"provisions[0].sources[0].source"}},
		{name: "a draft with its provisions", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body:       `{"label":"From text","provisions":[{"key":"cap","kind":"troop_cap","title":"Cap","terms":{"party":"UA","limit":1},"sourcing":"reported","sources":` + testCites + `}]}`,
			wantStatus: 201, wantContain: []string{`"label":"From text"`}},
	})
}

// termsComplete: every required term of the kind is stated.
func termsComplete(k *models.Kind, p parse.Point) bool {
	values := models.TermValues(p.Terms)
	for _, f := range k.Fields {
		if _, ok := values[f.Name]; f.Required && !ok {
			return false
		}
	}
	return true
}

// The OpenAPI document describes reading a text and creating a draft with
// its provisions, and says exactly what POST /parse answers: every answer
// validates against the schema (types, required fields, the nullable base
// provision, confidences from 0 to 1), and has no property the schema does
// not declare.
func TestOpenAPIDescribesParse(t *testing.T) {
	ts := newTestServer(t, sqlite)
	doc, err := openapi3.NewLoader().LoadFromData(ts.do("GET", "/api/v1/openapi.json", "").Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Paths.Find("/api/v1/parse")
	if op == nil || op.Post == nil {
		t.Fatal("POST /api/v1/parse is not described")
	}
	// The parser's bounds: 422 for too many points, 503 with Retry-After.
	if r := op.Post.Responses.Status(422); r == nil || r.Value.Content.Get(ProblemContentType) == nil {
		t.Error("POST /parse does not describe its 422 (a text of too many points)")
	}
	if r := op.Post.Responses.Status(503); r == nil || r.Value.Headers["Retry-After"] == nil {
		t.Error("POST /parse's 503 does not say Retry-After")
	}
	for schema, props := range map[string][]string{
		"ParseInput":  {"text", "base_draft"},
		"ParsedPoint": {"point", "title", "text", "kind", "category", "terms", "term_notes", "key", "base_provision", "confidence", "notes"},
		"DraftInput":  {"provisions"},
	} {
		for _, p := range props {
			if s := doc.Components.Schemas[schema]; s == nil || s.Value.Properties[p] == nil {
				t.Errorf("schema %s lacks %s", schema, p)
			}
		}
	}
	answer := op.Post.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
	for _, body := range []string{
		parseBody(t, the28, seeded.Draft28), // matched points: base_provision set
		parseBody(t, the28, 0),              // none matched: base_provision null
		`{"text":"Nothing numbered here."}`, // no points, a note
		`{"text":"1. Ukraine holds elections within 100 days.\n2. The army is capped."}`, // a missing term
	} {
		w := ts.do("POST", "/api/v1/parse", body)
		if w.Code != 200 {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		if err := answer.VisitJSON(v, openapi3.MultiErrors()); err != nil {
			t.Errorf("the answer to %.60s does not validate: %v", body, err)
		}
		undeclared(t, answer, v, "")
	}
	if p := doc.Components.Schemas["ParsedPoint"].Value.Properties["base_provision"].Value; p.VisitJSON(nil) != nil {
		t.Error("base_provision is not nullable")
	}
}

// undeclared fails for every property of v that schema does not declare
// (a free-form object, such as terms, declares none and holds any; allOf
// declares through its parts).
func undeclared(t *testing.T, schema *openapi3.Schema, v any, path string) {
	t.Helper()
	for _, ref := range append(append(openapi3.SchemaRefs{}, schema.AllOf...), schema.AnyOf...) {
		undeclared(t, ref.Value, v, path)
	}
	switch v := v.(type) {
	case map[string]any:
		for name, value := range v {
			switch p := schema.Properties[name]; {
			case p != nil:
				undeclared(t, p.Value, value, path+"."+name)
			case schema.AdditionalProperties.Schema != nil:
				undeclared(t, schema.AdditionalProperties.Schema.Value, value, path+"."+name)
			case len(schema.Properties) > 0:
				t.Errorf("%s.%s is sent but not in the schema", path, name)
			}
		}
	case []any:
		if schema.Items != nil {
			for i, item := range v {
				undeclared(t, schema.Items.Value, item, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
}
