//go:build unix

package parse

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the test process has used: the benchmark
// reports it beside wall time, which on a shared machine says more about
// the neighbours than about the parser.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
