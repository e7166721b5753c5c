package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

func TestParties(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "list", method: "GET", url: "/api/v1/parties", wantStatus: 200,
			wantContain: []string{`"short_name":"UA"`, `"short_name":"PEACE-COUNCIL"`, `"total":15`}},
		{name: "get", method: "GET", url: url("/api/v1/parties/%d", seeded.PartyUA), wantStatus: 200, wantContain: []string{`"name":"Ukraine"`}},
		{name: "get missing", method: "GET", url: "/api/v1/parties/9999", wantStatus: 404},
		{name: "get non-numeric id", method: "GET", url: "/api/v1/parties/abc", wantStatus: 404},
		{name: "create", method: "POST", url: "/api/v1/parties", body: `{"name":"Türkiye","short_name":"TR","type":"state"}`,
			wantStatus: 201, wantContain: []string{`"short_name":"TR"`, `"version":1`}},
		{name: "create invalid, every field", method: "POST", url: "/api/v1/parties", body: `{"name":"","short_name":"t_r","type":"empire"}`,
			wantStatus: 400, wantFields: []string{"name", "short_name", "type"}},
		{name: "create duplicate", method: "POST", url: "/api/v1/parties", body: `{"name":"Ukraine","short_name":"UA","type":"state"}`,
			wantStatus: 409, wantContain: []string{"UA already exists"}},
		{name: "create wrong type", method: "POST", url: "/api/v1/parties", body: `{"name":5,"short_name":"TR","type":"state"}`,
			wantStatus: 400, wantFields: []string{"name"}},
		{name: "patch", method: "PATCH", url: url("/api/v1/parties/%d", seeded.PartyFI), body: `{"name":"Republic of Finland"}`,
			headers: []string{"If-Match", `"1"`}, wantStatus: 200, wantContain: []string{`"name":"Republic of Finland"`, `"version":2`}},
		{name: "patch stale", method: "PATCH", url: url("/api/v1/parties/%d", seeded.PartyFI), body: `{"name":"X"}`,
			headers: []string{"If-Match", `"2"`}, wantStatus: 412},
		{name: "delete referenced", method: "DELETE", url: url("/api/v1/parties/%d", seeded.PartyUA), wantStatus: 409,
			wantContain: []string{"UA is still referenced"}},
		{name: "delete unreferenced", method: "POST", url: "/api/v1/parties", body: `{"name":"Türkiye","short_name":"TR","type":"state"}`, wantStatus: 201,
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				p := decode[models.Party](t, w)
				ts := serverOn(t, s)
				if r := ts.do("DELETE", url("/api/v1/parties/%d", p.ID), "", "If-Match", `"1"`); r.Code != 204 {
					t.Fatalf("delete: %d %s", r.Code, r.Body)
				}
				if r := ts.do("GET", url("/api/v1/parties/%d", p.ID), ""); r.Code != 404 {
					t.Fatalf("after delete: %d", r.Code)
				}
			}},
	})
}

