// Package bench measures Plantracker under HTTP load, beside a floor that
// shows what the same work costs with nothing of ours in the way. It is
// benchmark code, not part of the product.
//
// TestLoad (load_test.go) runs when PLANTRACKER_BENCH_DB names a generated
// database (`plantracker gen`); `make bench` generates one of 100,000
// provisions, installs wrk where it is missing (.ci/install-bench-deps)
// and runs it:
//
//   - start-up: the server binary started on a copy of the database, five
//     times, timed from the start of the process to its first served API
//     request;
//   - the floor (Floor, floor.go): a bare net/http + database/sql server
//     over the same file, in a child process of its own, that serves the
//     same provision and the same page of a draft as the same JSON (checked
//     byte for byte before the load) and makes the same two writes of a
//     PATCH (the UPDATE and the change row, one transaction, synchronous=
//     FULL);
//   - ours: the real server (`plantracker serve`) as a child process,
//     running beside the floor;
//   - the load: wrk (wrk.go), a process of its own, 2 threads, 50
//     connections (8 for PATCH, 1 for compare), --latency, for
//     PLANTRACKER_BENCH_SECONDS (default 10) after a warm-up run of 2 s,
//     each request made by a Lua script written for the load (Script: a
//     random provision or draft, the searches in turn, a new title each
//     time). Each figure with a floor is measured on the floor and then at
//     once on ours: GET one provision; list 50 provisions of one draft;
//     PATCH a provision; then, ours alone, search across all drafts and
//     compare two 1,000-provision drafts; then our peak RSS. wrk's output
//     (ParseWrk) gives requests per second, the median and 99th percentile
//     latencies, and the answers other than 2xx or 3xx and the socket
//     errors, which fail the test; the server's and wrk's processor time
//     give the CPU per request.
//
// It ends with a table (Report): one row per figure, the floor's beside
// ours with their ratio, its target and whether it holds; then the Go
// benchmarks of the same run when PLANTRACKER_BENCH_GO names their output.
package bench
