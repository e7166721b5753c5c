package storetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// The tests read our output with other people's tools (pdftotext,
// Redocly, html-validate): a third party's reading, not ours. make test
// installs them where missing; these helpers find them and decide what a
// missing one means, in one place.

// RequireTool returns bin, the path of a tool a test needs. An empty bin
// means the tool is missing: in CI that fails the test (make test installs
// it; install says how), elsewhere the test is skipped, saying the same.
func RequireTool(t testing.TB, bin, what, install string) string {
	t.Helper()
	if bin != "" {
		return bin
	}
	if InCI() {
		t.Fatalf("%s is not installed: make test-deps installs it (%s)", what, install)
	}
	t.Skipf("%s is not installed; make test-deps installs it (%s)", what, install)
	return ""
}

// Command is the path of the program name on $PATH, or "" without it.
func Command(name string) string {
	bin, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return bin
}

// NodeTool is the path of an npm tool the tests use: $env when set, else
// the one make test-deps installs under tmp/tools/<dir> at the top of the
// repository; "" when neither is there.
func NodeTool(env, dir, name string) string {
	if bin := os.Getenv(env); bin != "" {
		return bin
	}
	_, here, _, _ := runtime.Caller(0) // store/storetest/tools.go
	bin := filepath.Join(filepath.Dir(here), "..", "..", "tmp", "tools", dir, "node_modules", ".bin", name)
	if _, err := os.Stat(bin); err != nil {
		return ""
	}
	return bin
}
