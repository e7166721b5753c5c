// Command plantracker serves the Plantracker web UI and REST API over one
// database, and runs the operator's tasks on it.
//
//	plantracker [serve]                       serve the UI and API (the default)
//	plantracker seed                          load the seed data into the database (idempotent)
//	plantracker user add NAME [-role ROLE]    add a user; prints a generated password (or -password-stdin)
//	plantracker user passwd NAME              set a new password (generated, or -password-stdin); ends
//	                                          the user's sessions and API tokens (-keep-tokens: not the tokens)
//	plantracker user role NAME ROLE           change a user's role: viewer, editor or admin
//	plantracker user list | remove NAME
//	plantracker token create -user NAME -name LABEL   prints a new API token, once
//	plantracker token list [-user NAME] | revoke ID
//	plantracker backup FILE     a consistent snapshot of the SQLite database, safe while serving
//	plantracker restore FILE    replace the SQLite database's contents with a backup's
//	plantracker export [FILE]   everything, as JSON (to standard output without FILE)
//	plantracker import FILE     load an export into an empty database (SQLite or PostgreSQL)
//	plantracker gen [-plans N] [-drafts M] [-provisions K] [-seed S]
//	                            add N plans × M drafts × K provisions of generated data (benchmarks)
//
// Configuration comes from flags, or PLANTRACKER_* environment variables:
//
//	-addr  PLANTRACKER_ADDR  listen address (default :8080)
//	-db    PLANTRACKER_DB    SQLite file, or a postgres:// DSN (default plantracker.db)
//	-sync  PLANTRACKER_SYNC  SQLite synchronous: FULL (default) or NORMAL
//	-seed  PLANTRACKER_SEED  load the seed data into an empty database (default true)
//	-trusted-proxies  PLANTRACKER_TRUSTED_PROXIES  proxies (IPs or CIDRs, comma-separated) whose
//	                  X-Forwarded-For is believed; none by default
//	-public-url       PLANTRACKER_PUBLIC_URL       the address people use; https makes cookies Secure
//
// On first start, with no users, an "admin" user is created with the
// password in PLANTRACKER_ADMIN_PASSWORD, or a random one printed once.
package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gin-contrib/gzip"
	"github.com/gin-gonic/gin"

	"plantracker/api"
	"plantracker/api/web"
	"plantracker/models"
	"plantracker/seeds"
	"plantracker/store"
	"plantracker/store/gen"
	"plantracker/ui"
	"plantracker/ui/notices"
)

type config struct {
	addr string
	db   string
	sync string
	seed bool
	// trustedProxies are the addresses (IPs or CIDRs) of the reverse
	// proxies whose X-Forwarded-For names the client. None by default: a
	// client could otherwise claim any address, and each claimed address
	// gets a fresh sign-in budget.
	trustedProxies []string
	// publicURL is where people reach the server; when it is https, the
	// cookies are marked Secure.
	publicURL string
	// stop, closed when the server starts shutting down, ends the live
	// event streams.
	stop <-chan struct{}

	// For the user and token commands.
	args          []string // positional arguments, flags taken out
	role          string
	user          string
	name          string
	passwordStdin bool
	keepTokens    bool

	gen gen.Config // for the gen command
}

