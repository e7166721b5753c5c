package gen_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"plantracker/store"
)

// searchFilters are the searches of the load (api/bench's searches): words
// from rare to common, in English and Ukrainian, each with a filter.
var searchFilters = []store.ProvisionFilter{
	{Category: "security", Query: "guarantee"},
	{Kind: "territorial", Query: "crimea"},
	{Status: "agreed", Query: "гарантії"},
	{Category: "justice", Query: "tribunal"},
	{Sourcing: "reported", Query: "nuclear plant"},
	{Kind: "sanctions", Query: "snapback"},
	{Party: "UA", Query: "трибунал"},
	{Category: "economic", Query: "reparations"},
}

// BenchmarkStoreSearchEach: each search of BenchmarkStoreSearch alone, and
// its words again without the filter, so that a filter's cost shows apart
// from the words'. Besides the wall time it reports the process's CPU time
// per search (cpu-ns/op), which other work on the machine disturbs less.
func BenchmarkStoreSearchEach(b *testing.B) {
	w := benchStore(b)
	ctx := context.Background()
	for _, f := range searchFilters {
		for _, filtered := range []bool{true, false} {
			name := f.Query + "/" + f.Category + f.Kind + f.Status + f.Sourcing + f.Party
			if !filtered {
				f = store.ProvisionFilter{Query: f.Query}
				name = f.Query + "/unfiltered"
			}
			f.Limit = 50
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				start := cpuTime()
				for b.Loop() {
					if _, err := w.Store.Provisions(ctx, f); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
