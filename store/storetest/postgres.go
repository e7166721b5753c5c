package storetest

// The throwaway PostgreSQL server: one per test binary, started by Main,
// and a fresh database per test (NewDatabase).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// DefaultBinDir is where Debian's postgresql package puts PostgreSQL 15.
const DefaultBinDir = "/usr/lib/postgresql/15/bin"

// ErrNotInstalled: no PostgreSQL 15 binaries on this machine.
var ErrNotInstalled = errors.New("PostgreSQL 15 is not installed")

// How long the slow steps may take before the server is given up on.
const (
	startTimeout = 2 * time.Minute
	stopTimeout  = 30 * time.Second
	queryTimeout = time.Minute
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	Port int

	dir    string // the temporary directory: data/, the socket, the log
	bin    string
	runAs  []string // the command prefix that runs a program as the postgres user; empty when not root
	admin  *sql.DB  // a pool on the postgres database, for creating and dropping databases
	mu     sync.Mutex
	seq    int
	drops  sync.WaitGroup
	stop   sync.Once
	dog    *exec.Cmd
	dogEnd *os.File // closing it (or dying) tells the watchdog to clean up
}

// BinDir is where the PostgreSQL programs are looked for.
func BinDir() string {
	if d := os.Getenv("PGTEST_BINDIR"); d != "" {
		return d
	}
	return DefaultBinDir
}

// Start initialises a cluster in a new temporary directory and starts it.
// It returns an error wrapping ErrNotInstalled when PostgreSQL is missing.
func Start(ctx context.Context) (srv *Server, err error) {
	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	bin := BinDir()
	for _, prog := range []string{"initdb", "pg_ctl", "postgres"} {
		if _, err := os.Stat(filepath.Join(bin, prog)); err != nil {
			return nil, fmt.Errorf("%w: no %s in %s (install Debian's postgresql package, or run .ci/install-test-deps)",
				ErrNotInstalled, prog, bin)
		}
	}
	dir, err := os.MkdirTemp("", "storetest-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, bin: bin}
	defer func() {
		if err != nil {
			s.Stop()
		}
	}()
	if os.Geteuid() == 0 {
		if err := s.handToPostgresUser(); err != nil {
			return nil, err
		}
	}
	if err := s.startWatchdog(); err != nil {
		return nil, fmt.Errorf("storetest: watchdog: %w", err)
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run(ctx, "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync",
		"-E", "UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"); err != nil {
		return nil, fmt.Errorf("storetest: initdb: %w\n%s", err, out)
	}
	// A port that is free now may be taken by the time the server binds
	// it; try a few.
	for attempt := 0; ; attempt++ {
		if s.Port, err = freePort(); err != nil {
			return nil, err
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
			s.Port, dir)
		out, err := s.run(ctx, "pg_ctl", "-D", data, "-l", filepath.Join(dir, "server.log"), "-o", opts,
			"-w", "-t", "60", "start")
		if err == nil {
			break
		}
		if attempt == 2 || ctx.Err() != nil {
			log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			return nil, fmt.Errorf("storetest: pg_ctl start: %w\n%s\n%s", err, out, log)
		}
	}
	if s.admin, err = sql.Open("pgx", s.DSN("postgres")); err != nil {
		return nil, fmt.Errorf("storetest: connect: %w", err)
	}
	if err := s.admin.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("storetest: connect: %w", err)
	}
	return s, nil
}

// handToPostgresUser makes the directory the postgres user's, for initdb
// and the server run as that user.
func (s *Server) handToPostgresUser() error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("storetest: running as root needs the postgres user (Debian's postgresql package creates it): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(s.dir, uid, gid); err != nil {
		return err
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return fmt.Errorf("storetest: running as root needs runuser (util-linux): %w", err)
	}
	s.runAs = []string{runuser, "-u", "postgres", "--"}
	return nil
}

// run runs one of PostgreSQL's programs (as the postgres user when root)
// and returns what it printed.
func (s *Server) run(ctx context.Context, prog string, args ...string) ([]byte, error) {
	argv := append(append(append([]string{}, s.runAs...), filepath.Join(s.bin, prog)), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "TZ=UTC")
	// The server pg_ctl starts writes to its log file, not to our pipe; the
	// delay only matters if something unexpected keeps the pipe open.
	cmd.WaitDelay = 5 * time.Second
	return cmd.CombinedOutput()
}

// startWatchdog starts a shell that waits for end of file on its standard
// input, the read end of a pipe whose write end only this process holds, so
// it reads end of file when this process closes it or dies in whatever way.
// Then it stops the server and removes the directory. It runs in its own
// session, so a Ctrl-C at the terminal does not reach it.
func (s *Server) startWatchdog() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	const script = `dir=$1; shift
read -r _ignored
if [ -f "$dir/data/postmaster.pid" ]; then
	"$@" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
fi
rm -rf "$dir"`
	argv := append([]string{"-c", script, "storetest-pg-watchdog", s.dir}, s.runAs...)
	argv = append(argv, filepath.Join(s.bin, "pg_ctl"))
	cmd := exec.Command("/bin/sh", argv...)
	cmd.Stdin = r // stdout and stderr: /dev/null, so that go test never waits for them
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		return err
	}
	s.dog, s.dogEnd = cmd, w
	return nil
}

