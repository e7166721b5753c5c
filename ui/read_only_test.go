package ui_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plantracker/store"
)

// On a database opened read-only every page says so in a banner, and a
// save is refused with a page that says why, not a bare 500.
func TestReadOnlyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	raw, err := os.ReadFile(template)
	if err == nil {
		err = os.WriteFile(path, raw, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
	writable, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	signedIn := &app{t: t, store: writable, handler: testEngine(writable)}
	signedIn.signIn("ed") // the session is made while the database is writable
	writable.Close()

	s, err := store.Open(context.Background(), "file:"+path+"?mode=ro", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := &app{t: t, store: s, handler: testEngine(s), cookie: signedIn.cookie, csrf: signedIn.csrf}

	tests := []struct {
		name       string
		do         func() (*http.Response, string)
		wantStatus int
		want       string
	}{
		{"home", func() (*http.Response, string) { return a.get("/") }, 200, `id="read-only"`},
		{"a draft", func() (*http.Response, string) { return a.get("/drafts/" + id(seeded.draft28)) }, 200, `id="read-only"`},
		{"a save", func() (*http.Response, string) {
			return a.post("/parties", url.Values{"name": {"Türkiye"}, "short_name": {"TR"}, "type": {"state"}})
		}, http.StatusServiceUnavailable, "The database is read-only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := tt.do()
			if res.StatusCode != tt.wantStatus || !strings.Contains(body, tt.want) {
				t.Fatalf("%d, want %d with %q:\n%.2000s", res.StatusCode, tt.wantStatus, tt.want, body)
			}
			if !strings.Contains(body, "mode=ro") {
				t.Fatal("the page does not say why the database is read-only")
			}
		})
	}
}
