package bench

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Report is the table `make bench` ends with: one row per figure, with its
// target and whether it holds, then the Go benchmarks of the same run.
type Report struct {
	Title   string
	Notes   []string
	Rows    []Row
	GoBench []GoBench
}

// Row is one figure: the floor's, where there is one, and ours.
type Row struct {
	Figure string
	Floor  string
	Ours   string
	Ratio  string
	Target string
	// Holds is nil for a figure without a target.
	Holds *bool
}

// Check makes a Row's Holds.
func Check(ok bool) *bool { return &ok }

// Markdown renders the report as Markdown, which reads as well in a
// terminal as in the README.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", r.Title)
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s\n", n)
	}
	if len(r.Notes) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString("| figure | floor | ours | ratio | target | holds |\n|---|---|---|---|---|---|\n")
	for _, row := range r.Rows {
		holds := ""
		if row.Holds != nil {
			holds = "no"
			if *row.Holds {
				holds = "yes"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", row.Figure, row.Floor, row.Ours, row.Ratio, row.Target, holds)
	}
	if len(r.GoBench) > 0 {
		b.WriteString("\n| Go benchmark | time/op | allocated/op | allocs/op |\n|---|---:|---:|---:|\n")
		for _, g := range r.GoBench {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", g.Name, duration(time.Duration(g.NsPerOp)),
				bytesIEC(g.BytesPerOp), thousands(g.AllocsPerOp))
		}
	}
	return b.String()
}

// GoBench is one result line of `go test -bench -benchmem`.
type GoBench struct {
	Name                             string // package/BenchmarkName
	NsPerOp, BytesPerOp, AllocsPerOp float64
}

// ParseGoBench reads the results out of `go test -bench -benchmem` output
// (several packages' worth).
func ParseGoBench(out string) []GoBench {
	var res []GoBench
	pkg := ""
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 && f[0] == "pkg:" {
			pkg = strings.TrimPrefix(f[1], "plantracker/")
			continue
		}
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 { // the GOMAXPROCS suffix
			name = name[:i]
		}
		g := GoBench{Name: pkg + "." + name}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				g.NsPerOp = v
			case "B/op":
				g.BytesPerOp = v
			case "allocs/op":
				g.AllocsPerOp = v
			}
		}
		res = append(res, g)
	}
	return res
}

func duration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	case d >= time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	case d >= time.Microsecond:
		return fmt.Sprintf("%.1f µs", float64(d)/float64(time.Microsecond))
	}
	return fmt.Sprintf("%d ns", d.Nanoseconds())
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000)
}

func bytesIEC(n float64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f B", n)
}

// thousands writes a whole number with thin separators: 12,345.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(v+0.5), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
