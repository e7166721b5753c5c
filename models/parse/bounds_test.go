package parse

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"plantracker/models"
)

// The parser's bounds (issue 27): a text an editor may post (up to
// MaxText bytes) is read in work and memory that grow with it no faster
// than n·log n, whatever it holds, and a parse stops when its context
// ends. The tests hold the bounds by bytes allocated, which is
// deterministic, not by time: the texts that cost minutes and gigabytes
// before allocated in proportion.

// pathological are the texts of the issue, each as long as asked (at most
// MaxText), cut at a line's end.
var pathological = map[string]string{
	"markers": "1.\n",                     // a bare point marker a line
	"range":   "Points 1–1000000000: x\n", // a range no draft has
	"digits":  "123,456 ",                 // one long number in groups
}

func pathologicalText(kind string, size int) string {
	unit := pathological[kind]
	if kind == "digits" {
		return "1. " + strings.Repeat(unit, (size-3)/len(unit))
	}
	return strings.Repeat(unit, size/len(unit))
}

// ordinaryText is the test drafts one after another, repeated to size and
// cut at a line's end.
func ordinaryText(t testing.TB, size int) string {
	var all strings.Builder
	for _, w := range loadParseWants(t) {
		all.WriteString(readTestdata(t, w.Text))
		all.WriteString("\n\n")
	}
	one := all.String()
	text := strings.Repeat(one, size/len(one)+1)[:size]
	if i := strings.LastIndexByte(text, '\n'); i > 0 {
		text = text[:i+1]
	}
	return text
}

// bigBase is a base draft of n provisions: the seeded 28 points again and
// again, each with a key of its own, as large as the largest the issue
// parsed against (2,148).
func bigBase(t testing.TB, n int) []models.Provision {
	seed := seedDraft(t, "US peace framework", "28-point draft")
	out := make([]models.Provision, n)
	for i := range out {
		p := seed[i%len(seed)]
		p.ID = int64(i + 1)
		p.Key = fmt.Sprintf("%s-r%d", p.Key, i/len(seed))
		out[i] = p
	}
	return out
}

// allocated is the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestTextBoundedOnPathologicalTexts: the texts, at the length
// the issue posted, allocate a bounded multiple of their length (the
// quadratic parts allocated gigabytes) and a text of more than MaxPoints
// points is refused with a *TooManyPointsError before any is read.
func TestTextBoundedOnPathologicalTexts(t *testing.T) {
	parties := seedParties(t)
	base := bigBase(t, 2148)
	for _, tc := range []struct {
		name    string
		text    string
		base    []models.Provision
		tooMany bool
		perByte uint64 // bytes allocated per byte of text, at most
	}{
		{"markers × 66,000 (198 KB)", pathologicalText("markers", 198_000), nil, true, 40},
		{"range × 5,000 (115 KB)", pathologicalText("range", 5000*len(pathological["range"])), nil, true, 40},
		{"range × 5,000 against 2,148 provisions", pathologicalText("range", 5000*len(pathological["range"])), base, true, 40},
		// Sub-points that name different subjects are provisions, and
		// count: 450 points of five each are 2,250, refused once the
		// 2,001st is read (an ordinary text allocates ~330 a byte).
		{"450 points of five sub-points", strings.Repeat("1. (a) ceasefire (b) elections in 100 days (c) full amnesty (d) sanctions lifted (e) troops capped at 600,000\n", 450), nil, true, 600},
		// Within the cap: every point read, and matched against the
		// large base through its candidates.
		{"markers × 1,990", pathologicalText("markers", 1990*3), nil, false, 2000},
		{"range × 1,990 against 2,148 provisions", pathologicalText("range", 1990*len(pathological["range"])), base, false, 1500},
		{"digits (199 KB)", pathologicalText("digits", 199_000), nil, false, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res Result
			var err error
			n := allocated(func() {
				res, err = TextContext(context.Background(), tc.text, Options{Parties: parties, Base: tc.base})
			})
			var tooMany *TooManyPointsError
			switch {
			case tc.tooMany && !errors.As(err, &tooMany):
				t.Fatalf("err %v, want a *TooManyPointsError", err)
			case tc.tooMany && !strings.Contains(tooMany.Validation().Error(), "more than 2000 points"):
				t.Errorf("field error %q does not say how many points a text may have", tooMany.Validation())
			case !tc.tooMany && (err != nil || len(res.Points) == 0):
				t.Fatalf("err %v, %d points", err, len(res.Points))
			}
			if limit := tc.perByte * uint64(len(tc.text)); n > limit {
				t.Errorf("%d bytes of text allocated %d bytes (%.0f a byte), want at most %d a byte",
					len(tc.text), n, float64(n)/float64(len(tc.text)), tc.perByte)
			}
			t.Logf("%d bytes of text: %d points, %d bytes allocated (%.0f a byte)", len(tc.text), len(res.Points), n, float64(n)/float64(len(tc.text)))
		})
	}
}

