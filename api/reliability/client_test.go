package reliability

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"plantracker/store"
)

// The client side of the tests: requests as a program sends them, over a
// real connection, signed with an API token.

// response is what a request got back.
type response struct {
	status int
	etag   string
	body   []byte
}

// do sends one request with a JSON body (when not empty) and extra headers
// as name, value pairs.
func do(ctx context.Context, c *http.Client, method, url, body string, headers ...string) (response, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, r)
	if err != nil {
		return response{}, err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return response{status: res.StatusCode, etag: res.Header.Get("ETag"), body: b}, err
}

// newClient is an HTTP client that keeps enough idle connections for many
// goroutines, so that they reuse connections instead of running the
// machine out of ports, and signs every request with an API token.
func newClient(token string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 256
	tr.MaxIdleConnsPerHost = 128
	return &http.Client{Transport: bearer{token, tr}}
}

// bearer adds "Authorization: Bearer token" to every request.
type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(req)
}

// tokenFor makes an API token for the loader, world's editor.
func tokenFor(t *testing.T, s *store.Store) string {
	t.Helper()
	secret, _, err := s.CreateToken(context.Background(), "setup", "loader", "load")
	if err != nil {
		t.Fatal(err)
	}
	return secret
}