// Stop stops the server and removes its directory. It is safe to call more
// than once and from several goroutines.
func (s *Server) Stop() error {
	var err error
	s.stop.Do(func() {
		waitOrTimeout(&s.drops, stopTimeout)
		if s.admin != nil {
			s.admin.Close()
		}
		if _, statErr := os.Stat(filepath.Join(s.dir, "data", "postmaster.pid")); statErr == nil {
			ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
			out, stopErr := s.run(ctx, "pg_ctl", "-D", filepath.Join(s.dir, "data"), "-m", "fast", "-w", "-t", "20", "stop")
			cancel()
			if stopErr != nil {
				err = fmt.Errorf("storetest: pg_ctl stop: %w\n%s", stopErr, out)
			}
		}
		if rmErr := os.RemoveAll(s.dir); rmErr != nil && !errors.Is(rmErr, fs.ErrNotExist) && err == nil {
			err = rmErr
		}
		if s.dogEnd != nil {
			s.dogEnd.Close() // the watchdog finds nothing left to do and exits
			done := make(chan struct{})
			go func() { s.dog.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(stopTimeout):
				s.dog.Process.Kill()
			}
		}
	})
	return err
}

// DSN is the connection string of a database on the server.
func (s *Server) DSN(database string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, database)
}

// CreateDatabase creates a database with a new unique name, empty or as a
// copy of template ("" for none), and returns its name. A template must
// have no open connections while it is copied.
func (s *Server) CreateDatabase(ctx context.Context, hint, template string) (string, error) {
	s.mu.Lock()
	s.seq++
	name := fmt.Sprintf("t%03d_%s", s.seq, sanitize(hint))
	s.mu.Unlock()
	stmt := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		stmt += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	// PostgreSQL 15's default strategy copies through the WAL, page by
	// page; with fsync off copying the files is several times faster.
	stmt += " STRATEGY FILE_COPY"
	if err := s.exec(ctx, stmt); err != nil {
		return "", fmt.Errorf("storetest: create database %s: %w", name, err)
	}
	return name, nil
}

// DropDatabase drops a database, closing whatever connections it still has.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	return s.exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
}

func (s *Server) exec(ctx context.Context, stmt string) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	_, err := s.admin.ExecContext(ctx, stmt)
	return err
}

// sanitize turns a test name into a short, readable part of a database name.
func sanitize(hint string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(hint) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}

func waitOrTimeout(wg *sync.WaitGroup, d time.Duration) {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// The server shared by the tests of one test binary.
var shared struct {
	srv *Server
	err error
}

// Main starts the shared server, runs setup (when not nil) and the tests,
// stops the server, and returns the exit code for os.Exit:
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m, nil)) }
//
// When PostgreSQL is not installed the tests still run, and Require skips
// (or, in CI, fails) the ones that need it. Any other failure to start the
// server fails the tests that need it.
func Main(m *testing.M, setup func() error) int {
	shared.srv, shared.err = Start(context.Background())
	if shared.srv != nil {
		defer shared.srv.Stop()
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		go func() {
			s := <-sig
			fmt.Fprintf(os.Stderr, "storetest: %v: stopping PostgreSQL\n", s)
			shared.srv.Stop()
			os.Exit(2)
		}()
	}
	if setup != nil {
		if err := setup(); err != nil {
			fmt.Fprintln(os.Stderr, "test setup:", err)
			return 1
		}
	}
	return m.Run()
}

// Shared returns the shared server Main started, or why there is none.
func Shared() (*Server, error) {
	if shared.srv == nil && shared.err == nil {
		return nil, errors.New("storetest: no server: call storetest.Main from TestMain")
	}
	return shared.srv, shared.err
}

// InCI reports whether the tests run in CI (CI=true, CI=1: any true
// value strconv.ParseBool reads), where a missing PostgreSQL, Chromium or
// pdftotext fails the tests instead of skipping them. It is the one place
// that reads CI: every package's tests ask it.
func InCI() bool {
	ci, _ := strconv.ParseBool(os.Getenv("CI"))
	return ci
}

// Require returns the shared server, or ends the test: it skips when
// PostgreSQL is not installed, unless in CI, and fails otherwise.
func Require(t testing.TB) *Server {
	t.Helper()
	srv, err := Shared()
	switch {
	case err == nil:
		return srv
	case errors.Is(err, ErrNotInstalled) && !InCI():
		t.Skipf("skipping the PostgreSQL tests: %v", err)
	case errors.Is(err, ErrNotInstalled):
		t.Fatalf("CI=true and PostgreSQL is missing: %v", err)
	default:
		t.Fatalf("PostgreSQL did not start: %v", err)
	}
	return nil
}

// NewDatabase creates a fresh empty database on the shared server for one
// test, dropped when the test ends, and returns its DSN.
func NewDatabase(t testing.TB) string {
	t.Helper()
	return NewDatabaseFrom(t, "")
}

// NewDatabaseFrom is NewDatabase with a copy of template (a database name)
// instead of an empty database.
func NewDatabaseFrom(t testing.TB, template string) string {
	t.Helper()
	srv := Require(t)
	name, err := srv.CreateDatabase(context.Background(), t.Name(), template)
	if err != nil {
		t.Fatal(err)
	}
	// Registered first, so it runs after the test's own cleanups, which
	// close its connections. The drop runs in the background: the server
	// takes a while (up to 100 ms) to notice the connections are gone, and
	// the test need not wait for that. Stop waits for pending drops.
	t.Cleanup(func() { srv.dropLater(name) })
	return srv.DSN(name)
}

// dropLater drops a database in the background; Stop waits for it.
func (s *Server) dropLater(name string) {
	s.drops.Add(1)
	go func() {
		defer s.drops.Done()
		if err := s.DropDatabase(context.Background(), name); err != nil {
			fmt.Fprintf(os.Stderr, "storetest: drop database %s: %v\n", name, err)
		}
	}()
}
