package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// Process is a server running as a child process: the load comes from
// another process (the test), over loopback, as it would from clients.
type Process struct {
	URL     string
	Started time.Time
	cmd     *exec.Cmd
	done    chan struct{}
	// peakAnon is the highest RssAnon seen by the sampler, in bytes.
	peakAnon atomic.Int64
}

// FreeAddr returns a loopback address with a free port.
func FreeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// Start starts a command serving on addr; its output goes to log.
func Start(addr string, log *os.File, env []string, name string, args ...string) (*Process, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.Env = append(os.Environ(), env...)
	// Should the test die first, the server dies with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	p := &Process{URL: "http://" + addr, cmd: cmd, done: make(chan struct{})}
	p.Started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { cmd.Wait(); close(p.done) }()
	go p.sampleAnon()
	return p, nil
}

// sampleAnon records the process's anonymous resident memory (RssAnon:
// heap, stacks, SQLite's page caches) every 20 ms until it ends. VmHWM's
// peak also counts the pages of the binary mapped from its file (clean,
// shared, reclaimable: some 38 MB of code and read-only data here), which
// the kernel maps around every page touched; the anonymous peak is what
// the server itself allocated.
func (p *Process) sampleAnon() {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-tick.C:
			if kb, err := p.status("RssAnon:"); err == nil && kb*1024 > p.peakAnon.Load() {
				p.peakAnon.Store(kb * 1024)
			}
		}
	}
}

// PeakAnon is the highest anonymous resident memory sampled, in bytes.
func (p *Process) PeakAnon() int64 { return p.peakAnon.Load() }

// FileRSS is the resident memory mapped from files now (RssFile), in bytes.
func (p *Process) FileRSS() (int64, error) {
	kb, err := p.status("RssFile:")
	return kb * 1024, err
}

// WaitReady polls path (with header) until it is answered 200, and returns
// how long after the start that was: the start-up time to the first served
// request.
func (p *Process) WaitReady(path string, header http.Header, timeout time.Duration) (time.Duration, error) {
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	deadline := p.Started.Add(timeout)
	for {
		req, _ := http.NewRequest("GET", p.URL+path, nil)
		req.Header = header.Clone()
		res, err := client.Do(req)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return time.Since(p.Started), nil
			}
			err = errors.New(res.Status)
		}
		select {
		case <-p.done:
			return 0, fmt.Errorf("the server exited on start: %v", p.cmd.ProcessState)
		default:
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("no 200 from %s within %s: %v", path, timeout, err)
		}
		time.Sleep(time.Millisecond)
	}
}

// PeakRSS is the process's peak resident set size (VmHWM), in bytes.
func (p *Process) PeakRSS() (int64, error) {
	kb, err := p.status("VmHWM:")
	return kb * 1024, err
}

// status reads one "Name: N kB" line of /proc/PID/status, in kB.
func (p *Process) status(field string) (int64, error) {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(p.cmd.Process.Pid), "status"))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		}
	}
	return 0, errors.New("no " + field + " in /proc/PID/status")
}

// CPU is the processor time the process has used so far.
func (p *Process) CPU() (time.Duration, error) {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(p.cmd.Process.Pid), "stat"))
	if err != nil {
		return 0, err
	}
	return cpuOfStat(string(b))
}

// cpuOfStat reads utime + stime from a /proc/PID/stat line.
func cpuOfStat(stat string) (time.Duration, error) {
	// The command name, in parentheses, may hold spaces: fields count
	// from after its closing parenthesis.
	i := strings.LastIndexByte(stat, ')')
	f := strings.Fields(stat[i+1:])
	if len(f) < 13 {
		return 0, errors.New("short /proc/PID/stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, err
	}
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(utime+stime) * time.Second / ticks, nil
}

// Stop asks the process to finish (SIGTERM) and waits, killing it after
// 30 s.
func (p *Process) Stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// Build builds the plantracker binary from the module's root into dir.
func Build(ctx context.Context, dir string) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("no module root (go env GOMOD: %q, %v)", mod, err)
	}
	bin := filepath.Join(dir, "plantracker")
	cmd := exec.CommandContext(ctx, "go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Dir = filepath.Dir(mod)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}
