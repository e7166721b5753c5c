package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/models"
	"plantracker/store"
	"plantracker/store/storetest"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	m.Run()
}

func newAuthenticator(t *testing.T) (*Authenticator, *store.Store) {
	t.Helper()
	s := storetest.OpenSQLite(t)
	if _, err := s.CreateUser(context.Background(), "t", models.User{Username: "ed", Role: "editor"}, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	return &Authenticator{Store: s, Policy: DefaultPolicy}, s
}

// engineWith is the engine as main builds it (NewEngine, the shared
// middleware), with a surface that mount makes.
func engineWith(a *Authenticator, mount func(r gin.IRouter)) *gin.Engine {
	r, err := NewEngine(EngineConfig{Authenticator: a}, Surface{Mount: mount})
	if err != nil {
		panic(err) // no options to get wrong
	}
	return r
}

// probe is a tiny engine: /signin signs in, /who answers who is there and
// whether the request passes CSRF, /signout signs out.
func probe(a *Authenticator) *gin.Engine {
	return engineWith(a, func(r gin.IRouter) { probeRoutes(a, r) })
}

func probeRoutes(a *Authenticator, r gin.IRouter) {
	r.POST("/signin", func(c *gin.Context) {
		if _, err := a.SignIn(c, c.PostForm("u"), c.PostForm("p")); err != nil {
			c.String(401, err.Error())
			return
		}
		c.String(200, "ok")
	})
	who := func(c *gin.Context) {
		u, _ := User(c)
		c.String(200, "%s|%s|csrf=%v|allowed-editor=%d|allowed-admin=%d", u.Username, Actor(c), CSRFValid(c), Allowed(c, "editor"), Allowed(c, "admin"))
	}
	r.GET("/who", who)
	r.POST("/who", who)
	r.POST("/signout", func(c *gin.Context) { _ = a.SignOut(c); c.String(200, "bye") })
}

func serve(r http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	return w
}

func TestSessionSignInCSRFAndSignOut(t *testing.T) {
	a, s := newAuthenticator(t)
	r := probe(a)
	if w := serve(r, "GET", "/who", ""); w.Body.String() != "|anonymous|csrf=true|allowed-editor=401|allowed-admin=401" {
		t.Fatalf("anonymous: %s", w.Body)
	}
	if w := serve(r, "POST", "/signin", "u=ed&p=wrong"); w.Code != 401 {
		t.Fatalf("wrong password signed in: %d", w.Code)
	}
	w := serve(r, "POST", "/signin", "u=ED&p=correct+horse+battery")
	cookie := w.Result().Cookies()[0]
	if w.Code != 200 || cookie.Name != CookieName || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
		t.Fatalf("sign in: %d %+v", w.Code, cookie)
	}
	sess, err := s.Session(context.Background(), cookie.Value, DefaultPolicy)
	if err != nil {
		t.Fatal(err)
	}
	c := "Cookie"
	cv := CookieName + "=" + cookie.Value
	if w := serve(r, "GET", "/who", "", c, cv); w.Body.String() != "ed|ed|csrf=true|allowed-editor=0|allowed-admin=403" {
		t.Fatalf("signed in: %s", w.Body)
	}
	// A state change with the cookie needs the token: missing, wrong, right.
	if w := serve(r, "POST", "/who", "x=1", c, cv); !strings.Contains(w.Body.String(), "csrf=false") {
		t.Fatalf("no token: %s", w.Body)
	}
	if w := serve(r, "POST", "/who", CSRFField+"=nope", c, cv); !strings.Contains(w.Body.String(), "csrf=false") {
		t.Fatalf("wrong token: %s", w.Body)
	}
	if w := serve(r, "POST", "/who", CSRFField+"="+url.QueryEscape(sess.CSRF), c, cv); !strings.Contains(w.Body.String(), "csrf=true") {
		t.Fatalf("right token: %s", w.Body)
	}
	if w := serve(r, "POST", "/who", "", c, cv, CSRFHeader, sess.CSRF); !strings.Contains(w.Body.String(), "csrf=true") {
		t.Fatalf("token in the header: %s", w.Body)
	}
	serve(r, "POST", "/signout", "", c, cv)
	if w := serve(r, "GET", "/who", "", c, cv); !strings.HasPrefix(w.Body.String(), "|anonymous") {
		t.Fatalf("after sign-out: %s", w.Body)
	}
}

func TestBearerTokens(t *testing.T) {
	a, s := newAuthenticator(t)
	r := probe(a)
	secret, tok, err := s.CreateToken(context.Background(), "t", "ed", "script")
	if err != nil {
		t.Fatal(err)
	}
	if w := serve(r, "POST", "/who", "", "Authorization", "Bearer "+secret); w.Body.String() != "ed|ed|csrf=true|allowed-editor=0|allowed-admin=403" {
		t.Fatalf("bearer: %s", w.Body)
	}
	if err := s.RevokeToken(context.Background(), "t", tok.ID); err != nil {
		t.Fatal(err)
	}
	if w := serve(r, "GET", "/who", "", "Authorization", "Bearer "+secret); !strings.HasPrefix(w.Body.String(), "|anonymous|") {
		t.Fatalf("revoked token still identifies: %s", w.Body)
	}
	if w := serve(r, "GET", "/who", "", "Authorization", "Bearer pt_made-up"); !strings.HasPrefix(w.Body.String(), "|anonymous|") {
		t.Fatalf("made-up token: %s", w.Body)
	}
}

