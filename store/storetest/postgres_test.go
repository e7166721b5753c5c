package storetest

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) {
	if os.Getenv("PGTEST_HELPER") == "panic" {
		helperPanics()
		return
	}
	os.Exit(Main(m, nil))
}

// connect connects to dsn for the rest of the test.
func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func TestDatabasesAreFreshAndSeparate(t *testing.T) {
	ctx := context.Background()
	a, b := NewDatabase(t), NewDatabase(t)
	if a == b {
		t.Fatalf("two tests share %s", a)
	}
	ca := connect(t, a)
	if _, err := ca.Exec(ctx, "CREATE TABLE marker (x int)"); err != nil {
		t.Fatal(err)
	}
	cb := connect(t, b)
	var n int
	if err := cb.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("the second database sees the first's table: %d %v", n, err)
	}
	var version, encoding string
	if err := ca.QueryRow(ctx, "SELECT current_setting('server_version'), pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()").
		Scan(&version, &encoding); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(version, "15.") || encoding != "UTF8" {
		t.Fatalf("server %s, encoding %s; want 15.x and UTF8", version, encoding)
	}
}

func TestTemplateCopies(t *testing.T) {
	ctx := context.Background()
	srv := Require(t)
	tpl, err := srv.CreateDatabase(ctx, "tpl", "")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.DropDatabase(ctx, tpl)
	c := connect(t, srv.DSN(tpl))
	if _, err := c.Exec(ctx, "CREATE TABLE seeded AS SELECT 42 AS answer"); err != nil {
		t.Fatal(err)
	}
	c.Close(ctx) // a template is copied only while nobody is connected to it
	c = connect(t, NewDatabaseFrom(t, tpl))
	var answer int
	if err := c.QueryRow(ctx, "SELECT answer FROM seeded").Scan(&answer); err != nil || answer != 42 {
		t.Fatalf("copy of the template: %d %v", answer, err)
	}
}

// A test binary that panics (or is killed) leaves no server behind: the
// watchdog stops it and removes its directory.
func TestServerDiesWithTheTestBinary(t *testing.T) {
	Require(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PGTEST_HELPER=panic")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = nil
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var dir string
	var port int
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "server %s %d", &dir, &port); err == nil {
			break
		}
	}
	cmd.Wait()
	if dir == "" || port == 0 {
		t.Fatal("the helper did not start a server")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, statErr := os.Stat(dir)
		conn, dialErr := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if dialErr == nil {
			conn.Close()
		}
		if os.IsNotExist(statErr) && dialErr != nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("30 s after the helper panicked: dir %s still there (%v), port %d still open (%v)", dir, statErr, port, dialErr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// helperPanics starts a server, says where, and panics without stopping it.
func helperPanics() {
	srv, err := Start(context.Background())
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Printf("server %s %d\n", srv.dir, srv.Port)
	os.Stdout.Sync()
	panic("the helper panics, as a failing test might")
}
