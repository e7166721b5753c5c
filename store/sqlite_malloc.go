//go:build linux && cgo

package store

/*
#include <malloc.h>

// keepFreedMemory sets how much free memory glibc's allocator keeps at the
// top of each of its heaps before it hands it back to the kernel. Where
// the C library is not glibc (musl has no M_TRIM_THRESHOLD) it does
// nothing.
static void keepFreedMemory(int bytes) {
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, bytes);
#endif
}
*/
import "C"

// SQLite allocates with the C library's malloc, on whichever thread runs
// the query, so its memory comes from glibc's per-thread heaps. By default
// glibc gives a heap's free top back to the kernel as soon as it passes
// 128 KB (madvise), and every statement that builds JSON or sorts crossed
// that line: the next one faulted the pages in again, and each return
// made the kernel flush the other core's address translations. Under the
// GET load that was a tenth of the server's CPU, and keeping up to 1 MB
// free per heap served a quarter more requests a second with the same
// peak memory (mallopt's M_TRIM_THRESHOLD; measured with wrk, see the
// performance section of the README).
func init() { C.keepFreedMemory(1 << 20) }
