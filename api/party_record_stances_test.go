package api

import (
	"fmt"
	"testing"

	"plantracker/models"
)

// A party's record holds its stances on drafts as a whole: Russia's
// rejection of the E3 plan (Ushakov, 24 Nov 2025), on both databases.
func TestPartyRecordHoldsStancesOnDrafts(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		var ru int64
		for _, p := range decode[List[models.Party]](t, ts.do("GET", "/api/v1/parties", "")).Items {
			if p.ShortName == "RU" {
				ru = p.ID
			}
		}
		w := ts.do("GET", fmt.Sprintf("/api/v1/parties/%d/record", ru), "")
		if w.Code != 200 {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		rec := decode[models.PartyRecord](t, w)
		found := false
		for _, st := range rec.DraftStances {
			if st.Draft.ID == seeded.E3 && st.Stance.Stance == "rejects" && st.Stance.Party == "RU" && len(st.Stance.Sources) > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("Russia's record lacks its rejection of the E3 plan: %+v", rec.DraftStances)
		}
	})
}