func TestPlansAndDrafts(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "list plans", method: "GET", url: "/api/v1/plans", wantStatus: 200, wantContain: []string{"US peace framework", "European counter-proposal"}},
		{name: "get plan", method: "GET", url: url("/api/v1/plans/%d", seeded.USPlan), wantStatus: 200, wantContain: []string{`"origin":"US"`}},
		{name: "create plan", method: "POST", url: "/api/v1/plans", body: `{"title":"Istanbul communiqué","origin":"UA"}`, wantStatus: 201},
		{name: "create plan, unknown origin", method: "POST", url: "/api/v1/plans", body: `{"title":"X","origin":"ZZ"}`, wantStatus: 400, wantFields: []string{"origin"}},
		{name: "patch plan", method: "PATCH", url: url("/api/v1/plans/%d", seeded.USPlan), body: `{"description":"Revised."}`, wantStatus: 200,
			wantContain: []string{`"description":"Revised."`}},
		{name: "delete plan cascades", method: "DELETE", url: url("/api/v1/plans/%d", seeded.E3Plan), wantStatus: 204,
			check: func(t *testing.T, s *store.Store, _ *httptest.ResponseRecorder) {
				if _, err := s.Draft(context.Background(), seeded.E3); err == nil {
					t.Fatal("the plan's draft survived")
				}
			}},
		{name: "list drafts", method: "GET", url: url("/api/v1/plans/%d/drafts", seeded.USPlan), wantStatus: 200,
			wantContain: []string{"28-point draft", "Geneva revision", "20-point framework", `"total":3`}},
		{name: "list drafts of a missing plan", method: "GET", url: "/api/v1/plans/999/drafts", wantStatus: 404},
		{name: "create draft numbers it next", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"Miami draft","date":"2025-11-30","signatories":["UA","US"]}`, wantStatus: 201,
			wantContain: []string{`"number":4`, `"status":"working"`, `"signatories":["UA","US"]`}},
		{name: "create draft, bad fields", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"","date":"30/11/2025","status":"leaked","signatories":["UA","UA"]}`, wantStatus: 400,
			wantFields: []string{"label", "date", "status", "signatories"}},
		{name: "create draft, malformed signatory", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"X","signatories":["UA","ua"]}`, wantStatus: 400, wantFields: []string{"signatories[1]"}},
		{name: "create draft, unknown signatory", method: "POST", url: url("/api/v1/plans/%d/drafts", seeded.USPlan),
			body: `{"label":"X","signatories":["UA","QQ"]}`, wantStatus: 400, wantFields: []string{"signatories[1]"}},
		{name: "get draft", method: "GET", url: url("/api/v1/drafts/%d", seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"signatories":[]`, `"number":1`}},
		{name: "patch draft", method: "PATCH", url: url("/api/v1/drafts/%d", seeded.Draft28), body: `{"status":"rejected"}`,
			headers: []string{"If-Match", `"1"`}, wantStatus: 200, wantContain: []string{`"status":"rejected"`}},
		{name: "patch draft stale", method: "PATCH", url: url("/api/v1/drafts/%d", seeded.Draft28), body: `{"status":"rejected"}`,
			headers: []string{"If-Match", `"5"`}, wantStatus: 412},
		{name: "delete a draft others are forked from", method: "DELETE", url: url("/api/v1/drafts/%d", seeded.Draft28), wantStatus: 409,
			wantContain: []string{"Geneva revision", "forked from it"}},
		{name: "delete draft deletes its provisions", method: "DELETE", url: url("/api/v1/drafts/%d", seeded.Draft20), wantStatus: 204,
			check: func(t *testing.T, s *store.Store, _ *httptest.ResponseRecorder) {
				page, err := s.Provisions(context.Background(), store.ProvisionFilter{DraftID: seeded.Draft20})
				if err != nil || page.Total != 0 {
					t.Fatalf("provisions survived their draft: %d %v", page.Total, err)
				}
			}},
		{name: "fork", method: "POST", url: url("/api/v1/drafts/%d/fork", seeded.E3), body: `{"label":"E3 second edit","date":"2025-11-25"}`, wantStatus: 201,
			wantContain: []string{`"number":2`, url(`"forked_from":%d`, seeded.E3), `"label":"E3 second edit"`},
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				fork := decode[models.Draft](t, w)
				orig, _ := s.DraftProvisions(context.Background(), seeded.E3)
				copied, _ := s.DraftProvisions(context.Background(), fork.ID)
				if len(orig) == 0 || len(copied) != len(orig) {
					t.Fatalf("fork copied %d of %d provisions", len(copied), len(orig))
				}
			}},
		{name: "fork without a body", method: "POST", url: url("/api/v1/drafts/%d/fork", seeded.Draft20), wantStatus: 201,
			wantContain: []string{`"number":4`, `"label":"20-point framework"`}},
		{name: "fork a missing draft", method: "POST", url: "/api/v1/drafts/999/fork", wantStatus: 404},
	})
}

