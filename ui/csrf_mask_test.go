package ui_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestCSRFTokenIsMaskedPerRender (BREACH): the pages that echo a query
// (search, a draft's filter) carry the session's CSRF token masked afresh
// on every render, never the token itself, and every masked form of it
// is accepted.
func TestCSRFTokenIsMaskedPerRender(t *testing.T) {
	a := newApp(t)
	field := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)
	var tokens []string
	for _, path := range []string{"/search?q=amnesty", "/search?q=amnesty", "/drafts/" + id(seeded.draft28) + "?q=troop"} {
		res, body := a.get(path)
		m := field.FindStringSubmatch(body)
		if res.StatusCode != http.StatusOK || m == nil {
			t.Fatalf("%s: %d, token %v\n%s", path, res.StatusCode, m, excerpt(body))
		}
		if strings.Contains(body, a.csrf) {
			t.Fatalf("%s carries the session's CSRF token itself", path)
		}
		for _, seen := range tokens {
			if m[1] == seen {
				t.Fatalf("%s: the same token string as an earlier render: %s", path, seen)
			}
		}
		tokens = append(tokens, m[1])
	}
	tc := seeded.troopCap28
	for i, token := range tokens {
		v := provisionValues(a.provision(tc))
		v.Set("title", "Troop cap "+string(rune('a'+i)))
		v.Set("csrf_token", token)
		if res, body := a.post("/provisions/"+id(tc), v); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a post with the token of render %d: %d\n%s", i+1, res.StatusCode, excerpt(body))
		}
	}
	v := provisionValues(a.provision(tc))
	v.Set("csrf_token", tokens[0][:len(tokens[0])-2]+"AA")
	if res, _ := a.post("/provisions/"+id(tc), v); res.StatusCode != http.StatusForbidden {
		t.Errorf("a tampered masked token: %d, want 403", res.StatusCode)
	}
}
