package ui_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/store"
)

// TestFormsCarryAndNeedTheCSRFToken: for a signed-in browser every form
// carries the session's token, a post without it is refused and changes
// nothing, and a post with it is saved in the user's name.
func TestFormsCarryAndNeedTheCSRFToken(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	u, err := a.store.CreateUser(ctx, "test", models.User{Username: "analyst", Role: "editor"}, "correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	secret, err := a.store.CreateSession(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	cookie := &http.Cookie{Name: web.CookieName, Value: secret}
	tc := seeded.troopCap28

	req := httptest.NewRequest(http.MethodGet, "/provisions/"+id(tc)+"/edit", nil)
	req.AddCookie(cookie)
	_, body := a.do(req)
	m := regexp.MustCompile(`<input type="hidden" name="csrf_token" value="([^"]+)">`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the form carries no CSRF token\n%s", excerpt(body))
	}
	if !strings.Contains(body, `>analyst</a>`) {
		t.Errorf("the page does not show who is signed in")
	}

	post := func(token string) *http.Response {
		v := provisionValues(a.provision(tc))
		v.Set("terms.limit", "650000")
		v.Set("text", "The Armed Forces of Ukraine are capped at 650,000.")
		if token != "" {
			v.Set("csrf_token", token)
		}
		req := httptest.NewRequest(http.MethodPost, "/provisions/"+id(tc), strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(cookie)
		res, _ := a.do(req)
		return res
	}
	if res := post(""); res.StatusCode != http.StatusForbidden {
		t.Errorf("a post without the token: status %d, want 403", res.StatusCode)
	}
	if res := post("forged"); res.StatusCode != http.StatusForbidden {
		t.Errorf("a post with a wrong token: status %d, want 403", res.StatusCode)
	}
	if p := a.provision(tc); p.Version != 1 {
		t.Fatalf("a refused post changed the provision (version %d)", p.Version)
	}
	if res := post(m[1]); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a post with the token: status %d, want 303", res.StatusCode)
	}
	changes, err := a.store.Changes(ctx, store.ChangeFilter{Entity: models.EntityProvision, EntityID: tc})
	if err != nil || len(changes) == 0 || changes[0].Actor != "analyst" {
		t.Errorf("the change is not recorded in the user's name: %+v %v", changes, err)
	}
}
