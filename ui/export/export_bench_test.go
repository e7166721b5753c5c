package export

import (
	"bytes"
	"io"
	"runtime"
	rtmetrics "runtime/metrics"
	"sync"
	"testing"
	"time"

	"plantracker/models"
	"plantracker/models/report"
	"plantracker/store/gen"
	"plantracker/store/storetest"
)

// Benchmarks: a 10,000-provision summary and a comparison of two
// 10,000-provision drafts, to each format. The data is generated
// (storetest.RandomDrafts): every kind with valid terms, English and
// Ukrainian wording, and a later draft in which about a fifth of the
// provisions change (terms, wording, parties, status, title) and a few are
// replaced by new ones.
//
// Targets on a 2-core machine: Markdown and CSV under 100 ms and 50 MB
// allocated per export; the PDF, of 1,000 provisions, under 2 s and 64 MB
// of peak heap (BenchmarkSummaryPDF1000).

// English and Ukrainian words, for the line breaker's random text
// (TestParaWraps).
var genLatin, genCyrillic = gen.Words(false), gen.Words(true)

// generated returns a summary of an n-provision draft and its comparison
// with a revision of it: storetest's random drafts.
func generated(tb testing.TB, n int) (report.Summary, report.Comparison) {
	drafts := storetest.RandomDrafts(tb, 2025+uint64(n), 2, n)
	from, to := drafts[0], drafts[1]
	plan := models.Plan{ID: 1, Title: "Generated plan", Origin: "US"}
	return report.Summarize(plan, from.Draft, from.Provisions, fixtureParties), report.Compare(from, to)
}

var (
	benchOnce       sync.Once
	benchSummary    report.Summary
	benchComparison report.Comparison
)

func benchData(b *testing.B) (report.Summary, report.Comparison) {
	benchOnce.Do(func() { benchSummary, benchComparison = generated(b, 10_000) })
	return benchSummary, benchComparison
}

func BenchmarkSummary10000(b *testing.B) {
	s, _ := benchData(b)
	benchFormats(b, func(w io.Writer, format string) error { return Summary(w, s, testProvenance, format) })
}

func BenchmarkComparison10000(b *testing.B) {
	_, c := benchData(b)
	benchFormats(b, func(w io.Writer, format string) error { return Comparison(w, c, testProvenance, format) })
}

// benchFormats runs a sub-benchmark of export, of the 10,000 generated
// provisions, for every format but the PDF (refused at that length).
func benchFormats(b *testing.B, export func(w io.Writer, format string) error) {
	pdfMetrics() // measured once per process, not per export
	for _, format := range Formats {
		if TooLongForPDF(10_000) && format == "pdf" {
			continue // refused as a PDF: BenchmarkSummaryPDF1000 holds the PDF
		}
		b.Run(format, func(b *testing.B) {
			runtime.GC() // the generator's garbage is not the export's
			b.ReportAllocs()
			for b.Loop() {
				if err := export(io.Discard, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSummaryPDF1000 is the bound the PDF is held to: a summary of
// 1,000 provisions in under 2 s on a 2-core machine and under 64 MB of
// peak heap. Beside time, bytes allocated and the pages, it reports
// peak-heap-MB: the most heap the exports occupied at any one time, above
// what was live before them (the summary they read). What a user feels is
// that peak, not the total allocated: fpdf, as released, makes a zlib
// writer of about 1.2 MB for every page it compresses (192 MB allocated
// for this summary), all garbage a moment later, and what that costs is
// how far the heap grows before the collector frees it.
//
// How: heapPeak reads the runtime's count of bytes in heap objects (live,
// or dead and not yet freed: MemStats.HeapAlloc) and of bytes allocated
// so far (MemStats.TotalAlloc) every 200 µs while the exports run,
// through runtime/metrics, which does not stop the world. The heap can
// only grow between two reads by what was allocated between them, so the
// peak is at most a read's heap plus what was allocated before the next
// read; the largest such sum is peak-heap-MB, an upper bound that a peak
// falling between two reads cannot escape. The largest heap actually read
// is heap-read-MB, a lower bound; the true peak lies between the two, and
// their gap widens when the machine is busy and the reads come late. Both
// are taken over every export of the run, each one's garbage left to the
// collector as a server's would be, so they include the garbage not yet
// freed (which is what a process holds) but not the collector's
// fragmentation or the memory it has yet to return to the system.
func BenchmarkSummaryPDF1000(b *testing.B) {
	s, _ := generated(b, 1_000)
	pdfMetrics()
	var one bytes.Buffer
	if err := Summary(&one, s, testProvenance, "pdf"); err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(one.Bytes(), []byte("/Type /Page\n"))
	runtime.GC() // the generator's garbage is not the export's
	stop := heapPeak()
	b.ReportAllocs()
	for b.Loop() {
		if err := Summary(io.Discard, s, testProvenance, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
	peak, read := stop()
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	b.ReportMetric(float64(read)/1e6, "heap-read-MB")
}

// heapPeak starts sampling the heap; the function it returns stops it and
// returns, above the heap at the start, the bound on the peak and the
// largest heap read that BenchmarkSummaryPDF1000 describes.
func heapPeak() (stop func() (peak, read uint64)) {
	samples := []rtmetrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	read := func() (heap, allocs uint64) {
		rtmetrics.Read(samples)
		return samples[0].Value.Uint64(), samples[1].Value.Uint64()
	}
	base, _ := read()
	var peak, seen uint64
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		heap, allocs := read()
		for {
			var last bool
			select {
			case <-quit:
				last = true
			case <-tick.C:
			}
			nextHeap, nextAllocs := read()
			peak = max(peak, heap+(nextAllocs-allocs))
			seen = max(seen, nextHeap)
			heap, allocs = nextHeap, nextAllocs
			if last {
				return
			}
		}
	}()
	above := func(v uint64) uint64 { return v - min(v, base) }
	return func() (uint64, uint64) {
		close(quit)
		<-done
		return above(peak), above(seen)
	}
}