func main() {
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err := run(os.Args[1:]); err != nil {
		slog.Error("plantracker", "err", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	cfg, err := parseConfig(cmd, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd {
	case "serve":
		return serve(ctx, cfg)
	case "seed":
		return seed(ctx, cfg)
	case "user":
		return userCommand(ctx, cfg, os.Stdin, os.Stdout)
	case "token":
		return tokenCommand(ctx, cfg, os.Stdout)
	case "backup", "restore", "export", "import":
		return dataCommand(ctx, cmd, cfg, os.Stdout)
	case "gen":
		return generate(ctx, cfg, os.Stdout)
	case "licenses":
		_, err := io.WriteString(os.Stdout, notices.Text())
		return err
	default:
		return fmt.Errorf("unknown command %q: use serve, seed, user, token, backup, restore, export, import, gen or licenses", cmd)
	}
}

func parseConfig(cmd string, args []string) (config, error) {
	fs := flag.NewFlagSet("plantracker "+cmd, flag.ContinueOnError)
	var cfg config
	fs.StringVar(&cfg.addr, "addr", env("PLANTRACKER_ADDR", ":8080"), "listen address")
	fs.StringVar(&cfg.db, "db", env("PLANTRACKER_DB", "plantracker.db"), "SQLite file or postgres:// DSN")
	fs.StringVar(&cfg.sync, "sync", env("PLANTRACKER_SYNC", "FULL"), "SQLite synchronous: FULL or NORMAL")
	seedDefault, err := strconv.ParseBool(env("PLANTRACKER_SEED", "true"))
	if err != nil {
		return cfg, fmt.Errorf("PLANTRACKER_SEED: %w", err)
	}
	var proxies string
	fs.StringVar(&proxies, "trusted-proxies", env("PLANTRACKER_TRUSTED_PROXIES", ""), "reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For to believe")
	fs.StringVar(&cfg.publicURL, "public-url", env("PLANTRACKER_PUBLIC_URL", ""), "the address people use, e.g. https://plans.example.org (https makes cookies Secure)")
	if cmd == "gen" {
		fs.IntVar(&cfg.gen.Plans, "plans", 10, "plans to add")
		fs.IntVar(&cfg.gen.Drafts, "drafts", 100, "drafts per plan, each forked from the one before")
		fs.IntVar(&cfg.gen.Provisions, "provisions", 100, "provisions per draft")
		fs.Uint64Var(&cfg.gen.Seed, "seed", 1, "random seed: the same seed gives the same data")
	} else {
		fs.BoolVar(&cfg.seed, "seed", seedDefault, "load the seed data into an empty database")
	}
	if cmd == "user" || cmd == "token" {
		fs.StringVar(&cfg.role, "role", models.RoleViewer, "the user's role: viewer, editor or admin")
		fs.StringVar(&cfg.user, "user", "", "the user a token is for")
		fs.StringVar(&cfg.name, "name", "", "what a token is for, e.g. \"ci script\"")
		fs.BoolVar(&cfg.passwordStdin, "password-stdin", false, "read the password from standard input instead of generating one")
		fs.BoolVar(&cfg.keepTokens, "keep-tokens", false, "with passwd: leave the user's API tokens valid (sessions end all the same)")
	}
	// Flags may come before, between or after the positional arguments
	// ("user add alice -role editor").
	for {
		if err := fs.Parse(args); err != nil {
			return cfg, err
		}
		if fs.NArg() == 0 {
			return cfg, cfg.parseServing(proxies)
		}
		cfg.args = append(cfg.args, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func openStore(ctx context.Context, cfg config) (*store.Store, error) {
	return store.Open(ctx, cfg.db, store.Options{Synchronous: cfg.sync})
}

func seed(ctx context.Context, cfg config) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := seeds.Load(ctx, s)
	if err != nil {
		return err
	}
	slog.Info("seed data loaded", "added", res.String())
	return nil
}

func serve(ctx context.Context, cfg config) error {
	started := time.Now()
	s, err := openStore(ctx, cfg)
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
		if err := bootstrapAdmin(ctx, s); err != nil {
			return err
		}
		go expireSessions(ctx, s)
	}

	cfg.stop = ctx.Done()
	engine, err := newEngine(s, cfg)
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

// compression gzips responses for clients that accept it: pages of 20 to
// 80 KiB, JSON and the static files shrink to a fifth. What is compressed
// already (PNG charts, PDF, ZIP and XLSX downloads) goes as it is, and so
// does the event stream, which must reach the browser as it is written.
// Error responses go uncompressed (the middleware's choice).
func compression() gin.HandlerFunc {
	return gzip.Gzip(gzip.DefaultCompression,
		gzip.WithExcludedExtensions([]string{".png", ".gif", ".jpg", ".jpeg", ".pdf", ".zip", ".xlsx"}),
		gzip.WithExcludedPaths([]string{"/api/v1/events"}))
}

// newEngine builds the one Gin engine both surfaces are mounted on, with
// the middleware they share.
func newEngine(s *store.Store, cfg config) (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// A trailing slash is redirected by NotFound of each surface: gin's own
	// redirect answers HTML, where the API answers problem documents.
	r.RedirectTrailingSlash = false
	// ClientIP (the sign-in limit's address, the access log) believes
	// X-Forwarded-For and X-Real-IP only from the proxies named; with none,
	// it is the connection's address.
	if err := r.SetTrustedProxies(cfg.trustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	authn := &web.Authenticator{Store: s, Policy: web.DefaultPolicy, SecureCookies: cfg.secureCookies()}
	r.Use(gin.Recovery(), web.RequestID(), web.AccessLog(), web.SecurityHeaders(), compression(),
		web.MaxBodyBytes(api.MaxBodyBytes), authn.Identify())
	a := api.New(s)
	if cfg.stop != nil {
		// Event streams end when shutting down begins, so that Shutdown,
		// which waits for requests in flight, is not kept waiting by them.
		go func() { <-cfg.stop; a.EndStreams() }()
	}
	a.Mount(r)
	ui.New(s, authn).Mount(r)
	r.NoRoute(func(c *gin.Context) {
		if api.IsAPIPath(c.Request.URL.Path) {
			api.NotFound(c)
			return
		}
		ui.NotFound(c)
	})
	r.NoMethod(func(c *gin.Context) {
		if api.IsAPIPath(c.Request.URL.Path) {
			api.MethodNotAllowed(c)
			return
		}
		ui.MethodNotAllowed(c)
	})
	return r, nil
}

func portOf(addr string) string {
	for i := len(addr) - 1; i >= 0; i-- {
		if addr[i] == ':' {
			return addr[i:]
		}
	}
	return ""
}

// operator is who the audit trail says ran a command-line change.
const operator = "operator"

// userCommand runs "plantracker user …".
func userCommand(ctx context.Context, cfg config, stdin io.Reader, out io.Writer) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	sub, args := subcommand(cfg.args)
	switch {
	case sub == "list" && len(args) == 0:
		users, err := s.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			fmt.Fprintf(out, "%-24s %s\n", u.Username, u.Role)
		}
		return nil
	case sub == "add" && len(args) == 1:
		password, generated, err := newPassword(cfg, stdin)
		if err != nil {
			return err
		}
		u, err := s.CreateUser(ctx, operator, models.User{Username: args[0], Role: cfg.role}, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "added %s (%s)\n", u.Username, u.Role)
		if generated {
			fmt.Fprintf(out, "password: %s\n", password)
		}
		return nil
	case sub == "passwd" && len(args) == 1:
		password, generated, err := newPassword(cfg, stdin)
		if err != nil {
			return err
		}
		if err := s.SetPassword(ctx, operator, args[0], password, cfg.keepTokens); err != nil {
			return err
		}
		ended := "their sessions and API tokens are ended"
		if cfg.keepTokens {
			ended = "their sessions are ended; their API tokens are kept"
		}
		fmt.Fprintf(out, "new password set for %s; %s\n", models.NormalizeUsername(args[0]), ended)
		if generated {
			fmt.Fprintf(out, "password: %s\n", password)
		}
		return nil
	case sub == "role" && len(args) == 2:
		u, err := s.SetRole(ctx, operator, args[0], args[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is now %s\n", u.Username, u.Role)
		return nil
	case sub == "remove" && len(args) == 1:
		if err := s.DeleteUser(ctx, operator, args[0]); err != nil {
			return err
		}
		fmt.Fprintf(out, "removed %s\n", models.NormalizeUsername(args[0]))
		return nil
	}
	return errors.New("usage: plantracker user add NAME [-role viewer|editor|admin] [-password-stdin] | passwd NAME [-password-stdin] [-keep-tokens] | role NAME ROLE | list | remove NAME")
}

// tokenCommand runs "plantracker token …".
func tokenCommand(ctx context.Context, cfg config, out io.Writer) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	sub, args := subcommand(cfg.args)
	switch {
	case sub == "create" && len(args) == 0 && cfg.user != "":
		secret, tok, err := s.CreateToken(ctx, operator, cfg.user, cfg.name)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "token %d %q for %s; it is shown only now:\n%s\n", tok.ID, tok.Name, tok.Username, secret)
		return nil
	case sub == "list" && len(args) == 0:
		tokens, err := s.Tokens(ctx, cfg.user)
		if err != nil {
			return err
		}
		for _, t := range tokens {
			used := "never used"
			if t.LastUsedAt != nil {
				used = "last used " + t.LastUsedAt.Format(time.RFC3339)
			}
			fmt.Fprintf(out, "%-4d %-16s %-24s %s… %s\n", t.ID, t.Username, t.Name, t.Prefix, used)
		}
		return nil
	case sub == "revoke" && len(args) == 1:
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Errorf("token id %q is not a number", args[0])
		}
		if err := s.RevokeToken(ctx, operator, id); err != nil {
			return err
		}
		fmt.Fprintf(out, "revoked token %d\n", id)
		return nil
	}
	return errors.New("usage: plantracker token create -user NAME -name LABEL | list [-user NAME] | revoke ID")
}

func subcommand(args []string) (string, []string) {
	if len(args) == 0 {
		return "", nil
	}
	return args[0], args[1:]
}

// newPassword reads a password from standard input (-password-stdin) or
// makes one up, to be printed once.
func newPassword(cfg config, stdin io.Reader) (password string, generated bool, err error) {
	if cfg.passwordStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		return strings.TrimRight(line, "\r\n"), false, nil
	}
	return generatePassword(), true, nil
}

// generatePassword returns a random password of 20 characters from an
// alphabet without look-alikes (no 0/O, 1/l/I), easy to read out and type.
func generatePassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	var b [20]byte
	_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported platforms
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:])
}

