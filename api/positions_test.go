package api

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"plantracker/models"
	"plantracker/store"
)

// verdictOn finds the verdict of party's position on key in a draft's check.
func verdictOn(dp models.DraftPositions, key, party string) (models.Verdict, bool) {
	for _, pp := range dp.Provisions {
		if pp.Provision.Key != key {
			continue
		}
		for _, c := range pp.Checks {
			if c.Position.Party == party {
				return c.Verdict, true
			}
		}
	}
	return models.Verdict{}, false
}

// The seeded positions checked against the seeded drafts: Kyiv's ≥ 800,000
// against the 28 points' 600,000 (crosses) and the 20 points' 800,000
// (meets); its ≥ 30 years against the US guarantee document's 15 (crosses).
func TestDraftPositionsOnSeed(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		ctx := context.Background()
		check := func(draft int64, key, want, line string) {
			t.Helper()
			w := ts.do("GET", url("/api/v1/drafts/%d/positions", draft), "")
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			v, ok := verdictOn(decode[models.DraftPositions](t, w), key, "UA")
			if !ok || v.Verdict != want || !strings.Contains(v.Line, line) {
				t.Errorf("draft %d %s: %+v (found %v), want %s with %q", draft, key, v, ok, want, line)
			}
		}
		check(seeded.Draft28, "troop-cap", models.VerdictCrosses, "crosses UA's stated position: limit 600,000 people, asked ≥ 800,000")
		check(seeded.Draft20, "troop-cap", models.VerdictMeets, "meets UA's stated position: limit 800,000 people")
		var guarantee3 int64
		plans, _ := ts.store.Plans(ctx)
		for _, p := range plans {
			if p.Title == "US security guarantee for Ukraine" {
				ds, _ := ts.store.Drafts(ctx, p.ID)
				for _, dr := range ds {
					if dr.Number == 3 {
						guarantee3 = dr.ID
					}
				}
			}
		}
		if guarantee3 == 0 {
			t.Fatal("no third draft of the US security guarantee")
		}
		check(guarantee3, "guarantee-term", models.VerdictCrosses, "duration 15 years, asked ≥ 30")

		// Every seeded position is listed; UA's alone by filter.
		if w := ts.do("GET", "/api/v1/positions", ""); !strings.Contains(w.Body.String(), `"total":6`) {
			t.Errorf("positions: %s", w.Body)
		}
		w := ts.do("GET", "/api/v1/positions?party=RU&key=donbas", "")
		if l := decode[List[models.Position]](t, w); l.Total != 1 || !l.Items[0].RedLine || l.Items[0].Term != "" {
			t.Errorf("RU on donbas: %+v", l)
		}

		// The party record: UA bound by the troop cap, its positions checked.
		w = ts.do("GET", url("/api/v1/parties/%d/record", seeded.PartyUA), "")
		rec := decode[models.PartyRecord](t, w)
		var binds bool
		for _, pp := range rec.Provisions {
			binds = binds || pp.Provision.ID == seeded.TroopCap28 && pp.Relation == "binds"
		}
		if !binds || len(rec.Positions) != 4 {
			t.Errorf("UA's record: binds by the 28-point cap %v, %d positions", binds, len(rec.Positions))
		}
		for _, pp := range rec.Positions {
			if pp.Position.Key == "troop-cap" && (len(pp.Checks) != 4 || pp.Checks[0].Verdict.Verdict != models.VerdictCrosses) {
				t.Errorf("troop-cap checks %+v", pp.Checks)
			}
		}

		// The gaps of the troop cap: one row per plan that mentions it.
		w = ts.do("GET", "/api/v1/gaps/troop-cap", "")
		g := decode[models.Gaps](t, w)
		if len(g.Positions) != 1 || len(g.Drafts) != 2 { // the US framework and the E3 plan; no other plan mentions the troop cap
			t.Fatalf("gaps %+v", g)
		}
		for _, gd := range g.Drafts {
			if gd.Draft.Plan == "US peace framework" && (gd.Draft.Number != 3 || gd.Verdicts[0].Verdict != models.VerdictMeets) {
				t.Errorf("US framework's latest: %+v", gd)
			}
		}
	})
}