func TestProvisions(t *testing.T) {
	troopCap := `{"key":"troop-cap-2","point":"6","kind":"troop_cap","title":"Cap","sourcing":"reported","sources":` + testCites + `,"terms":{"party":"UA","limit":500000},"parties":[{"party":"UA","role":"obligor"}]}`
	runScenarios(t, []scenario{
		{name: "list a draft's provisions", method: "GET", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"key":"troop-cap"`, `"limit":600000`, `"key":"security-guarantee"`}},
		{name: "list provisions of a missing draft", method: "GET", url: "/api/v1/drafts/999/provisions", wantStatus: 404},
		{name: "get", method: "GET", url: url("/api/v1/provisions/%d", seeded.TroopCap28), wantStatus: 200,
			wantContain: []string{`"limit":600000`, `"sourcing":"reported"`, `"party":"UA","role":"obligor"`}},
		{name: "get missing", method: "GET", url: "/api/v1/provisions/99999", wantStatus: 404},
		{name: "create", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), body: troopCap, wantStatus: 201,
			wantContain: []string{`"category":"security"`, `"status":"proposed"`, `"stance":"unknown"`}},
		{name: "create with a negative limit", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, "500000", "-5", 1), wantStatus: 400, wantFields: []string{"terms.limit"}},
		{name: "create with limit as words", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, "500000", `"lots"`, 1), wantStatus: 400, wantFields: []string{"terms.limit"}},
		{name: "create with an unknown kind", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, `"troop_cap"`, `"teleport"`, 1), wantStatus: 400, wantFields: []string{"kind"}},
		{name: "create with a duplicate key", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, "troop-cap-2", "troop-cap", 1), wantStatus: 409, wantContain: []string{"key troop-cap"}},
		{name: "create in a missing draft", method: "POST", url: "/api/v1/drafts/999/provisions", body: troopCap, wantStatus: 404},
		{name: "create with an unknown field", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, `"title"`, `"titel":"x","title"`, 1), wantStatus: 400, wantFields: []string{"titel"}},
		{name: "create with parties of the wrong type", method: "POST", url: url("/api/v1/drafts/%d/provisions", seeded.Draft28),
			body: strings.Replace(troopCap, `[{"party":"UA","role":"obligor"}]`, `"UA"`, 1), wantStatus: 400, wantFields: []string{"parties"}},
		{name: "patch with If-Match", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			body: `{"terms":{"party":"UA","limit":800000}}`, headers: []string{"If-Match", `"1"`}, wantStatus: 200,
			wantContain: []string{`"limit":800000`, `"version":2`},
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				if w.Header().Get("ETag") != `"2"` {
					t.Fatalf("ETag = %q", w.Header().Get("ETag"))
				}
			}},
		{name: "patch with a stale If-Match", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			body: `{"terms":{"party":"UA","limit":800000}}`, headers: []string{"If-Match", `"7"`}, wantStatus: 412,
			check: func(t *testing.T, s *store.Store, _ *httptest.ResponseRecorder) {
				p, _ := s.Provision(context.Background(), seeded.TroopCap28)
				if p.Version != 1 || !strings.Contains(string(p.Terms), "600000") {
					t.Fatalf("row changed: %+v", p)
				}
			}},
		{name: "patch with a garbage If-Match", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			body: `{"title":"x"}`, headers: []string{"If-Match", `abc`}, wantStatus: 400, wantFields: []string{"If-Match"}}, // not an entity-tag: the client's mistake (RFC 9110 §5.5)
		{name: "patch invalid terms", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			body: `{"terms":{"party":"UA","limit":0,"peacetime_only":"sometimes"}}`, wantStatus: 400,
			wantFields: []string{"terms.limit", "terms.peacetime_only"}},
		{name: "patch key onto another's", method: "PATCH", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			body: `{"key":"security-guarantee"}`, wantStatus: 409},
		{name: "delete with a stale If-Match", method: "DELETE", url: url("/api/v1/provisions/%d", seeded.TroopCap28),
			headers: []string{"If-Match", `"3"`}, wantStatus: 412},
		{name: "delete", method: "DELETE", url: url("/api/v1/provisions/%d", seeded.TroopCap28), headers: []string{"If-Match", `"1"`}, wantStatus: 204},
		{name: "parties list", method: "GET", url: url("/api/v1/provisions/%d/parties", seeded.Guarantee28), wantStatus: 200,
			wantContain: []string{`"party":"US","role":"guarantor","stance":"unknown"`}},
		{name: "party stance changes", method: "POST", url: url("/api/v1/provisions/%d/parties", seeded.Guarantee28),
			body: `{"party":"US","role":"guarantor","stance":"supports","stance_sources":` + testCites + `}`, wantStatus: 200,
			wantContain: []string{`"party":"US","role":"guarantor","stance":"supports"`}},
		{name: "party with a bad role", method: "POST", url: url("/api/v1/provisions/%d/parties", seeded.Guarantee28),
			body: `{"party":"RU","role":"spectator"}`, wantStatus: 400, wantFields: []string{"role"}},
		{name: "parties replaced", method: "PUT", url: url("/api/v1/provisions/%d/parties", seeded.TroopCap28),
			body: `[{"party":"UA","role":"obligor","stance":"opposes","stance_sources":` + testCites + `},{"party":"RU","role":"beneficiary"}]`, wantStatus: 200,
			wantContain: []string{`"total":2`, `"stance":"opposes"`}},
		{name: "party removed", method: "DELETE", url: url("/api/v1/provisions/%d/parties/UA", seeded.TroopCap28), wantStatus: 200,
			wantContain: []string{`"items":[]`}},
		{name: "party removed that has no role", method: "DELETE", url: url("/api/v1/provisions/%d/parties/FR?role=obligor", seeded.TroopCap28), wantStatus: 404},
	})
}

func TestProvisionListFiltersAndPages(t *testing.T) {
	runScenarios(t, []scenario{
		{name: "by kind across drafts", method: "GET", url: "/api/v1/provisions?kind=troop_cap", wantStatus: 200,
			wantContain: []string{`"total":4`, `"limit":600000`, `"limit":800000`}},
		{name: "by draft and category", method: "GET", url: url("/api/v1/provisions?draft=%d&category=territory", seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"key":"crimea"`, `"key":"donbas"`, `"key":"russian-withdrawal"`, `"total":5`}},
		{name: "by status", method: "GET", url: url("/api/v1/drafts/%d/provisions?status=disputed", seeded.Draft20), wantStatus: 200,
			wantContain: []string{`"key":"zaporizhzhia-npp"`}},
		{name: "by sourcing", method: "GET", url: "/api/v1/provisions?sourcing=unconfirmed", wantStatus: 200,
			wantContain: []string{`"key":"amnesty"`, `"key":"nato-membership"`, `"total":2`}},
		{name: "by party", method: "GET", url: url("/api/v1/drafts/%d/provisions?party=IAEA", seeded.Draft28), wantStatus: 200,
			wantContain: []string{`"key":"zaporizhzhia-npp"`, `"total":1`}},
		{name: "full text", method: "GET", url: "/api/v1/provisions?q=transatlantic", wantStatus: 200,
			wantContain: []string{`"key":"security-guarantee"`}},
		{name: "bad filters, each named", method: "GET", url: "/api/v1/provisions?kind=teleport&limit=9999&status=maybe&draft=-1", wantStatus: 400,
			wantFields: []string{"kind", "limit", "status", "draft"}},
		{name: "bad cursor", method: "GET", url: "/api/v1/provisions?cursor=zzz", wantStatus: 400},
		{name: "cursor and offset", method: "GET", url: "/api/v1/provisions?cursor=abc&offset=5", wantStatus: 400, wantFields: []string{"cursor"}},
	})

	t.Run("walk every page", func(t *testing.T) { forEachDialect(t, walkEveryPage) })
}