// TestTextGrowsLinearly: doubling an ordinary text (the test drafts
// repeated) and a long point of numbers about doubles what it allocates,
// the test of anything quadratic left in the reading.
func TestTextGrowsLinearly(t *testing.T) {
	parties := seedParties(t)
	base := seedDraft(t, "US peace framework", "28-point draft")
	for name, text := range map[string]func(int) string{
		"ordinary": func(n int) string { return ordinaryText(t, n) },
		"digits":   func(n int) string { return pathologicalText("digits", n) },
		"one long point": func(n int) string {
			return "1. " + strings.Repeat("Ukraine caps its armed forces at 600,000 troops (a) x (b) y. ", n/62)
		},
	} {
		t.Run(name, func(t *testing.T) {
			small, large := text(50_000), text(100_000)
			parse := func(s string) func() {
				return func() { _, _ = TextContext(context.Background(), s, Options{Parties: parties, Base: base}) }
			}
			a, b := allocated(parse(small)), allocated(parse(large))
			if ratio := float64(b) / float64(a); ratio > 2.6 {
				t.Errorf("50 KB allocated %d bytes, 100 KB %d: %.2f times, want about 2", a, b, ratio)
			}
		})
	}
}

// countdown is a context that ends after its Err has been asked n times:
// a parse that checks its context stops part way, deterministically.
type countdown struct {
	context.Context
	left atomic.Int64
}

func (c *countdown) Err() error {
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestTextContextStops: a parse whose context has ended does not start,
// one whose context ends while it reads points, or while it matches them
// to the base, stops with a *StoppedError wrapping the context's error.
func TestTextContextStops(t *testing.T) {
	opts := Options{Parties: seedParties(t), Base: bigBase(t, 300)}
	text := ordinaryText(t, 50_000)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := TextContext(ctx, text, opts)
	var stopped *StoppedError
	if !errors.As(err, &stopped) || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled before: err %v, want a *StoppedError wrapping context.Canceled", err)
	}

	expired, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	if _, err := TextContext(expired, text, opts); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("deadline passed: err %v, want context.DeadlineExceeded", err)
	}

	for _, tc := range []struct {
		checks int64
		phase  string
	}{{3, "reading points"}, {40, "matching to the base draft"}} {
		c := &countdown{Context: context.Background()}
		c.left.Store(tc.checks)
		_, err := TextContext(c, text, opts)
		if !errors.As(err, &stopped) || !errors.Is(err, context.Canceled) {
			t.Fatalf("after %d checks: err %v, want a *StoppedError", tc.checks, err)
		}
		if stopped.Phase != tc.phase || stopped.Done == 0 || stopped.Done >= stopped.Of {
			t.Errorf("after %d checks: stopped %q at %d of %d, want part way through %q", tc.checks, stopped.Phase, stopped.Done, stopped.Of, tc.phase)
		}
	}
}

// TestLargeBaseMatchesAsSmall: a base of more provisions than a point is
// scored against (maxCandidates) still matches each point of the 28 to its
// own provision.
func TestLargeBaseMatchesAsSmall(t *testing.T) {
	opts := Options{Parties: seedParties(t), Base: seedDraft(t, "US peace framework", "28-point draft")}
	text := readTestdata(t, "us-28-points.txt")
	small := Text(text, opts)
	opts.Base = append(bigBase(t, 200), opts.Base...)
	large := Text(text, opts)
	same := 0
	for i, p := range small.Points {
		if p.BaseProvision != nil && large.Points[i].Key == p.Key {
			same++
		}
	}
	if matched := countMatched(small); same < matched {
		t.Errorf("against the base among 200 more provisions, %d of %d points keep their key", same, matched)
	}
}

func countMatched(r Result) int {
	n := 0
	for _, p := range r.Points {
		if p.BaseProvision != nil {
			n++
		}
	}
	return n
}