// dataCommand runs backup, restore, export and import.
func dataCommand(ctx context.Context, cmd string, cfg config, out io.Writer) error {
	if len(cfg.args) != 1 && !(cmd == "export" && len(cfg.args) == 0) {
		return fmt.Errorf("usage: plantracker %s FILE", cmd)
	}
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	switch cmd {
	case "backup":
		if err := s.Backup(ctx, cfg.args[0]); err != nil {
			return err
		}
		fmt.Fprintf(out, "backed up to %s (integrity check: ok)\n", cfg.args[0])
	case "restore":
		kept, err := s.Restore(ctx, cfg.args[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "restored from %s; the database as it was is kept in %s\n", cfg.args[0], kept)
	case "export":
		if len(cfg.args) == 0 {
			return s.Export(ctx, out)
		}
		return writeFileAtomically(cfg.args[0], func(w io.Writer) error { return s.Export(ctx, w) })
	case "import":
		f, err := os.Open(cfg.args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		if err := s.Import(ctx, bufio.NewReader(f)); err != nil {
			return err
		}
		fmt.Fprintf(out, "imported %s\n", cfg.args[0])
	}
	return nil
}

// generate runs "plantracker gen": it adds generated plans, drafts and
// provisions to the database, for benchmarks and load tests.
func generate(ctx context.Context, cfg config, out io.Writer) error {
	if len(cfg.args) != 0 {
		return errors.New("usage: plantracker gen [-plans N] [-drafts M] [-provisions K] [-seed S]")
	}
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	started := time.Now()
	cfg.gen.Progress = func(r gen.Result) {
		fmt.Fprintf(out, "  %s (%s)\n", r, time.Since(started).Round(time.Second))
	}
	res, err := gen.Generate(ctx, s, cfg.gen)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "added %s in %s\n", res, time.Since(started).Round(time.Millisecond))
	return nil
}

// writeFileAtomically writes a file under a temporary name and renames it
// into place, so that a failed export never leaves half a file behind.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// bootstrapAdmin makes the first user, so that a new installation can be
// signed into at once: "admin", with PLANTRACKER_ADMIN_PASSWORD or a random
// password printed once to the log.
func bootstrapAdmin(ctx context.Context, s *store.Store) error {
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
	fmt.Fprintf(os.Stderr, "\n  First start: sign in as  admin  with password  %s\n"+
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

// parseServing checks the serving options that come as text: the trusted
// proxies (each an IP or a CIDR) and the public URL.
func (cfg *config) parseServing(proxies string) error {
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

// secureCookies says whether cookies must be Secure whatever the request
// says: when people reach the server over https, through a proxy that ends
// TLS, the server itself sees plain HTTP.
func (cfg config) secureCookies() bool {
	return strings.HasPrefix(strings.ToLower(cfg.publicURL), "https://")
}
