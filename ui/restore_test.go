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

// TestRestoreAsksFirst: the history's restore button opens a page that
// asks (which version comes back, what changes), changing nothing; its
// form restores; the history then says which version it went back to.
func TestRestoreAsksFirst(t *testing.T) {
	a := newApp(t)
	tc := seeded.troopCap28
	v := provisionValues(a.provision(tc))
	v.Set("terms.limit", "650000")
	v.Set("action", "save-anyway")
	if res, body := a.post("/provisions/"+id(tc), v); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", res.StatusCode, excerpt(body))
	}
	_, body := a.get("/provisions/" + id(tc) + "/history")
	m := regexp.MustCompile(`<form method="get" action="(/provisions/\d+/restore)" class="restore">\s*<input type="hidden" name="change_id" value="(\d+)">\s*<input type="hidden" name="version" value="(\d+)">`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the history's restore does not ask first:\n%s", excerpt(body))
	}
	confirm := m[1] + "?change_id=" + m[2] + "&version=" + m[3]
	res, page := a.get(confirm)
	if res.StatusCode != http.StatusOK || !strings.Contains(page, "Restore version 1 of") || !strings.Contains(page, `id="confirm-restore"`) ||
		!strings.Contains(page, `<form method="post" action="`+m[1]+`"`) || !strings.Contains(page, "650,000") {
		t.Fatalf("the confirm page: %d\n%s", res.StatusCode, excerpt(page))
	}
	if p := a.provision(tc); p.Version != 2 {
		t.Fatalf("asking restored: version %d", p.Version)
	}
	if res, _ := a.post(m[1], url.Values{"change_id": {m[2]}, "version": {m[3]}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %d", res.StatusCode)
	}
	_, body = a.get("/provisions/" + id(tc) + "/history")
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, "")
	if !strings.Contains(text, "Restored: back to version 1") || !strings.Contains(text, "now version 3") {
		t.Errorf("the history does not say the restore went back to version 1:\n%s", excerpt(body))
	}
	if _, body := a.get("/history"); !strings.Contains(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, ""), "Cap on the Armed Forces of Ukraine: back to version 1") {
		i := strings.Index(body, "action-restore")
		t.Errorf("the change list does not say the restore went back to version 1:\n%s", body[max(0, i-300):min(len(body), i+300)])
	}
	a.signIn("vera")
	if res, _ := a.get(confirm); res.StatusCode != http.StatusForbidden {
		t.Errorf("a viewer opens the restore question: %d", res.StatusCode)
	}
}