func TestLoginLimiter(t *testing.T) {
	l := NewLoginLimiter()
	now := time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	for i := 0; i < 5; i++ {
		if !l.Allow("ed", "10.0.0.1") {
			t.Fatalf("attempt %d refused", i+1)
		}
	}
	if l.Allow("ed", "10.0.0.2") {
		t.Fatal("a sixth attempt on one account, from another address, went ahead")
	}
	if !l.Allow("other", "10.0.0.1") {
		t.Fatal("another account from the same address was refused")
	}
	now = now.Add(31 * time.Second)
	if !l.Allow("ed", "10.0.0.3") {
		t.Fatal("the account's budget did not refill")
	}
	for i := 0; i < 20; i++ {
		l.Allow("user"+string(rune('a'+i)), "10.9.9.9")
	}
	if l.Allow("fresh", "10.9.9.9") {
		t.Fatal("one address tried 21 accounts at once")
	}
}

// The limiter's memory is bounded however many addresses and usernames
// arrive, and a limiter in use is not forgotten while strangers churn
// through the sets. Before it was bounded, 34k addresses made every attempt
// scan the whole map under its lock.
func TestLoginLimiterIsBounded(t *testing.T) {
	l := NewLoginLimiter()
	now := time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	for i := 0; i < 5; i++ {
		l.Allow("admin", "10.0.0.1")
	}
	if l.Allow("admin", "10.0.0.1") {
		t.Fatal("a sixth attempt on one account went ahead")
	}
	for i := 0; i < 3*MaxLimiters; i++ {
		addr := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}).String()
		l.Allow("guess"+strconv.Itoa(i), addr)
		if i%1000 == 0 && l.Allow("admin", "10.0.0.1") {
			t.Fatalf("after %d other attempts the account's spent budget was forgotten", i)
		}
	}
	if n := len(l.users.cur) + len(l.users.prev) + len(l.addrs.cur) + len(l.addrs.prev); n > 2*MaxLimiters {
		t.Fatalf("%d limiters kept, want at most %d", n, 2*MaxLimiters)
	}
}

// An IPv6 client is limited by its /64: rotating through the addresses of
// one subscriber's block gets no fresh budget.
func TestLoginLimiterIPv6Block(t *testing.T) {
	tests := []struct {
		name     string
		addr     func(i int) string
		want21st bool
	}{
		{"one /64", func(i int) string { return "2001:db8:1:2::" + strconv.FormatInt(int64(i+1), 16) }, false},
		{"many /64s", func(i int) string { return "2001:db8:1:" + strconv.FormatInt(int64(i+1), 16) + "::1" }, true},
		{"ipv4", func(i int) string { return "192.0.2." + strconv.Itoa(i+1) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := NewLoginLimiter()
			var ok bool
			for i := 0; i < 21; i++ {
				ok = l.Allow("user"+strconv.Itoa(i), tt.addr(i))
			}
			if ok != tt.want21st {
				t.Fatalf("the 21st attempt allowed: %v, want %v", ok, tt.want21st)
			}
		})
	}
}

// Before signing in, a form post passes CSRF only with the pre-session
// cookie and the same token in the form, both long enough: a post without
// the cookie must fail even when its form has no token either (empty
// equals empty, were the length guard to go).
func TestPreSessionCSRF(t *testing.T) {
	a, _ := newAuthenticator(t)
	token := strings.Repeat("t", 43)
	tests := []struct {
		name          string
		cookie, field string // "-": not sent
		want          bool
	}{
		{"no cookie, no token", "-", "-", false},
		{"no cookie, an empty token", "-", "", false},
		{"no cookie, a token", "-", token, false},
		{"an empty cookie, an empty token", "", "", false},
		{"a short cookie, the same token", "abc", "abc", false},
		{"a cookie, no token", token, "-", false},
		{"a cookie, another token", token, strings.Repeat("u", 43), false},
		{"a cookie, the same token", token, token, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := engineWith(a, func(r gin.IRouter) {
				r.POST("/login", func(c *gin.Context) { c.String(200, "%v", CSRFValid(c)) })
			})
			form := url.Values{}
			if tt.field != "-" {
				form.Set(CSRFField, tt.field)
			}
			var header []string
			if tt.cookie != "-" {
				header = []string{"Cookie", PreSessionCookie + "=" + tt.cookie}
			}
			if got := serve(r, "POST", "/login", form.Encode(), header...).Body.String(); got != strconv.FormatBool(tt.want) {
				t.Fatalf("CSRFValid = %s, want %v", got, tt.want)
			}
		})
	}
}
