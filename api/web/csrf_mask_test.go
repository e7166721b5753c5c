package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestCSRFTokenMasking: two renders give different strings for one token,
// both accepted, as is the token itself; a tampered one, another
// session's, or garbage is refused.
func TestCSRFTokenMasking(t *testing.T) {
	const token = "0123456789abcdef0123456789abcdef0123456789a"
	render := func() string {
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("GET", "/", nil)
		c.Set(viaKey, viaSession)
		c.Set(csrfKey, token)
		return CSRFToken(c)
	}
	valid := func(sent string) bool {
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("POST", "/", strings.NewReader(url.Values{CSRFField: {sent}}.Encode()))
		c.Request.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		c.Set(viaKey, viaSession)
		c.Set(csrfKey, token)
		return CSRFValid(c)
	}
	a, b := render(), render()
	if a == b || strings.Contains(a, token) || strings.Contains(b, token) {
		t.Fatalf("two renders: %q and %q (token %q)", a, b, token)
	}
	for _, sent := range []string{a, b, token} {
		if !valid(sent) {
			t.Errorf("%q refused", sent)
		}
	}
	other := maskToken(strings.Repeat("z", len(token)))
	for _, sent := range []string{"", a[:len(a)-2] + "AA", other, "not base64 at all!", maskToken("")} {
		if valid(sent) {
			t.Errorf("%q accepted", sent)
		}
	}
}
