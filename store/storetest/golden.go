package storetest

import (
	"bytes"
	"flag"
	"os"
	"strconv"
	"testing"
)

// update makes Golden rewrite the golden files instead of comparing with
// them, after a deliberate change: go test ./ui/export -run TestGolden -update.
// Read the diff before committing it.
var update = flag.Bool("update", false, "rewrite the golden files the tests compare with")

// Golden compares got with the golden file at path and shows the first
// line where they part; with -update it writes got to path first.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + string(gl) + "\nwant: " + string(wl)
		}
	}
	return "(same lines, different bytes)"
}