// walkEveryPage walks every page of all provisions with the cursor: every
// provision comes once.
func walkEveryPage(t *testing.T, d dialect) {
	ts := newTestServer(t, d)
	total := int64(-1)
	seen := map[int64]bool{}
	next := "/api/v1/provisions?limit=7"
	for pages := 0; next != ""; pages++ {
		if pages > 100 {
			t.Fatal("pagination does not end")
		}
		w := ts.do("GET", next, "")
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", next, w.Code, w.Body)
		}
		page := decode[store.Page[models.Provision]](t, w)
		total = page.Total
		for _, p := range page.Items {
			if seen[p.ID] {
				t.Fatalf("provision %d on two pages", p.ID)
			}
			seen[p.ID] = true
		}
		next = ""
		if page.NextCursor != "" {
			next = "/api/v1/provisions?limit=7&cursor=" + page.NextCursor
		}
	}
	if int64(len(seen)) != total || total < 50 {
		t.Fatalf("saw %d provisions of %d", len(seen), total)
	}
}

// Every kind rejects terms that break its rules, field by field: unknown
// terms, a missing required term, and a value of the wrong JSON type.
func TestEveryKindValidatesItsTerms(t *testing.T) {
	var scenarios []scenario
	for _, k := range models.Kinds() {
		base := `{"key":"k","kind":"` + k.Name + `","title":"T","sourcing":"reported","sources":` + testCites + `,"terms":`
		scenarios = append(scenarios, scenario{name: k.Name + " unknown term", method: "POST",
			url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), body: base + `{"no_such_term":1}}`,
			wantStatus: 400, wantFields: []string{"terms.no_such_term"}})
		for _, f := range k.Fields {
			if f.Required {
				scenarios = append(scenarios, scenario{name: k.Name + " missing " + f.Name, method: "POST",
					url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), body: base + `{}}`,
					wantStatus: 400, wantFields: []string{"terms." + f.Name}})
			}
			wrong := `{"` + f.Name + `":{"nested":true}}`
			scenarios = append(scenarios, scenario{name: k.Name + " " + f.Name + " of the wrong type", method: "POST",
				url: url("/api/v1/drafts/%d/provisions", seeded.Draft28), body: base + wrong + `}`,
				wantStatus: 400, wantFields: []string{"terms." + f.Name}})
		}
	}
	runScenarios(t, scenarios)
}

