package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The load comes from wrk (Debian's package; make bench installs it), a
// process of its own written in C: a load generator in Go, on the same two
// cores, was the bottleneck of what it measured (its bare handler reached
// 6,700 req/s where wrk's reaches 16,700).

// Wrk is one load of wrk's: Conns connections, each sending its next
// request as soon as the last one is answered, on two threads (one with a
// single connection), first for Warmup (not measured: a run of its own),
// then for Duration. Script, a Lua script of wrk's (see Script), makes each
// request.
type Wrk struct {
	Name             string
	URL              string // the server's base URL
	Conns            int
	Warmup, Duration time.Duration
	Script           string // the path of the script
}

// Result is what one run of wrk measured, read from its output.
type Result struct {
	Name     string
	Requests int     // answered in the measured period, whatever their status
	Rate     float64 // wrk's Requests/sec
	Elapsed  time.Duration
	P50, P99 time.Duration // from wrk's latency distribution
	Max      time.Duration
	Bytes    int64 // read, headers included
	// Errors counts the answers other than 2xx or 3xx and the socket
	// errors (connect, read, write, timeout), which ErrorText spells out.
	Errors    int
	ErrorText string
	// ServerCPU and ClientCPU are the processor time the server and wrk
	// spent in the measured period.
	ServerCPU, ClientCPU time.Duration
}

// RPS is requests per second.
func (r Result) RPS() float64 { return r.Rate }

func (r Result) String() string {
	s := fmt.Sprintf("%-34s %8.0f req/s  p50 %7s  p99 %7s  max %7s", r.Name, r.RPS(), ms(r.P50), ms(r.P99), ms(r.Max))
	if r.Requests > 0 {
		s += fmt.Sprintf("  %6.1f KB/answer  %s", float64(r.Bytes)/float64(r.Requests)/1024, r.CPU())
	}
	if r.Errors > 0 {
		s += fmt.Sprintf("  %d ERRORS (%s)", r.Errors, r.ErrorText)
	}
	return s
}

// CPU says what processor time the server and wrk spent per request.
func (r Result) CPU() string {
	if r.Requests == 0 {
		return ""
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(r.Requests) }
	return fmt.Sprintf("CPU per request: server %.0f µs, wrk %.0f µs", per(r.ServerCPU), per(r.ClientCPU))
}

// WrkPath finds wrk.
func WrkPath() (string, error) {
	path, err := exec.LookPath("wrk")
	if err != nil {
		return "", errors.New("wrk is not installed: make bench installs it (.ci/install-bench-deps), or apt-get install wrk")
	}
	return path, nil
}

// Run warms server up with the load, then measures it. server is the
// process under load, for its processor time.
func (l Wrk) Run(ctx context.Context, server *Process) (Result, error) {
	var warm Result
	if l.Warmup > 0 {
		var err error
		if warm, err = l.run(ctx, l.Warmup, "warm-up", 1); err != nil {
			return warm, fmt.Errorf("%s, warming up: %w", l.Name, err)
		}
	}
	cpu0, err := server.CPU()
	if err != nil {
		return Result{Name: l.Name}, err
	}
	res, err := l.run(ctx, l.Duration, "measured", 2)
	if err != nil {
		return res, fmt.Errorf("%s: %w", l.Name, err)
	}
	cpu1, err := server.CPU()
	res.ServerCPU = cpu1 - cpu0
	if warm.Errors > 0 { // the warm-up's errors are errors too
		res.Errors += warm.Errors
		res.ErrorText = strings.TrimSuffix("in the warm-up, "+warm.ErrorText+"; "+res.ErrorText, "; ")
	}
	return res, err
}

// WrkVersion is what wrk says it is ("wrk debian/4.1.0-3+b2 [epoll]").
func WrkVersion() string {
	bin, err := WrkPath()
	if err != nil {
		return ""
	}
	out, _ := exec.Command(bin, "--version").CombinedOutput() // which exits 1
	v, _, _ := strings.Cut(string(out), " Copyright")
	v, _, _ = strings.Cut(v, "\n")
	return strings.TrimSpace(v)
}

// run runs wrk once. The script is given a tag, unique to the run, and a
// seed for its random choices.
func (l Wrk) run(ctx context.Context, d time.Duration, phase string, seed int) (Result, error) {
	res := Result{Name: l.Name}
	bin, err := WrkPath()
	if err != nil {
		return res, err
	}
	threads := min(2, l.Conns)
	tag := fmt.Sprintf("%s-%d", phase, time.Now().UnixNano())
	cmd := exec.CommandContext(ctx, bin, "--threads", strconv.Itoa(threads), "--connections", strconv.Itoa(l.Conns),
		"--duration", strconv.Itoa(max(1, int(d.Round(time.Second).Seconds())))+"s",
		// A slow answer is measured as slow, not dropped as an error
		// after wrk's default 2 s.
		"--timeout", "30s",
		"--latency", "--script", l.Script, l.URL, "--", tag, strconv.Itoa(seed))
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return res, fmt.Errorf("wrk: %v\n%s", err, out.String())
	}
	if res, err = ParseWrk(out.String()); err != nil {
		return res, fmt.Errorf("%w\n%s", err, out.String())
	}
	res.Name = l.Name
	res.ClientCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return res, nil
}

