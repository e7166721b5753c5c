package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// An editor restores an earlier version from the history; the restore is a
// change of its own, and a viewer is not offered the button.
func TestRestoreFromHistory(t *testing.T) {
	a := newApp(t)
	tc := seeded.troopCap28
	v := provisionValues(a.provision(tc))
	v.Set("terms.limit", "650000")
	v.Set("action", "save-anyway") // the wording still says 600,000
	if res, body := a.post("/provisions/"+id(tc), v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", res.StatusCode, excerpt(body))
	}
	_, body := a.get("/provisions/" + id(tc) + "/history")
	m := regexp.MustCompile(`name="change_id" value="(\d+)">\s*<input type="hidden" name="version" value="(\d+)">`).FindStringSubmatch(body)
	if m == nil || m[2] != "2" {
		t.Fatalf("the history offers no restore of version 1:\n%s", excerpt(body))
	}
	if strings.Count(body, "Restore this version") != 1 {
		t.Fatalf("only the earlier version may be restored; buttons: %d", strings.Count(body, "Restore this version"))
	}
	res, _ := a.post("/provisions/"+id(tc)+"/restore", url.Values{"change_id": {m[1]}, "version": {"2"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	p := a.provision(tc)
	if p.Version != 3 || !strings.Contains(string(p.Terms), `"limit":600000`) {
		t.Fatalf("after restoring: version %d, %s", p.Version, p.Terms)
	}
	// The same form again is stale now: refused, nothing changes.
	if res, _ := a.post("/provisions/"+id(tc)+"/restore", url.Values{"change_id": {m[1]}, "version": {"2"}}); res.StatusCode != http.StatusConflict {
		t.Fatalf("a stale restore: %d", res.StatusCode)
	}
	a.signIn("vera")
	if _, body := a.get("/provisions/" + id(tc) + "/history"); strings.Contains(body, "Restore this version") {
		t.Fatal("a viewer is offered a restore")
	}
}