func TestMalformedRequests(t *testing.T) {
	huge := `{"key":"k","kind":"other","title":"T","sourcing":"reported","sources":` + testCites + `,"text":"` + strings.Repeat("x", MaxBodyBytes) + `"}`
	create := url("/api/v1/drafts/%d/provisions", seeded.Draft28)
	runScenarios(t, []scenario{
		{name: "malformed JSON", method: "POST", url: create, body: `{"key":`, wantStatus: 400, wantContain: []string{"not valid JSON"}},
		{name: "syntax error", method: "POST", url: create, body: `{"key" "x"}`, wantStatus: 400, wantContain: []string{"not valid JSON"}},
		{name: "empty body", method: "POST", url: create, body: ` `, wantStatus: 400, wantFields: []string{"body"}},
		{name: "an array, not an object", method: "POST", url: create, body: `[1,2]`, wantStatus: 400, wantFields: []string{"body"}},
		{name: "two values", method: "POST", url: create, body: `{} {}`, wantStatus: 400},
		{name: "oversized body", method: "POST", url: create, body: huge, wantStatus: http.StatusRequestEntityTooLarge},
		{name: "unknown route", method: "GET", url: "/api/v1/treaties", wantStatus: 404},
		{name: "wrong method", method: "PUT", url: "/api/v1/plans", body: `{}`, wantStatus: 405},
		{name: "bad changes filter", method: "GET", url: "/api/v1/changes?since=yesterday&entity=treaty", wantStatus: 400, wantFields: []string{"since", "entity"}},
	})
}

func TestETagsAndConditionalGets(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		for _, u := range []string{
			url("/api/v1/parties/%d", seeded.PartyUA), url("/api/v1/plans/%d", seeded.USPlan),
			url("/api/v1/drafts/%d", seeded.Draft28), url("/api/v1/provisions/%d", seeded.TroopCap28),
		} {
			w := ts.do("GET", u, "")
			tag := w.Header().Get("ETag")
			if w.Code != 200 || tag != `"1"` {
				t.Fatalf("%s: %d, ETag %q", u, w.Code, tag)
			}
			if w := ts.do("GET", u, "", "If-None-Match", tag); w.Code != http.StatusNotModified || w.Body.Len() != 0 {
				t.Fatalf("%s with If-None-Match: %d", u, w.Code)
			}
		}
	})
}

func TestChangesAndKindsAndHealth(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		if w := ts.do("PATCH", url("/api/v1/provisions/%d", seeded.TroopCap28), `{"title":"Cap"}`); w.Code != 200 {
			t.Fatal(w.Body)
		}
		w := ts.do("GET", url("/api/v1/changes?entity=provision&entity_id=%d", seeded.TroopCap28), "")
		changes := decode[List[models.Change]](t, w)
		if changes.Total != 2 || changes.Items[0].Action != "update" || changes.Items[0].Actor != "ed" ||
			!strings.Contains(string(changes.Items[0].Before), `"title":"Cap on the Armed Forces of Ukraine"`) ||
			!strings.Contains(string(changes.Items[0].After), `"title":"Cap"`) {
			t.Fatalf("changes: %s", w.Body)
		}

		w = ts.do("GET", "/api/v1/kinds", "")
		kinds := decode[struct {
			Items []struct {
				Name   string
				Fields []models.Field
			}
			Vocabularies map[string][]models.Term
		}](t, w)
		if len(kinds.Items) != len(models.Kinds()) || len(kinds.Vocabularies["roles"]) != len(models.Roles) {
			t.Fatalf("kinds: %d kinds and %d roles, want %d and %d", len(kinds.Items), len(kinds.Vocabularies["roles"]), len(models.Kinds()), len(models.Roles))
		}
		for _, k := range kinds.Items {
			if k.Name == "troop_cap" {
				if f := k.Fields[2]; f.Name != "limit" || f.Type != "integer" || f.Label != "Limit" || !f.Required || *f.Min != 1 {
					t.Fatalf("troop_cap.limit served as %+v", f)
				}
			}
		}
		if w := ts.do("GET", "/api/v1/kinds/security_guarantee", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"label":"Article 5-like"`) {
			t.Fatalf("one kind: %d %s", w.Code, w.Body)
		}
		if w := ts.do("GET", "/api/v1/kinds/teleport", ""); w.Code != 404 {
			t.Fatalf("unknown kind: %d", w.Code)
		}
		if w := ts.do("GET", "/healthz", ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"database":"ok"`) {
			t.Fatalf("healthz: %d %s", w.Code, w.Body)
		}
		ts.store.Close()
		if w := ts.do("GET", "/healthz", ""); w.Code != 503 {
			t.Fatalf("healthz with the database closed: %d %s", w.Code, w.Body)
		}
	})
}
