package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"plantracker/models"
)

// The request schemas say what the validator enforces. For every
// operation with a request body, a client that reads only the served
// document builds the smallest body it allows (required fields only, each
// from its example, else its enumeration's first value, else the least
// its type and bounds allow; a reference from the list x-refers-to names)
// and sends it: the server takes it, or refuses it only for a reason the
// document names for the operation and that is not the body's fault (404,
// 409, 412). And leaving out any one required field is refused (400): the
// document requires nothing the server does not. New routes are covered
// as they are added: the test walks the document, not a list of routes.
func TestOpenAPIRequestBodiesAreAccepted(t *testing.T) {
	doc := servedDocument(t)
	type operation struct {
		method, path string
		op           *openapi3.Operation
	}
	var ops []operation
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				ops = append(ops, operation{method, path, op})
			}
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].path+ops[i].method < ops[j].path+ops[j].method })
	if len(ops) < 15 {
		t.Fatalf("only %d operations with a request body", len(ops))
	}
	for _, o := range ops {
		t.Run(o.method+" "+o.path, func(t *testing.T) {
			ts := newTestServer(t, sqlite)
			ts.as = "ada" // the admin may call every route
			schema := o.op.RequestBody.Value.Content.Get("application/json").Schema.Value
			body := minimalValue(t, ts, schema, "body")
			if err := schema.VisitJSON(body, openapi3.MultiErrors()); err != nil {
				t.Fatalf("the body built is not valid by the document: %v", err)
			}
			raw, _ := json.Marshal(body)
			url := resolvePath(t, ts, o.path)
			w := ts.do(o.method, url, string(raw))
			documented := func(code int) bool { return o.op.Responses.Status(code) != nil }
			switch {
			case w.Code >= 200 && w.Code < 300:
			case (w.Code == http.StatusConflict || w.Code == http.StatusNotFound || w.Code == http.StatusPreconditionFailed) && documented(w.Code):
				t.Logf("%s %s %s → %d (documented): %.300s", o.method, url, raw, w.Code, w.Body)
			default:
				t.Fatalf("%s %s %s → %d: %s", o.method, url, raw, w.Code, w.Body)
			}
			// Each required field, left out, is refused.
			obj, ok := body.(map[string]any)
			if !ok {
				return
			}
			for _, name := range schema.Required {
				ts := newTestServer(t, sqlite)
				ts.as = "ada"
				less := map[string]any{}
				for k, v := range obj {
					if k != name {
						less[k] = v
					}
				}
				raw, _ := json.Marshal(less)
				if w := ts.do(o.method, url, string(raw)); w.Code != http.StatusBadRequest {
					t.Errorf("without %s (required by the document): %s → %d, not 400: %.300s", name, raw, w.Code, w.Body)
				}
			}
		})
	}
}

// servedDocument is the document as a client reads it, references resolved.
func servedDocument(t *testing.T) *openapi3.T {
	t.Helper()
	return documentServedBy(t, newTestServer(t, sqlite))
}

