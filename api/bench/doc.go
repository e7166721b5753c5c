// Package bench measures Plantracker under HTTP load, against floors that
// show what the same work costs with nothing of ours in the way. It is
// benchmark code, not part of the product.
//
// TestLoad (load_test.go) runs when PLANTRACKER_BENCH_DB names a generated
// database (`plantracker gen`); `make bench` generates one of 100,000
// provisions and runs it:
//
//   - start-up: the server binary started on a copy of the database, five
//     times, timed from the start of the process to its first served API
//     request;
//   - the floor: FloorHandler, a bare net/http + database/sql handler that
//     serves the same provision as the same JSON from the same file, in a
//     child process of its own, under the load our GET one provision gets;
//   - ours: the real server (`plantracker serve`) as a child process, under
//     loads from this process over loopback (Run: a closed loop of N
//     connections, latencies per request): GET one provision; list 50
//     provisions of one draft; filter and full-text search across all
//     drafts; PATCH a provision; compare two 1,000-provision drafts; then
//     its peak RSS;
//   - the floor of a write: CommitLoop, bare SQLite transactions (an
//     UPDATE and the INSERT of its change row) with the same synchronous
//     setting.
//
// It ends with a table (Report), one row per figure with its target, and
// the Go benchmarks of the same run when PLANTRACKER_BENCH_GO names their
// output.
package bench
