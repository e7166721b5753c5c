package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"plantracker/api/web"
	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
)

// serveConfig is what serve needs.
type serveConfig struct {
	store storeConfig
	addr  string
	seed  bool // load the seed data into an empty database
	// trustedProxies are the addresses (IPs or CIDRs) of the reverse
	// proxies whose X-Forwarded-For names the client.
	trustedProxies []string
	// publicURL is where people reach the server; when it is https, the
	// cookies are marked Secure.
	publicURL string
}

func parseServe(std IO, args []string) (serveConfig, error) {
	var cfg serveConfig
	fs := newFlags("serve", std)
	cfg.store.register(fs)
	fs.StringVar(&cfg.addr, "addr", env("PLANTRACKER_ADDR", ":8080"), "listen address")
	seedDefault, err := strconv.ParseBool(env("PLANTRACKER_SEED", "true"))
	if err != nil {
		return cfg, fmt.Errorf("PLANTRACKER_SEED: %w", err)
	}
	fs.BoolVar(&cfg.seed, "seed", seedDefault, "load the seed data into an empty database")
	var proxies string
	fs.StringVar(&proxies, "trusted-proxies", env("PLANTRACKER_TRUSTED_PROXIES", ""), "reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For to believe")
	fs.StringVar(&cfg.publicURL, "public-url", env("PLANTRACKER_PUBLIC_URL", ""), "the address people use, e.g. https://plans.example.org (https makes cookies Secure)")
	if _, err := parseFlags(fs, args); err != nil {
		return cfg, err
	}
	return cfg, cfg.parseServing(proxies)
}

// parseServing checks the serving options that come as text: the trusted
// proxies (each an IP or a CIDR) and the public URL.
func (cfg *serveConfig) parseServing(proxies string) error {
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if _, err := netip.ParsePrefix(p); err != nil {
			if _, err := netip.ParseAddr(p); err != nil {
				return fmt.Errorf("trusted proxy %q is neither an IP address nor a CIDR block", p)
			}
		}
		cfg.trustedProxies = append(cfg.trustedProxies, p)
	}
	if cfg.publicURL != "" {
		u, err := url.Parse(cfg.publicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("public URL %q must be an http:// or https:// address", cfg.publicURL)
		}
	}
	return nil
}

// engineOptions are the engine's options from the serving config: cookies
// must be Secure whatever the request says when people reach the server
// over https, through a proxy that ends TLS (the server itself sees plain
// HTTP).
func (cfg serveConfig) engineOptions() EngineOptions {
	return EngineOptions{TrustedProxies: cfg.trustedProxies,
		SecureCookies: strings.HasPrefix(strings.ToLower(cfg.publicURL), "https://")}
}

// serve runs "plantracker serve": the UI and the API over one database,
// until ctx ends.
func serve(ctx context.Context, std IO, args []string) error {
	cfg, err := parseServe(std, args)
	if err != nil {
		return err
	}
	started := time.Now()
	s, err := cfg.store.open(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err := s.Close(); err != nil {
			slog.Error("closing the database", "err", err)
		}
	}()
	readOnly, why := s.ReadOnly()
	if readOnly {
		slog.Warn("the database is read-only: serving reads, refusing every write (and sign-in)", "reason", why)
	}
	if cfg.seed && !readOnly {
		empty, err := s.Empty(ctx)
		if err != nil {
			return err
		}
		if empty {
			res, err := seeds.Load(ctx, s)
			if err != nil {
				return err
			}
			slog.Info("new database: seed data loaded", "added", res.String())
		}
	}

	if !readOnly {
		if err := bootstrapAdmin(ctx, s, std); err != nil {
			return err
		}
		go expireSessions(ctx, s)
	}

	gin.SetMode(gin.ReleaseMode)
	opts := cfg.engineOptions()
	opts.Stop = ctx.Done()
	engine, err := NewEngine(s, opts)
	if err != nil {
		return err
	}
	// Requests' contexts derive from reqCtx, which shutting down cancels
	// (shutdownGrace − requestsGrace after it begins): http.Server.Shutdown
	// waits for requests in flight but cancels none, so a long request (a
	// parse) must be told to stop for Shutdown to end within its grace.
	reqCtx, cancelRequests := context.WithCancel(context.Background())
	defer cancelRequests()
	srv := &http.Server{
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
		Addr:              cfg.addr,
		Handler:           engine,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute, // PDF exports of large drafts take a while
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	slog.Info("serving", "addr", cfg.addr, "db", s.Dialect(), "startup_ms", time.Since(started).Milliseconds(),
		"url", "http://localhost"+portOf(cfg.addr))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	stopRequests := time.AfterFunc(shutdownGrace-requestsGrace, cancelRequests)
	defer stopRequests.Stop()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// shutdownGrace is how long shutting down waits for requests in flight;
// requestsGrace is how long before its end their contexts are cancelled,
// so that work that checks its context (a parse) stops and answers in
// time.
const (
	shutdownGrace = 20 * time.Second
	requestsGrace = 5 * time.Second
)

func portOf(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return ""
}

// bootstrapAdmin makes the first user, so that a new installation can be
// signed into at once: "admin", with PLANTRACKER_ADMIN_PASSWORD or a random
// password printed once to the log.
func bootstrapAdmin(ctx context.Context, s *store.Store, std IO) error {
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	password, given := os.LookupEnv("PLANTRACKER_ADMIN_PASSWORD")
	if !given {
		password = generatePassword()
	}
	if _, err := s.CreateUser(ctx, operator, models.User{Username: "admin", Role: models.RoleAdmin}, password); err != nil {
		return fmt.Errorf("creating the first user, admin: %w", err)
	}
	if given {
		slog.Info("no users yet: created admin with the password in PLANTRACKER_ADMIN_PASSWORD")
		return nil
	}
	slog.Info("no users yet: created admin; sign in with this password, shown only now",
		"username", "admin", "password", password)
	// And where a person starting the server for the first time looks.
	fmt.Fprintf(std.Err, "\n  First start: sign in as  admin  with password  %s\n"+
		"  (shown only now; change it with: plantracker user passwd admin)\n\n", password)
	return nil
}

// expireSessions removes expired sessions every hour, until ctx ends.
func expireSessions(ctx context.Context, s *store.Store) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if n, err := s.DeleteExpiredSessions(ctx, web.DefaultPolicy); err != nil {
				slog.Error("removing expired sessions", "err", err)
			} else if n > 0 {
				slog.Info("removed expired sessions", "count", n)
			}
		}
	}
}