// documentServedBy is the document ts serves, as a client reads it.
func documentServedBy(t *testing.T, ts *testServer) *openapi3.T {
	t.Helper()
	w := ts.do("GET", "/api/v1/openapi.json", "")
	if w.Code != 200 {
		t.Fatalf("openapi.json: %d", w.Code)
	}
	doc, err := openapi3.NewLoader().LoadFromData(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// pathIDs are the seeded resources a path's parameter names, by the
// collection before it; others are the first of the collection's list.
var pathIDs = map[string]func() string{
	"plans":      func() string { return strconv.FormatInt(seeded.USPlan, 10) },
	"drafts":     func() string { return strconv.FormatInt(seeded.Draft20, 10) },
	"provisions": func() string { return strconv.FormatInt(seeded.TroopCap28, 10) },
	"parties":    func() string { return strconv.FormatInt(seeded.PartyFI, 10) },
	"users":      func() string { return "vera" },
}

// pathLists are the lists of the collections that have none of their own
// (a draft's stances are listed under the draft).
var pathLists = map[string]func() string{
	"draft-stances": func() string { return "/api/v1/drafts/" + strconv.FormatInt(seeded.E3, 10) + "/stances" },
}

var pathParam = regexp.MustCompile(`\{[a-z_]+\}`)

// resolvePath fills in a documented path's parameters.
func resolvePath(t *testing.T, ts *testServer, path string) string {
	t.Helper()
	segments := strings.Split(path, "/")
	for i, seg := range segments {
		if !pathParam.MatchString(seg) {
			continue
		}
		collection := segments[i-1]
		if seg == "{key}" {
			segments[i] = "troop-cap" // a provision key of the seed
			continue
		}
		if seg == "{party}" {
			segments[i] = "UA"
			continue
		}
		if id, ok := pathIDs[collection]; ok {
			segments[i] = id()
			continue
		}
		list := strings.Join(segments[:i], "/")
		if l, ok := pathLists[collection]; ok {
			list = l()
		}
		items := listItems(t, ts, list)
		if len(items) == 0 {
			t.Fatalf("%s: no %s to name (add it to pathIDs)", path, collection)
		}
		for _, field := range []string{"id", "name", "key"} {
			if v, ok := items[0][field]; ok {
				segments[i] = fmt.Sprint(v)
				break
			}
		}
	}
	return strings.Join(segments, "/")
}

func listItems(t *testing.T, ts *testServer, url string) []map[string]any {
	t.Helper()
	w := ts.do("GET", url, "")
	if w.Code != 200 {
		t.Fatalf("GET %s: %d %s", url, w.Code, w.Body)
	}
	var list struct{ Items []map[string]any }
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return list.Items
}

// minimalValue is the smallest value schema allows, as a client reading
// the document alone would build it.
func minimalValue(t *testing.T, ts *testServer, s *openapi3.Schema, at string) any {
	t.Helper()
	if ref, ok := s.Extensions["x-refers-to"].(map[string]any); ok {
		items := listItems(t, ts, ref["list"].(string))
		if len(items) == 0 {
			t.Fatalf("%s refers to %s, which is empty", at, ref["list"])
		}
		v := items[0][ref["field"].(string)]
		if s.Type.Is(openapi3.TypeArray) {
			return []any{v}[:s.MinItems]
		}
		return v
	}
	if len(s.AnyOf) > 0 && len(s.Properties) == 0 {
		return minimalValue(t, ts, s.AnyOf[0].Value, at) // a nullable reference
	}
	if s.Example != nil {
		return s.Example
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	switch {
	case s.Type.Is(openapi3.TypeString):
		if s.Format == "date" {
			return "2025-11-20"
		}
		v := strings.Repeat("x", int(max(s.MinLength, 1)))
		if s.Pattern != "" && !regexp.MustCompile(s.Pattern).MatchString(v) {
			t.Fatalf("%s has a pattern (%s) but no example to start from", at, s.Pattern)
		}
		return v
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		if s.Min != nil {
			return *s.Min
		}
		return 1
	case s.Type.Is(openapi3.TypeBoolean):
		return false
	case s.Type.Is(openapi3.TypeArray):
		if s.MinItems > 1 && s.UniqueItems {
			t.Fatalf("%s: %d unique items needed; the test cannot make them", at, s.MinItems)
		}
		out := []any{}
		for i := uint64(0); i < s.MinItems; i++ {
			out = append(out, minimalValue(t, ts, s.Items.Value, fmt.Sprintf("%s[%d]", at, i)))
		}
		return out
	default: // an object
		out := map[string]any{}
		required := slices.Clone(s.Required)
		// Of alternative sets of fields, the first.
		if len(s.OneOf) > 0 {
			required = append(required, s.OneOf[0].Value.Required...)
		}
		if len(s.AnyOf) > 0 {
			required = append(required, s.AnyOf[0].Value.Required...)
		}
		for _, name := range required {
			p := s.Properties[name]
			if p == nil || p.Value == nil {
				t.Fatalf("%s requires %s, which it does not describe", at, name)
			}
			out[name] = minimalValue(t, ts, p.Value, at+"."+name)
		}
		return out
	}
}

// HEAD answers have no content, and the document says so.
func TestOpenAPIHeadOperationsHaveNoBody(t *testing.T) {
	doc := servedDocument(t)
	n := 0
	for path, item := range doc.Paths.Map() {
		if item.Head == nil {
			continue
		}
		n++
		for code, r := range item.Head.Responses.Map() {
			if r.Value != nil && len(r.Value.Content) > 0 {
				t.Errorf("HEAD %s documents content for %s", path, code)
			}
		}
		if item.Get == nil || len(item.Head.Responses.Map()) != len(item.Get.Responses.Map()) {
			t.Errorf("HEAD %s does not answer as its GET does", path)
		}
	}
	if n < 20 {
		t.Errorf("only %d HEAD operations", n)
	}
}

// If-Match has the pattern of an entity-tag list, and the pattern takes
// what the server takes (ifMatch, parseETags) and refuses what it refuses.
func TestOpenAPIIfMatchHasAPattern(t *testing.T) {
	doc := servedDocument(t)
	n := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			p := op.Parameters.GetByInAndName("header", "If-Match")
			if p == nil {
				continue
			}
			n++
			s := p.Schema.Value
			if s.Pattern == "" {
				t.Errorf("%s %s: If-Match has no pattern", method, path)
				continue
			}
			re := regexp.MustCompile(s.Pattern)
			for _, h := range []string{`"3"`, `W/"3"`, `*`, `"3", "2"`, `"3",W/"x"`, `""`, `"é"`,
				`3`, `'3'`, `"3`, "\"a\x01\"", `"a b"`, `*, "3"`, `W/3`, `"3" "2"`, "\"3\"\x00"} {
				_, valid := parseETags(h)
				valid = valid || h == "*"
				if got := re.MatchString(h); got != valid {
					t.Errorf("%s %s: the pattern says %v for If-Match %q; the server, %v", method, path, got, h, valid)
				}
				if err := s.VisitJSON(h); (err == nil) != valid {
					t.Errorf("%s %s: the schema says %v for If-Match %q; the server, %v", method, path, err, h, valid)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no operation takes If-Match")
	}
}

// Every GET of the document, on the seeded data, answers as the document
// says (checkContract, in ts.do): the rules the request schemas carry
// also hold for the components answers share with requests (citations,
// party links).
func TestContractEveryGet(t *testing.T) {
	doc := servedDocument(t)
	ts := newTestServer(t, sqlite)
	ts.as = "ada"
	var paths []string
	for path, item := range doc.Paths.Map() {
		if item.Get != nil && item.Get.Responses.Status(200) != nil {
			paths = append(paths, path)
		}
	}
	sort.Strings(paths)
	for _, path := range paths {
		url := resolvePath(t, ts, path)
		// Reports of two drafts: the 28 points and the 20, whose rows
		// include keys one of them lacks (from or to null).
		query := []string{}
		for _, p := range doc.Paths.Find(path).Get.Parameters {
			switch name := p.Value.Name; {
			case p.Value.In != "query":
			case name == "from":
				query = append(query, fmt.Sprintf("from=%d", seeded.Draft28))
			case name == "to":
				query = append(query, fmt.Sprintf("to=%d", seeded.Draft20))
			case name == "drafts":
				query = append(query, fmt.Sprintf("drafts=%d,%d", seeded.Draft28, seeded.Draft20))
			}
		}
		if len(query) > 0 && !strings.HasSuffix(path, "/events") {
			url += "?" + strings.Join(query, "&")
		}
		w := ts.do("GET", url, "")
		t.Logf("GET %s → %d", url, w.Code)
		if w.Code >= 500 {
			t.Errorf("GET %s: %d %.300s", url, w.Code, w.Body)
		}
	}
}

// The text patterns agree with models.TextProblem, which every string of
// every entity passes before it is written.
func TestOpenAPITextPatternIsTextProblem(t *testing.T) {
	text, required := regexp.MustCompile(textPattern), regexp.MustCompile(requiredTextPattern)
	for _, s := range []string{"", "a", "tab\there", "lines\r\nand\n", "bell\a", "nul\x00", "esc\x1b[0m", "del\x7f", "é ü", "\x0b", "\x1f"} {
		if got, want := text.MatchString(s), models.TextProblem(s) == ""; got != want {
			t.Errorf("textPattern says %v for %q; TextProblem, %v", got, s, want)
		}
		if got, want := required.MatchString(s), models.TextProblem(s) == "" && strings.TrimSpace(s) != ""; got != want {
			t.Errorf("requiredTextPattern says %v for %q; TextProblem and trimming, %v", got, s, want)
		}
	}
}

// Rules between fields that code checks (a stance other than unknown
// names its source; a position's operator and value come with a term) are
// in the document too, and document and server agree.
func TestOpenAPIRulesBetweenFields(t *testing.T) {
	doc := servedDocument(t)
	schema := doc.Components.Schemas["ProvisionParty"].Value
	ts := newTestServer(t, sqlite)
	source := listItems(t, ts, "/api/v1/sources")[0]["key"]
	url := fmt.Sprintf("/api/v1/provisions/%d/parties", seeded.TroopCap28)
	for _, body := range []map[string]any{
		{"party": "UA", "role": "signatory", "stance": "supports"},
		{"party": "UA", "role": "signatory", "stance": "supports", "stance_sources": []any{}},
		{"party": "UA", "role": "signatory", "stance": "supports", "stance_sources": []any{map[string]any{"source": source, "sourcing": "reported"}}},
		{"party": "UA", "role": "signatory", "stance": "unknown"},
		{"party": "UA", "role": "signatory"},
	} {
		raw, _ := json.Marshal(body)
		valid := schema.VisitJSON(body) == nil
		w := ts.do("POST", url, string(raw))
		if taken := w.Code < 300; taken != valid {
			t.Errorf("%s: the document says valid %v; the server answers %d %.200s", raw, valid, w.Code, w.Body)
		}
	}
	position := doc.Components.Schemas["PositionInput"].Value
	cite := []any{map[string]any{"source": source, "sourcing": "reported"}}
	for _, body := range []map[string]any{
		{"words": "x"},
		{"words": "x", "op": ">="},
		{"words": "x", "value": 3},
		{"term": "limit", "op": "<=", "value": 600000},
		{"words": "x", "term": "limit", "op": "<=", "value": 600000},
	} {
		for k, v := range map[string]any{"party": "UA", "key": "troop-cap", "kind": "troop_cap", "date": "2025-11-20", "sources": cite} {
			body[k] = v
		}
		raw, _ := json.Marshal(body)
		valid := position.VisitJSON(body) == nil
		w := ts.do("POST", "/api/v1/positions", string(raw))
		if taken := w.Code < 300; taken != valid {
			t.Errorf("%s: the document says valid %v; the server answers %d %.200s", raw, valid, w.Code, w.Body)
		}
	}
}
