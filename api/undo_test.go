package api

import (
	"testing"

	"plantracker/models"
)

// A deleted draft is listed under /deleted and comes back with POST
// /changes/{id}/undo, with its provisions; undoing twice is a 409.
func TestUndoDeleteOverHTTP(t *testing.T) {
	forEachServer(t, func(t *testing.T, ts *testServer) {
		before := ts.do("GET", url("/api/v1/drafts/%d/provisions", seeded.Draft20), "").Body.String()
		if w := ts.do("DELETE", url("/api/v1/drafts/%d", seeded.Draft20), ""); w.Code != 204 {
			t.Fatal(w.Body)
		}
		deleted := decode[List[models.Change]](t, ts.do("GET", "/api/v1/deleted", ""))
		if len(deleted.Items) != 1 || deleted.Items[0].Entity != models.EntityDraft || deleted.Items[0].EntityID != seeded.Draft20 {
			t.Fatalf("deleted: %+v", deleted)
		}
		undo := url("/api/v1/changes/%d/undo", deleted.Items[0].ID)
		if w := ts.do("POST", undo, "", "Authorization", "Bearer "+ts.tokens["vera"]); w.Code != 403 {
			t.Fatalf("a viewer undid a deletion: %d", w.Code)
		}
		w := ts.do("POST", undo, "")
		if w.Code != 200 {
			t.Fatalf("undo: %d %s", w.Code, w.Body)
		}
		if ch := decode[models.Change](t, w); ch.Action != models.ActionRestore || ch.EntityID != seeded.Draft20 {
			t.Fatalf("undo answered %+v", ch)
		}
		if after := ts.do("GET", url("/api/v1/drafts/%d/provisions", seeded.Draft20), "").Body.String(); after != before {
			t.Fatalf("the provisions came back different:\n%s\n%s", before, after)
		}
		if w := ts.do("POST", undo, ""); w.Code != 409 {
			t.Fatalf("undoing twice: %d", w.Code)
		}
		if w := ts.do("POST", "/api/v1/changes/1/undo", ""); w.Code != 400 {
			t.Fatalf("undoing a creation: %d %s", w.Code, w.Body)
		}
	})
}
