package server

import (
	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/api/web"
	"plantracker/store"
	"plantracker/ui"
)

// EngineOptions are the serving options the engine takes.
type EngineOptions struct {
	// TrustedProxies are the reverse proxies (IPs or CIDRs) whose
	// X-Forwarded-For names the client. None by default: a client could
	// otherwise claim any address, and each claimed address gets a fresh
	// sign-in budget.
	TrustedProxies []string
	// SecureCookies marks every cookie Secure, for a server reached over
	// https through a proxy that ends TLS.
	SecureCookies bool
	// Stop, closed when the server starts shutting down, ends the live
	// event streams, so that Shutdown, which waits for requests in flight,
	// is not kept waiting by them. Nil: they end with their clients.
	Stop <-chan struct{}
}

// NewEngine is the server as it runs: the engine web.NewEngine builds, with
// the API and then the UI mounted on it over s.
func NewEngine(s *store.Store, o EngineOptions) (*gin.Engine, error) {
	authn := &web.Authenticator{Store: s, Policy: web.DefaultPolicy, SecureCookies: o.SecureCookies}
	a := api.New(s)
	engine, err := web.NewEngine(web.EngineConfig{Authenticator: authn, TrustedProxies: o.TrustedProxies, BodyLimit: api.MaxBodyBytes},
		a.Surface(), ui.New(s, authn).Surface())
	if err != nil {
		return nil, err
	}
	if o.Stop != nil {
		go func() { <-o.Stop; a.EndStreams() }()
	}
	return engine, nil
}