var (
	wrkRequests  = regexp.MustCompile(`^(\d+) requests in ([0-9.]+[a-z]+), ([0-9.]+)([KMGTP]?)B read$`)
	wrkLatency   = regexp.MustCompile(`^Latency\s+(\S+)\s+(\S+)\s+(\S+)\s+`)
	wrkPercent   = regexp.MustCompile(`^(50|99)%\s+(\S+)$`)
	wrkRate      = regexp.MustCompile(`^Requests/sec:\s+([0-9.]+)$`)
	wrkNon2xx    = regexp.MustCompile(`^Non-2xx or 3xx responses: (\d+)$`)
	wrkSocketErr = regexp.MustCompile(`^Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)$`)
)

// ParseWrk reads what wrk --latency printed: the requests, their rate, the
// median, 99th percentile and maximum of their latencies, the bytes read,
// and the answers other than 2xx or 3xx and the socket errors, which wrk
// prints only when there are some.
func ParseWrk(out string) (Result, error) {
	var res Result
	var errs []string
	var seen int
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		var err error
		if m := wrkRequests.FindStringSubmatch(line); m != nil {
			seen |= 1
			res.Requests, err = strconv.Atoi(m[1])
			var e error
			res.Elapsed, e = wrkDuration(m[2])
			err = errors.Join(err, e)
			var b float64
			b, e = strconv.ParseFloat(m[3], 64)
			res.Bytes = int64(b * map[string]float64{"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40, "P": 1 << 50}[m[4]])
			err = errors.Join(err, e)
		} else if m := wrkLatency.FindStringSubmatch(line); m != nil {
			seen |= 2
			res.Max, err = wrkDuration(m[3])
		} else if m := wrkPercent.FindStringSubmatch(line); m != nil {
			d, e := wrkDuration(m[2])
			err = e
			if m[1] == "50" {
				seen |= 4
				res.P50 = d
			} else {
				seen |= 8
				res.P99 = d
			}
		} else if m := wrkRate.FindStringSubmatch(line); m != nil {
			seen |= 16
			res.Rate, err = strconv.ParseFloat(m[1], 64)
		} else if m := wrkNon2xx.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			res.Errors += n
			errs = append(errs, fmt.Sprintf("%d answers not 2xx or 3xx", n))
		} else if m := wrkSocketErr.FindStringSubmatch(line); m != nil {
			for _, v := range m[1:] {
				n, _ := strconv.Atoi(v)
				res.Errors += n
			}
			errs = append(errs, "socket errors: "+strings.TrimPrefix(line, "Socket errors: "))
		}
		if err != nil {
			return res, fmt.Errorf("wrk's output, %q: %w", line, err)
		}
	}
	if seen != 31 {
		return res, errors.New("wrk's output lacks a figure (requests, latency, 50%, 99% or requests/sec): was --latency given?")
	}
	res.ErrorText = strings.Join(errs, "; ")
	return res, nil
}

