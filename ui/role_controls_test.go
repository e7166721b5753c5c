package ui_test

import (
	"net/http"
	"regexp"
	"testing"
)

// writeControls finds what only an editor can use on a page: a link to an
// edit, delete, new or fork form, or a form that posts anywhere but to
// sign out or to choose the language (which every role may do).
var writeControls = regexp.MustCompile(`href="[^"]*/(edit|delete|new|new-from-text|fork)"|<form[^>]*method="post"[^>]*action="[^"]*"`)

// everyRole are the forms every signed-in role may post.
var everyRole = regexp.MustCompile(`action="/(logout|language)"`)

// writeControlsOf lists the write controls of a page.
func writeControlsOf(body string) []string {
	var out []string
	for _, c := range writeControls.FindAllString(body, -1) {
		if !everyRole.MatchString(c) {
			out = append(out, c)
		}
	}
	return out
}

// TestNoWriteControlsForViewers: a viewer is shown no Edit, Delete or New
// control that would only lead to 403, on a draft, a provision and its
// history; an editor is shown them. Nor on the other pages a viewer
// reads (their own tokens page excepted: a viewer makes their own tokens).
func TestNoWriteControlsForViewers(t *testing.T) {
	a := newApp(t)
	pages := []string{"/drafts/" + id(seeded.draft28), "/provisions/" + id(seeded.troopCap28),
		"/provisions/" + id(seeded.troopCap28) + "/history", "/"}
	for _, user := range []string{"vera", "ed"} {
		a.signIn(user)
		for _, p := range pages {
			res, body := a.get(p)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s GET %s: %d", user, p, res.StatusCode)
			}
			found := writeControlsOf(body)
			if user == "vera" && len(found) > 0 {
				t.Errorf("the viewer is shown write controls on %s: %q", p, found)
			}
			if user == "ed" && len(found) == 0 {
				t.Errorf("the editor is shown no edit control on %s", p)
			}
		}
	}
	// Every other page a viewer reads shows none either.
	a.signIn("vera")
	for _, p := range []string{"/compare?from=" + id(seeded.draft28) + "&to=" + id(seeded.draft20), "/matrix", "/timeline",
		"/search?q=troops", "/parties", "/sources", "/history", "/deleted", "/tokens"} {
		res, body := a.get(p)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("vera GET %s: %d", p, res.StatusCode)
		}
		if found := writeControlsOf(body); len(found) > 0 && p != "/tokens" {
			t.Errorf("the viewer is shown write controls on %s: %q", p, found)
		}
	}
}