func TestPositionsAPI(t *testing.T) {
	const body = `{"party":"RU","key":"troop-cap","kind":"troop_cap","term":"limit","op":"<=","value":600000,"date":"2025-11-21","sources":[{"source":"test-source","sourcing":"reported"}]}`
	runScenarios(t, []scenario{
		{name: "create", method: "POST", url: "/api/v1/positions", body: body, wantStatus: 201,
			wantContain: []string{`"party":"RU"`, `"op":"\u003c="`, `"value":600000`, `"version":1`},
			check: func(t *testing.T, s *store.Store, w *httptest.ResponseRecorder) {
				p := decode[models.Position](t, w)
				if v := p.Check(models.Provision{Key: "troop-cap", Kind: "troop_cap", Terms: []byte(`{"party":"UA","limit":800000}`)}); v.Verdict != models.VerdictCrosses {
					t.Errorf("800,000 against RU ≤ 600,000: %+v", v)
				}
			}},
		{name: "a viewer may not", method: "POST", url: "/api/v1/positions", body: body, as: "vera", wantStatus: 403},
		{name: "a term the kind lacks", method: "POST", url: "/api/v1/positions", wantStatus: 400, wantFields: []string{"term"},
			body: strings.Replace(body, `"term":"limit"`, `"term":"duration_years"`, 1)},
		{name: "a value that does not fit", method: "POST", url: "/api/v1/positions", wantStatus: 400, wantFields: []string{"value"},
			body: strings.Replace(body, `"value":600000`, `"value":"600k"`, 1)},
		{name: "an unknown party", method: "POST", url: "/api/v1/positions", wantStatus: 400, wantFields: []string{"party"},
			body: strings.Replace(body, `"party":"RU"`, `"party":"ZZ"`, 1)},
		{name: "get", method: "GET", url: "/api/v1/positions/1", wantStatus: 200, wantContain: []string{`"key":"troop-cap"`, `"term":"limit"`}},
		{name: "patch", method: "PATCH", url: "/api/v1/positions/1", body: `{"red_line":true}`, headers: []string{"If-Match", `"1"`}, wantStatus: 200,
			wantContain: []string{`"red_line":true`, `"version":2`}},
		{name: "patch a stale version", method: "PATCH", url: "/api/v1/positions/1", body: `{"red_line":true}`, headers: []string{"If-Match", `"9"`}, wantStatus: 412},
		{name: "delete", method: "DELETE", url: "/api/v1/positions/2", headers: []string{"If-Match", `"1"`}, wantStatus: 204},
		{name: "no such", method: "GET", url: "/api/v1/positions/999", wantStatus: 404},
		{name: "stance map", method: "GET", url: url("/api/v1/drafts/%d/stance-map?category=security", seeded.Draft28), wantStatus: 200,
			check: func(t *testing.T, _ *store.Store, w *httptest.ResponseRecorder) {
				m := decode[models.StanceMap](t, w)
				if len(m.Rows) == 0 || len(m.Parties) == 0 {
					t.Fatalf("map %+v", m)
				}
				for _, r := range m.Rows {
					if r.Provision.Category != "security" || len(r.Cells) != len(m.Parties) {
						t.Errorf("row %+v", r)
					}
				}
			}},
		{name: "stance map, a bad category", method: "GET", url: url("/api/v1/drafts/%d/stance-map?category=weather", seeded.Draft28), wantStatus: 400, wantFields: []string{"category"}},
		{name: "gaps of an unknown key", method: "GET", url: "/api/v1/gaps/no-such-key", wantStatus: 404},
		{name: "implementation, seeded", method: "GET", url: "/api/v1/implementation", wantStatus: 200,
			wantContain: []string{`"event":"2026-01-29-energy-truce"`, `"score":2`, `"event":"2026-02-05-prisoner-exchange"`, `"total":2`}},
		{name: "implementation of a provision", method: "POST", url: "/api/v1/implementation", wantStatus: 201,
			body: url(`{"draft_id":%d,"key":"troop-cap","date":"2026-01-01","score":0,"evidence":"not begun","sources":[{"source":"test-source","sourcing":"reported"}]}`, seeded.Draft28)},
		{name: "implementation with a score of 4", method: "POST", url: "/api/v1/implementation", wantStatus: 400, wantFields: []string{"score"},
			body: `{"event":"x","date":"2026-01-01","score":4,"evidence":"x","sources":[{"source":"test-source","sourcing":"reported"}]}`},
		{name: "implementation patch", method: "PATCH", url: "/api/v1/implementation/2", body: `{"score":1}`, headers: []string{"If-Match", `"1"`}, wantStatus: 200, wantContain: []string{`"score":1`}},
		{name: "implementation delete", method: "DELETE", url: "/api/v1/implementation/1", headers: []string{"If-Match", `"1"`}, wantStatus: 204},
	})
}
