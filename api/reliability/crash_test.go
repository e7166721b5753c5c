package reliability

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // to read the file beside the server

	"plantracker/models"
)

const (
	crashRounds  = 12
	crashWriters = 4
	// crashTimeout bounds the whole test, the build of the binary included.
	crashTimeout = 5 * time.Minute
)

// The server is killed (SIGKILL, no chance to clean up) at a random moment
// while clients create and change provisions, and started again on its
// SQLite file, round after round. After every restart the file passes
// SQLite's integrity and foreign key checks, and every write the server
// acknowledged (2xx) is there with its content; a write that was in flight
// when the server died is there entirely or not at all.
func TestCrashRecovery(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), crashTimeout)
	defer cancel()
	bin := buildServer(ctx, t)
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	// An editor and an API token, made with the binary's own commands
	// before the first start (which then makes no admin of its own).
	run := func(args ...string) string {
		out, err := exec.CommandContext(ctx, bin, append(args, "-db", db)...).CombinedOutput()
		if err != nil {
			t.Fatalf("plantracker %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("user", "add", "crasher", "-role", "editor")
	out := run("token", "create", "-user", "crasher", "-name", "crash test")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	token := strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(token, "pt_") {
		t.Fatalf("no token in %q", out)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: bearer{token, http.DefaultTransport}}

	var w history
	defer client.CloseIdleConnections()
	checked, writes, inFlight, landed := 0, 0, 0, 0
	for round := 0; round <= crashRounds; round++ {
		client.CloseIdleConnections() // to the server killed last round
		srv := startServer(ctx, t, bin, db, logFile)
		n, settled, err := w.verify(ctx, client, srv.url, db)
		landed += settled
		if err != nil {
			srv.kill()
			log, _ := os.ReadFile(logFile.Name())
			t.Fatalf("after %d kills: %v\nserver log:\n%s", round, err, tail(log, 3000))
		}
		checked += n
		if round == 0 {
			if err := w.setUp(ctx, client, srv.url); err != nil {
				srv.kill()
				t.Fatal(err)
			}
		}
		if round == crashRounds { // the last start only checks
			srv.kill()
			break
		}
		// Write until the kill, at a random moment.
		var killed atomic.Bool
		var wg sync.WaitGroup
		errs := make(chan error, crashWriters)
		var acked atomic.Int64
		for i := range crashWriters {
			wg.Go(func() {
				if err := w.writer(i).write(ctx, client, srv.url, round, &killed, &acked); err != nil {
					errs <- err
				}
			})
		}
		time.Sleep(time.Duration(50+rand.IntN(450)) * time.Millisecond)
		killed.Store(true)
		srv.kill()
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
		writes += int(acked.Load())
		for _, wr := range w.writers {
			inFlight += wr.postsInFlight
			wr.postsInFlight = 0
			for _, p := range wr.provisions {
				if p.pending != nil {
					inFlight++
				}
			}
		}
		if ctx.Err() != nil {
			t.Fatalf("round %d: out of time", round)
		}
	}
	if err := ftsIntegrity(db); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d kills and restarts: %d acknowledged writes, all there after each restart; %d writes in flight at a kill, "+
		"of which %d changes were found applied (whole) and the rest not at all; %d provision checks after restarts (%d provisions at the end); "+
		"integrity_check and foreign_key_check ok after every restart, the full-text index consistent at the end",
		crashRounds, writes, inFlight, landed, checked, w.count())
	if writes < crashRounds {
		t.Fatalf("only %d writes were acknowledged in %d rounds: the test did not test much", writes, crashRounds)
	}
}

// buildServer builds the plantracker binary from the module's root.
func buildServer(ctx context.Context, t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("building the server needs the go command: %v", err)
	}
	out, err := exec.CommandContext(ctx, goBin, "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		t.Fatalf("no module root (go env GOMOD: %q, %v)", mod, err)
	}
	bin := filepath.Join(t.TempDir(), "plantracker")
	cmd := exec.CommandContext(ctx, goBin, "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Dir = filepath.Dir(mod)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// server is a running plantracker process.
type server struct {
	url  string
	cmd  *exec.Cmd
	done chan struct{}
}

// startServer starts the binary on db and a free port, and waits until it
// answers /healthz.
func startServer(ctx context.Context, t *testing.T, bin, db string, log *os.File) *server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "serve", "-addr", addr, "-db", db, "-seed=false", "-sync", "FULL")
	cmd.Stdout, cmd.Stderr = log, log
	// Should the test die first, the server dies with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{url: "http://" + addr, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	t.Cleanup(s.kill)
	deadline := time.Now().Add(30 * time.Second)
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", s.url+"/healthz", nil)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s
			}
		}
		select {
		case <-s.done:
			t.Fatalf("the server exited on start: %v", cmd.ProcessState)
		case <-ctx.Done():
			s.kill()
			t.Fatal("out of time waiting for the server")
		default:
		}
		if time.Now().After(deadline) {
			s.kill()
			t.Fatal("the server did not answer /healthz within 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (s *server) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
}

// history is what the clients wrote, as far as they know.
type history struct {
	draftID int64
	writers []*writer
}

func (w *history) writer(i int) *writer {
	for len(w.writers) <= i {
		w.writers = append(w.writers, &writer{id: len(w.writers), draftID: w.draftID})
	}
	return w.writers[i]
}

func (w *history) count() int {
	n := 0
	for _, wr := range w.writers {
		n += len(wr.provisions)
	}
	return n
}

// setUp creates the party and the draft the writers write into.
func (w *history) setUp(ctx context.Context, c *http.Client, base string) error {
	if _, err := post(ctx, c, base+"/api/v1/parties", `{"name":"Ukraine","short_name":"UA","type":"state"}`, 201); err != nil {
		return err
	}
	if _, err := post(ctx, c, base+"/api/v1/sources", `{"key":"test","publisher":"Plantracker tests","title":"Crash test"}`, 201); err != nil {
		return err
	}
	plan, err := post(ctx, c, base+"/api/v1/plans", `{"title":"Crash test"}`, 201)
	if err != nil {
		return err
	}
	draft, err := post(ctx, c, fmt.Sprintf("%s/api/v1/plans/%d/drafts", base, plan.ID), `{"label":"Draft","date":"2025-11-20"}`, 201)
	if err != nil {
		return err
	}
	w.draftID = draft.ID
	for i := range crashWriters {
		w.writer(i).draftID = draft.ID
	}
	return nil
}

func post(ctx context.Context, c *http.Client, url, body string, want int) (struct{ ID int64 }, error) {
	var v struct{ ID int64 }
	got, err := do(ctx, c, "POST", url, body)
	if err != nil || got.status != want {
		return v, fmt.Errorf("POST %s: %d %v %s", url, got.status, err, got.body)
	}
	return v, json.Unmarshal(got.body, &v)
}

// writer is one client: it creates provisions and changes its own ones,
// one request at a time, so it knows what each of them must hold.
type writer struct {
	id         int
	draftID    int64
	seq        int
	provisions []*known
	// postsInFlight counts creations the kill cut off: they may or may
	// not have happened, and nobody was told either way.
	postsInFlight int
}

// known is a provision as the server last acknowledged it, and the write
// that was in flight when the server was killed, if any.
type known struct {
	id      int64
	key     string
	acked   state
	pending *state
}

// state is what a provision holds: title and limit are unique per write.
type state struct {
	version int
	title   string
	limit   int
}

// write creates and changes provisions until the server is killed. An
// error before the kill, or an answer that is not what an acknowledged
// history allows, fails the test.
func (wr *writer) write(ctx context.Context, c *http.Client, base string, round int, killed *atomic.Bool, acked *atomic.Int64) error {
	for ctx.Err() == nil {
		wr.seq++
		next := state{title: fmt.Sprintf("Cap w%dr%dn%d", wr.id, round, wr.seq), limit: 1 + wr.id*1_000_000 + wr.seq}
		if len(wr.provisions) == 0 || rand.IntN(3) == 0 {
			key := fmt.Sprintf("cap-w%d-n%d", wr.id, wr.seq)
			body := fmt.Sprintf(`{"key":%q,"point":"6","kind":"troop_cap","title":%q,"terms":{"party":"UA","limit":%d},"sourcing":"reported","sources":[{"source":"test","sourcing":"reported"}]}`,
				key, next.title, next.limit)
			got, err := do(ctx, c, "POST", fmt.Sprintf("%s/api/v1/drafts/%d/provisions", base, wr.draftID), body)
			if err != nil && killed.Load() {
				wr.postsInFlight++
				return nil
			}
			if err != nil || got.status != 201 {
				return fmt.Errorf("writer %d: POST %s: %d %v %s", wr.id, key, got.status, err, got.body)
			}
			var p models.Provision
			if err := json.Unmarshal(got.body, &p); err != nil {
				return err
			}
			next.version = 1
			wr.provisions = append(wr.provisions, &known{id: p.ID, key: key, acked: next})
			acked.Add(1)
			continue
		}
		k := wr.provisions[rand.IntN(len(wr.provisions))]
		next.version = k.acked.version + 1
		body := fmt.Sprintf(`{"title":%q,"terms":{"party":"UA","limit":%d}}`, next.title, next.limit)
		url := fmt.Sprintf("%s/api/v1/provisions/%d", base, k.id)
		got, err := do(ctx, c, "PATCH", url, body, "If-Match", fmt.Sprintf(`"%d"`, k.acked.version))
		if err != nil && killed.Load() {
			k.pending = &next // applied or not; the next start tells
			return nil
		}
		if err != nil || got.status != 200 {
			return fmt.Errorf("writer %d: PATCH %s over version %d: %d %v %s", wr.id, url, k.acked.version, got.status, err, got.body)
		}
		k.acked = next
		acked.Add(1)
	}
	return nil
}

// verify checks the file and every provision the clients know of, and
// settles the changes that were in flight. It returns how many provisions
// it checked, and how many changes in flight had been applied.
func (w *history) verify(ctx context.Context, c *http.Client, base, db string) (n, landed int, err error) {
	if err := integrity(db); err != nil {
		return 0, 0, err
	}
	for _, wr := range w.writers {
		for _, k := range wr.provisions {
			url := fmt.Sprintf("%s/api/v1/provisions/%d", base, k.id)
			got, err := do(ctx, c, "GET", url, "")
			if err != nil || got.status != 200 {
				return n, landed, fmt.Errorf("acknowledged provision %s (%d) is gone: GET %d %v %s", k.key, k.id, got.status, err, got.body)
			}
			var p models.Provision
			if err := json.Unmarshal(got.body, &p); err != nil {
				return n, landed, err
			}
			var terms struct{ Limit int }
			json.Unmarshal(p.Terms, &terms)
			is := state{version: p.Version, title: p.Title, limit: terms.Limit}
			switch {
			case p.Key == k.key && is == k.acked:
			case p.Key == k.key && k.pending != nil && is == *k.pending:
				k.acked = *k.pending // the write in flight made it, whole
				landed++
			default:
				return n, landed, fmt.Errorf("provision %s (%d) holds %+v; acknowledged %+v, in flight %+v", k.key, k.id, is, k.acked, k.pending)
			}
			k.pending = nil
			n++
		}
	}
	return n, landed, nil
}

// integrity runs SQLite's integrity and foreign key checks on the file,
// beside the running server (WAL lets a reader in).
func integrity(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	if result != "ok" {
		return fmt.Errorf("integrity_check: %s", result)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign_key_check finds rows that refer to nothing")
	}
	return rows.Err()
}

// ftsIntegrity checks, with the server stopped, that the full-text index
// matches the provisions it indexes: its triggers ran in the same
// transactions as the writes, crash or not.
func ftsIntegrity(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO provisions_fts(provisions_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	return nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
