package api

import (
	"net/http"
	"strings"
	"testing"
)

// Through the API: a party named only in a provision's terms cannot be
// deleted (409, naming the provision), and renaming it keeps the draft
// forkable.
func TestPartyNamedInTerms(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		w := ts.do("POST", "/api/v1/parties", `{"name":"Renamed state","short_name":"RENX","type":"state"}`)
		if w.Code != http.StatusCreated {
			t.Fatal(w.Body)
		}
		party := w.Header().Get("Location")
		if w := ts.do("PATCH", url("/api/v1/provisions/%d", seeded.TroopCap28), `{"terms":{"party":"RENX","limit":1000}}`); w.Code != 200 {
			t.Fatal(w.Body)
		}
		steps := []struct {
			method, url, body string
			want              int
			wantContain       string
		}{
			{"DELETE", party, "", http.StatusConflict, "terms.party"},
			{"PATCH", party, `{"short_name":"NEWX"}`, 200, `"NEWX"`},
			{"GET", url("/api/v1/provisions/%d", seeded.TroopCap28), "", 200, `"party":"NEWX"`},
			{"POST", url("/api/v1/drafts/%d/fork", seeded.Draft28), `{"label":"Fork"}`, http.StatusCreated, "Fork"},
			{"DELETE", party, "", http.StatusConflict, "terms.party"},
		}
		for _, st := range steps {
			w := ts.do(st.method, st.url, st.body)
			if w.Code != st.want || !strings.Contains(w.Body.String(), st.wantContain) {
				t.Fatalf("%s %s: %d %s; want %d with %s", st.method, st.url, w.Code, w.Body, st.want, st.wantContain)
			}
		}
	})
}
