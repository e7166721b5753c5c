package bench

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Load is one scenario of HTTP load: Conns connections, each sending its
// next request as soon as the last one is answered (a closed loop), for
// Warmup (not measured) and then Duration.
type Load struct {
	Name             string
	Conns            int
	Warmup, Duration time.Duration
	// Next is a connection's n-th request.
	Next func(conn, n int) Request
	// Header goes with every request (the API token).
	Header http.Header
	// Want is the status every answer must have (default 200).
	Want int
}

// Request is one request of a load.
type Request struct {
	Method, URL string
	Body        []byte
	Header      http.Header
}

// Result is what a load measured: requests answered as wanted in the
// measured period, their latencies, and the others.
type Result struct {
	Name       string
	Requests   int
	Errors     int
	FirstError string
	Elapsed    time.Duration
	P50, P99   time.Duration
	Max        time.Duration
	Bytes      int64
}

// RPS is requests per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

func (r Result) String() string {
	s := fmt.Sprintf("%-34s %8.0f req/s  p50 %7s  p99 %7s  max %7s", r.Name, r.RPS(), ms(r.P50), ms(r.P99), ms(r.Max))
	if r.Requests > 0 {
		s += fmt.Sprintf("  %6.1f KB/answer", float64(r.Bytes)/float64(r.Requests)/1024)
	}
	if r.Errors > 0 {
		s += fmt.Sprintf("  %d ERRORS (first: %s)", r.Errors, r.FirstError)
	}
	return s
}

// Run runs a load against a server and measures it. Only requests started
// after the warm-up and before the end count; each connection keeps its
// latencies in its own slice, so measuring costs no locks.
//
// Each connection is a plain keep-alive TCP connection that writes its
// requests and reads the answers with http.ReadResponse: a client nearly as
// lean as wrk, so that on a small machine the load generator takes as
// little as it can of the processors the server needs.
func Run(l Load) Result {
	if l.Want == 0 {
		l.Want = http.StatusOK
	}
	start := time.Now()
	from := start.Add(l.Warmup)
	end := from.Add(l.Duration)
	type conn struct {
		lat   []time.Duration
		bytes int64
		errs  int
		first string
	}
	conns := make([]conn, l.Conns)
	var wg sync.WaitGroup
	for c := range l.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			me := &conns[c]
			me.lat = make([]time.Duration, 0, 1<<14)
			var cl *client
			defer func() {
				if cl != nil {
					cl.close()
				}
			}()
			for n := 0; ; n++ {
				t0 := time.Now()
				if !t0.Before(end) {
					return
				}
				r := l.Next(c, n)
				var size int64
				var err error
				if cl == nil {
					cl, err = dial(r.URL)
				}
				if err == nil {
					if size, err = cl.do(l, r); err != nil { // start afresh on a new connection
						cl.close()
						cl = nil
					}
				}
				took := time.Since(t0)
				if t0.Before(from) {
					continue
				}
				if err != nil {
					me.errs++
					if me.first == "" {
						me.first = err.Error()
					}
					continue
				}
				me.lat = append(me.lat, took)
				me.bytes += size
			}
		}()
	}
	wg.Wait()

	res := Result{Name: l.Name, Elapsed: l.Duration}
	var all []time.Duration
	for _, c := range conns {
		all = append(all, c.lat...)
		res.Bytes += c.bytes
		res.Errors += c.errs
		if res.FirstError == "" {
			res.FirstError = c.first
		}
	}
	res.Requests = len(all)
	res.P50, res.P99, res.Max = percentiles(all)
	return res
}

// client is one keep-alive HTTP/1.1 connection.
type client struct {
	conn net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
	host string
}

func dial(rawURL string) (*client, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		return nil, err
	}
	return &client{conn: conn, br: bufio.NewReaderSize(conn, 64<<10), bw: bufio.NewWriterSize(conn, 4<<10), host: u.Host}, nil
}

func (cl *client) close() { cl.conn.Close() }

// do sends one request and reads its answer, which must have the wanted
// status.
func (cl *client) do(l Load, r Request) (int64, error) {
	path := r.URL
	if i := strings.Index(path, "://"); i >= 0 {
		path = "/"
		if j := strings.IndexByte(r.URL[i+3:], '/'); j >= 0 {
			path = r.URL[i+3+j:]
		}
	}
	cl.conn.SetDeadline(time.Now().Add(time.Minute))
	w := cl.bw
	w.WriteString(r.Method + " " + path + " HTTP/1.1\r\nHost: " + cl.host + "\r\n")
	for _, h := range []http.Header{l.Header, r.Header} {
		for k, vs := range h {
			for _, v := range vs {
				w.WriteString(k + ": " + v + "\r\n")
			}
		}
	}
	if r.Body != nil {
		w.WriteString("Content-Length: " + strconv.Itoa(len(r.Body)) + "\r\n\r\n")
		w.Write(r.Body)
	} else {
		w.WriteString("\r\n")
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(cl.br, nil)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return n, err
	}
	if resp.StatusCode != l.Want {
		return n, fmt.Errorf("%s %s: %s", r.Method, r.URL, resp.Status)
	}
	if resp.Close {
		return n, errors.New("the server closed the connection")
	}
	return n, nil
}

// percentiles returns the median, the 99th percentile and the maximum.
func percentiles(ds []time.Duration) (p50, p99, max time.Duration) {
	if len(ds) == 0 {
		return 0, 0, 0
	}
	slices.Sort(ds)
	at := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return at(0.50), at(0.99), ds[len(ds)-1]
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000)
}
