package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"plantracker/api/auth"
	"plantracker/models"
	"plantracker/store"
)

// mustEngine builds the engine as serve does, with cfg's options.
func mustEngine(t *testing.T, s *store.Store, cfg config) *gin.Engine {
	t.Helper()
	engine, err := newEngine(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return engine
}

// The sign-in limit counts the connection's address, not one a client
// claims in X-Forwarded-For or X-Real-IP, unless the connection comes from
// a proxy the operator trusts. Thirty attempts from one client, each
// claiming another address, meet the per-address limit at the 21st.
func TestSignInLimitIgnoresForgedAddresses(t *testing.T) {
	tests := []struct {
		name       string
		proxies    string
		header     string
		want21st   int
		wantLogged string
	}{
		{"X-Forwarded-For, no trusted proxy", "", "X-Forwarded-For", http.StatusTooManyRequests, "addr=192.0.2.1"},
		{"X-Real-IP, no trusted proxy", "", "X-Real-IP", http.StatusTooManyRequests, "addr=192.0.2.1"},
		{"X-Forwarded-For from a trusted proxy", "192.0.2.0/24", "X-Forwarded-For", http.StatusUnauthorized, "addr=198.51.100.21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "limit.db"), store.Options{BcryptCost: bcrypt.MinCost})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			cfg, err := parseConfig("serve", []string{"-trusted-proxies", tt.proxies})
			if err != nil {
				t.Fatal(err)
			}
			engine := mustEngine(t, s, cfg)
			var log bytes.Buffer
			defer swapLogger(slog.New(slog.NewTextHandler(&log, nil)))()
			var last *httptest.ResponseRecorder
			for i := 1; i <= 21; i++ {
				// Another account each time: only the address limit applies.
				last = postLogin(engine, "guess"+strconv.Itoa(i), "198.51.100."+strconv.Itoa(i), tt.header)
			}
			if last.Code != tt.want21st {
				t.Fatalf("21st attempt: %d, want %d", last.Code, tt.want21st)
			}
			if !strings.Contains(log.String(), `msg="sign-in failed"`) || !strings.Contains(log.String(), "username=guess21") ||
				!strings.Contains(log.String(), tt.wantLogged) {
				t.Fatalf("the failed sign-in is not logged with its username and %s:\n%s", tt.wantLogged, log.String())
			}
		})
	}
}

// postLogin posts the sign-in form from 192.0.2.1, claiming addr in header.
func postLogin(engine http.Handler, username, addr, header string) *httptest.ResponseRecorder {
	csrf := strings.Repeat("x", 43)
	form := url.Values{"username": {username}, "password": {"not the password"}, auth.CSRFField: {csrf}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.RemoteAddr = "192.0.2.1:40000"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set(header, addr)
	req.AddCookie(&http.Cookie{Name: auth.PreSessionCookie, Value: csrf})
	w := httptest.NewRecorder()
	engine.ServeHTTP(w, req)
	return w
}

// swapLogger makes l the default logger until the returned func runs.
func swapLogger(l *slog.Logger) func() {
	old := slog.Default()
	slog.SetDefault(l)
	return func() { slog.SetDefault(old) }
}

// A trusted proxy must be an address or a CIDR block: a typo is refused at
// start, not silently trusting nothing (or everything).
func TestTrustedProxiesAreChecked(t *testing.T) {
	tests := []struct {
		proxies string
		want    []string
		wantErr bool
	}{
		{"", nil, false},
		{"10.0.0.1", []string{"10.0.0.1"}, false},
		{" 10.0.0.0/8, ::1 ", []string{"10.0.0.0/8", "::1"}, false},
		{"proxy.example", nil, true},
		{"10.0.0.0/99", nil, true},
	}
	for _, tt := range tests {
		cfg, err := parseConfig("serve", []string{"-trusted-proxies", tt.proxies})
		if (err != nil) != tt.wantErr || (!tt.wantErr && strings.Join(cfg.trustedProxies, " ") != strings.Join(tt.want, " ")) {
			t.Errorf("%q: %v %v, want %v (error: %v)", tt.proxies, cfg.trustedProxies, err, tt.want, tt.wantErr)
		}
	}
}

// Cookies are Secure when the server is reached over https: served over
// TLS itself, or behind a proxy that ends TLS when PLANTRACKER_PUBLIC_URL
// is https. Plain http on a developer's machine keeps them usable.
func TestCookiesAreSecureOverHTTPS(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "secure.db"), store.Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateUser(context.Background(), "test", models.User{Username: "ed", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		publicURL  string
		tls        bool
		wantSecure bool
	}{
		{"http", "", false, false},
		{"public URL http", "http://plans.example.org", false, false},
		{"public URL https", "https://plans.example.org", false, true},
		{"served over TLS", "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseConfig("serve", []string{"-public-url", tt.publicURL})
			if err != nil {
				t.Fatal(err)
			}
			engine := mustEngine(t, s, cfg)
			get := httptest.NewRequest(http.MethodGet, "/login", nil)
			csrf := strings.Repeat("x", 43)
			form := url.Values{"username": {"ed"}, "password": {"correct horse battery"}, auth.CSRFField: {csrf}}
			post := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
			post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			post.AddCookie(&http.Cookie{Name: auth.PreSessionCookie, Value: csrf})
			var cookies []*http.Cookie
			for _, req := range []*http.Request{get, post} {
				if tt.tls {
					req.TLS = &tls.ConnectionState{}
				}
				w := httptest.NewRecorder()
				engine.ServeHTTP(w, req)
				cookies = append(cookies, w.Result().Cookies()...)
			}
			names := map[string]bool{}
			for _, c := range cookies {
				names[c.Name] = true
				if c.Secure != tt.wantSecure {
					t.Errorf("cookie %s: Secure %v, want %v", c.Name, c.Secure, tt.wantSecure)
				}
			}
			if !names[auth.CookieName] || !names[auth.PreSessionCookie] {
				t.Fatalf("cookies set: %v; want the session and the pre-session token", names)
			}
		})
	}
	if _, err := parseConfig("serve", []string{"-public-url", "plans.example.org"}); err == nil {
		t.Fatal("a public URL without a scheme was accepted")
	}
}

// A sign-in post without the pre-session cookie is refused (403) even with
// the right password and no token at all: another site could otherwise
// sign a browser in to an account of its choosing (login CSRF).
func TestSignInWithoutThePreSessionCookie(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "csrf.db"), store.Options{BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateUser(context.Background(), "test", models.User{Username: "ed", Role: models.RoleEditor}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	engine := mustEngine(t, s, config{})
	for _, form := range []url.Values{
		{"username": {"ed"}, "password": {"correct horse battery"}},
		{"username": {"ed"}, "password": {"correct horse battery"}, auth.CSRFField: {""}},
		{"username": {"ed"}, "password": {"correct horse battery"}, auth.CSRFField: {strings.Repeat("x", 43)}},
	} {
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		engine.ServeHTTP(w, req)
		if w.Code != http.StatusForbidden {
			t.Errorf("%v without the cookie: %d, want 403", form, w.Code)
		}
		for _, c := range w.Result().Cookies() {
			if c.Name == auth.CookieName && c.Value != "" {
				t.Errorf("%v without the cookie signed in", form)
			}
		}
	}
}