// wrkDuration reads one of wrk's durations: 812.00us, 2.91ms, 1.02s, 1.50m,
// 1.00h.
func wrkDuration(s string) (time.Duration, error) {
	i := strings.IndexFunc(s, func(r rune) bool { return r != '.' && (r < '0' || r > '9') })
	if i <= 0 {
		return 0, fmt.Errorf("not a duration: %q", s)
	}
	v, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		return 0, err
	}
	unit := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second, "m": time.Minute, "h": time.Hour}[s[i:]]
	if unit == 0 {
		return 0, fmt.Errorf("not a duration: %q", s)
	}
	return time.Duration(v * float64(unit)), nil
}

// Script is what each request of a load is, written as one of wrk's Lua
// scripts. Every script draws at random with its own seed on each thread
// (wrk gives each thread a Lua state of its own), and knows its run's tag
// and seed from wrk's arguments after --.
type Script struct {
	// Header goes with every request (the API token).
	Header map[string]string
	// Either Paths, taken in turn (each thread starting at its own), or
	// Prefix, a random one of IDs and Suffix.
	Paths          []string
	Prefix, Suffix string
	IDs            []int64
	// Title, for a PATCH: each request sets the title of a random one of
	// IDs, a new title each time ({"title": "Revised under load, …"}).
	Title bool
}

// Write writes the script to path.
func (s Script) Write(path string) error {
	var b strings.Builder
	b.WriteString("-- Written by plantracker/api/bench for one load of wrk's.\n")
	b.WriteString("local headers = {")
	for k, v := range s.Header {
		fmt.Fprintf(&b, "[%s] = %s, ", luaString(k), luaString(v))
	}
	b.WriteString("}\n")
	b.WriteString(`local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
local tag
local function start(args)
  tag = args[1] or ""
  math.randomseed(thread_number * 7919 + tonumber(args[2] or "0"))
end
`)
	switch {
	case len(s.Paths) > 0:
		b.WriteString("local paths = {\n")
		for _, p := range s.Paths {
			fmt.Fprintf(&b, "  %s,\n", luaString(p))
		}
		b.WriteString(`}
local requests, i = {}, 0
function init(args)
  start(args)
  for k, p in ipairs(paths) do requests[k] = wrk.format("GET", p, headers) end
  i = thread_number
end
function request()
  i = i % #requests + 1
  return requests[i]
end
`)
	case len(s.IDs) > 0:
		// The ids as one long string, read into a table: a table
		// constructor of 100,000 constants would be too large a chunk.
		b.WriteString("local ids = {}\nfor id in ([[\n")
		for i, id := range s.IDs {
			b.WriteString(strconv.FormatInt(id, 10))
			if i%20 == 19 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		fmt.Fprintf(&b, "\n]]):gmatch(\"%%d+\") do ids[#ids + 1] = id end\nlocal prefix, suffix = %s, %s\n", luaString(s.Prefix), luaString(s.Suffix))
		if s.Title {
			b.WriteString(`local n = 0
function init(args)
  start(args)
  headers["Content-Type"] = "application/json"
end
function request()
  n = n + 1
  local body = '{"title":"Revised under load, ' .. tag .. ' ' .. thread_number .. '-' .. n .. '"}'
  return wrk.format("PATCH", prefix .. ids[math.random(#ids)] .. suffix, headers, body)
end
`)
		} else {
			// A GET differs only in its id: the rest of the request is
			// formatted once.
			b.WriteString(`local before, after
function init(args)
  start(args)
  local r = wrk.format("GET", "\1", headers)
  local at = r:find("\1", 1, true)
  before, after = r:sub(1, at - 1) .. prefix, suffix .. r:sub(at + 1)
end
function request()
  return before .. ids[math.random(#ids)] .. after
end
`)
		}
	default:
		return errors.New("a script needs paths or ids")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// luaString quotes s for Lua, every byte outside printable ASCII escaped.
func luaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\%03d", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
